-- Alerts, newest first, each with the number of open alerts in its group. Filters may be null:
-- $1 state  $2 subject  $3 severity  $4 rule code  $5 limit  $6 id (one alert)
SELECT a.*, (SELECT count(*) FROM alert g WHERE g.group_key = a.group_key AND g.state <> 'resolved') AS group_size
FROM alert a
WHERE ($1::text IS NULL OR a.state = $1 OR ($1 = 'open' AND a.state <> 'resolved')) AND ($2::text IS NULL OR a.subject = $2)
  AND ($3::text IS NULL OR a.severity = $3) AND ($4::text IS NULL OR a.rule_code = $4)
  AND ($6::bigint IS NULL OR a.id = $6)
ORDER BY a.fired_at DESC, a.id DESC
LIMIT $5
