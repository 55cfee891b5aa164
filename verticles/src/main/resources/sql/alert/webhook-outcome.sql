-- Records attempt $2 of delivery $1 ($3 HTTP status, $4 error, $5 ms) and its outcome: $6 delivered, failed or
-- pending (then tried again in $7 ms). The attempt is always recorded; the outcome not when the delivery was
-- claimed again meanwhile.
WITH a AS (
    INSERT INTO webhook_attempt (delivery_id, attempt, http_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)
)
UPDATE webhook_delivery SET status = $6, last_status = $3, last_error = $4,
       next_attempt_at = now() + make_interval(secs => $7::float8 / 1000),
       delivered_at = CASE WHEN $6 = 'delivered' THEN now() END
WHERE id = $1 AND attempts = $2
