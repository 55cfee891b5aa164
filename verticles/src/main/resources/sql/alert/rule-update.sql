-- Replaces the fields of rule $17 (whose code $1 and kind $2 never change); nothing when it is gone.
UPDATE alert_rule
SET (subject, severity, threshold, clear_threshold, window_minutes, for_seconds, clear_seconds, reopen_seconds,
     escalate_after_seconds, webhook_url, webhook_secret, enabled, description, webhook_format, updated_at)
  = ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
WHERE id = $17 AND code = $1 AND kind = $2
RETURNING *
