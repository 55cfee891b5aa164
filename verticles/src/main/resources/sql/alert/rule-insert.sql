-- A new alert rule (webhook format $16), created by $17; nothing when its code ($1) is taken.
INSERT INTO alert_rule (code, kind, subject, severity, threshold, clear_threshold, window_minutes, for_seconds,
                        clear_seconds, reopen_seconds, escalate_after_seconds, webhook_url, webhook_secret, enabled,
                        description, webhook_format, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
ON CONFLICT (code) DO NOTHING
RETURNING *
