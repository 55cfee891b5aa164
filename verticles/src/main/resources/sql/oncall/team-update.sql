-- Team $1's names ($2, $3), lead ($4) and policy id ($5); nothing when there is no such team.
UPDATE oncall_team SET name_vi = $2, name_en = $3, lead_username = $4, policy_id = $5, updated_at = now()
WHERE code = $1
RETURNING id
