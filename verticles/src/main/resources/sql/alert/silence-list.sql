-- The active silences ($1 true), or also those ended within the last 7 days ($1 false), newest first.
SELECT * FROM alert_silence
WHERE ends_at > now() - CASE WHEN $1 THEN interval '0' ELSE interval '7 days' END
ORDER BY id DESC
