-- Ends silence $1 now, by $2; nothing when it already ended (or never existed).
UPDATE alert_silence SET ends_at = now(), ended_by = $2 WHERE id = $1 AND ends_at > now() RETURNING id
