-- Claims up to 20 due deliveries for this node: one attempt more, and a lease of $1 seconds before another node
-- may try again; SKIP LOCKED lets each node take different ones.
UPDATE webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
FROM (SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED) due
WHERE d.id = due.id
RETURNING d.id, d.url, d.payload::text AS body, d.attempts,
          (SELECT webhook_secret FROM alert_rule r WHERE r.id = d.rule_id) AS secret
