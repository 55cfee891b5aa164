-- A new acknowledge link for page $3 of outage $2 to $4, kept as its hash $1, valid $5 minutes.
INSERT INTO oncall_ack_token (hash, episode_id, page_id, username, expires_at)
VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
