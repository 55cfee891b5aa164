-- Overdue dossiers per district as the history rollup sampled them at the instant $1: the latest per-minute
-- sample of the dossiers_overdue gauge at or before it, no older than 15 minutes (a node that was down then
-- has no sample, and an older one would mislead). Scope 'district:<code>'; the city is 'city'.
SELECT DISTINCT ON (scope) scope, value
FROM kpi_rollup_minute
WHERE kpi = 'dossiers_overdue' AND bucket <= $1 AND bucket > $1 - interval '15 minutes'
ORDER BY scope, bucket DESC
