-- Which of systems $2 another team than $1 owns, and which team.
SELECT s.system_code, t.code AS team
FROM oncall_team_system s JOIN oncall_team t ON t.id = s.team_id
WHERE s.system_code = ANY ($2::text[]) AND s.team_id IS DISTINCT FROM $1
ORDER BY s.system_code
