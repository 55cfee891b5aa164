-- Team $1's members become exactly $2.
WITH gone AS (DELETE FROM oncall_team_member WHERE team_id = $1 AND NOT (username = ANY ($2::text[])))
INSERT INTO oncall_team_member (team_id, username)
SELECT $1, u FROM unnest($2::text[]) AS u
ON CONFLICT DO NOTHING
