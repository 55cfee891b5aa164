-- The teams (or team $1), each with its lead, policy, members and systems, by code.
SELECT t.id, t.code, t.name_vi, t.name_en, t.lead_username, p.code AS policy, t.created_at, t.updated_at,
       ARRAY(SELECT m.username FROM oncall_team_member m WHERE m.team_id = t.id ORDER BY m.username) AS members,
       ARRAY(SELECT s.system_code FROM oncall_team_system s WHERE s.team_id = t.id ORDER BY s.system_code) AS systems
FROM oncall_team t
LEFT JOIN escalation_policy p ON p.id = t.policy_id
WHERE $1::text IS NULL OR t.code = $1
ORDER BY t.code
