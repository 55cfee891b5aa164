-- The teams that page by policy $1.
SELECT code FROM oncall_team WHERE policy_id = $1 ORDER BY code
