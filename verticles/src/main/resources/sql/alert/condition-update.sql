-- Compare-and-set: moves the condition of rule $1 on subject $2 to ($3 active, $4 since, $5 alerting, $6 value) at
-- the event ($7, $8), only if it still stands where it was read: at the event ($9, $10), $11 active, $12 alerting.
UPDATE alert_condition SET active = $3, since = $4, alerting = $5, value = $6, event_at = $7, event_seq = $8
WHERE rule_id = $1 AND subject = $2 AND event_at = $9 AND event_seq = $10 AND active = $11 AND alerting = $12
