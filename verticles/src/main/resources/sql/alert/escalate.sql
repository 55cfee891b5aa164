-- Alerts still firing (not acknowledged, not silenced) past their rule's escalate_after_seconds since they fired
-- or last escalated: severity raised one step up the ladder $1 (info, warning, critical: the top stays the top),
-- escalation counted, at most $2 times (alert/Lifecycle gives both). Every node runs this; the row lock and the
-- re-checked condition let one of them escalate each step.
UPDATE alert a
SET severity = ($1::text[])[least(array_position($1::text[], a.severity) + 1, cardinality($1::text[]))],
    escalation_level = a.escalation_level + 1, escalated_at = now(), updated_at = now(), version = a.version + 1
FROM alert_rule r
WHERE r.id = a.rule_id AND a.state = 'firing' AND a.silence_id IS NULL AND r.escalate_after_seconds IS NOT NULL
  AND a.escalation_level < $2
  AND coalesce(a.escalated_at, a.fired_at) + make_interval(secs => r.escalate_after_seconds) <= now()
RETURNING a.*
