-- The on-call setup of a development node, installed only when there is none (no team, no policy) and the demo
-- sre exists: team sre-dc owning every system, led by sre, sre its primary rotation alone (daily at 08:00); its
-- policy pages the primary at once, the lead after 5 minutes, and reminds whoever acknowledged after 30.
-- Answers how many teams it made (0 or 1).
WITH wanted AS (
    SELECT NOT EXISTS (SELECT 1 FROM oncall_team) AND NOT EXISTS (SELECT 1 FROM escalation_policy)
           AND EXISTS (SELECT 1 FROM app_user WHERE username = 'sre' AND active) AS yes
), policy AS (
    INSERT INTO escalation_policy (code, name, remind_seconds)
    SELECT 'sre-dc-default', 'Trực chính ngay, trưởng nhóm sau 5 phút; nhắc sau 30 phút', 1800 FROM wanted WHERE yes
    RETURNING id
), steps AS (
    INSERT INTO escalation_step (policy_id, position, after_seconds, target)
    SELECT policy.id, s.position, s.after_seconds, s.target
    FROM policy, (VALUES (0, 0, 'primary'), (1, 300, 'lead')) AS s (position, after_seconds, target)
), team AS (
    INSERT INTO oncall_team (code, name_vi, name_en, lead_username, policy_id)
    SELECT 'sre-dc', 'SRE Trung tâm dữ liệu', 'Data-center SRE', 'sre', policy.id FROM policy
    RETURNING id
), members AS (
    INSERT INTO oncall_team_member (team_id, username) SELECT team.id, 'sre' FROM team
), systems AS (
    INSERT INTO oncall_team_system (system_code, team_id) SELECT c.code, team.id FROM team, city_system c
), rotation AS (
    INSERT INTO oncall_rotation (team_id, layer, length, handoff_time, starts_on, members)
    SELECT team.id, 'primary', 'daily', TIME '08:00', DATE '2026-01-01', ARRAY['sre'] FROM team
)
SELECT count(*) FROM team
