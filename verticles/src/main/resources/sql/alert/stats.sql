-- MTTA and MTTR per system since $1: each firing (fire or reopen) is an episode, acknowledged at the first
-- acknowledgement and resolved at the first resolution after it; means in seconds over the episodes that got
-- there. Systems without an episode are listed with zeros.
WITH t AS (
    SELECT alert_id, action, at,
           max(at) FILTER (WHERE action IN ('fire', 'reopen')) OVER (PARTITION BY alert_id ORDER BY id) AS started
    FROM alert_transition
), episodes AS (
    SELECT t.alert_id, t.started,
           min(t.at) FILTER (WHERE t.action = 'acknowledge') AS acknowledged,
           min(t.at) FILTER (WHERE t.action = 'resolve') AS resolved
    FROM t
    WHERE t.started >= $1
    GROUP BY t.alert_id, t.started
), per_system AS (
    SELECT a.subject,
           count(*) AS episodes,
           count(e.acknowledged) AS acknowledged,
           avg(extract(epoch FROM e.acknowledged - e.started)) AS mtta,
           count(e.resolved) AS resolved,
           avg(extract(epoch FROM e.resolved - e.started)) AS mttr
    FROM episodes e JOIN alert a ON a.id = e.alert_id
    WHERE a.kind IN ('system_down', 'system_degraded', 'latency_high')
    GROUP BY a.subject
)
SELECT c.code, c.name_vi, c.name_en, coalesce(p.episodes, 0) AS episodes, coalesce(p.acknowledged, 0) AS acknowledged,
       p.mtta, coalesce(p.resolved, 0) AS resolved, p.mttr
FROM city_system c LEFT JOIN per_system p ON p.subject = c.code
ORDER BY c.code
