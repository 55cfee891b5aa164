-- The reminder ($1 meeting, $2 person, $3 start) node $4 sent is done: state $5 (sent, failed), notification $6.
UPDATE meeting_reminder SET state = $5, notification_id = $6, finished_at = now()
WHERE meeting_id = $1 AND username = $2 AND starts_at = $3 AND claimed_by = $4 AND state = 'claimed'
