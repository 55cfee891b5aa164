-- A new team $1 (names $2, $3, lead $4, policy id $5); nothing when the code is taken.
INSERT INTO oncall_team (code, name_vi, name_en, lead_username, policy_id)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (code) DO NOTHING
RETURNING id
