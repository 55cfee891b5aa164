-- The first condition of rule $1 on subject $2, at the event ($7, $8); nothing when another node stored it first.
INSERT INTO alert_condition (rule_id, subject, active, since, alerting, value, event_at, event_seq)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT DO NOTHING
