-- A new silence: matchers $1 rule code, $2 kind, $3 subject, $4 severity (null: any), until $5, because $6, by $7.
INSERT INTO alert_silence (rule_code, kind, subject, severity, ends_at, reason, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *
