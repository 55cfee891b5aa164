-- Page $1, sent by node $2, is done: state $3 (sent, failed, cancelled), notification $4. Nothing when another
-- node took it over meanwhile.
UPDATE oncall_page SET state = $3, notification_id = $4, finished_at = now()
WHERE id = $1 AND claimed_by = $2 AND state = 'claimed'
RETURNING id
