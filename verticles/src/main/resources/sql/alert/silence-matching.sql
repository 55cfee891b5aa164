-- A new silence $1 covers the open alerts it matches that no silence covers yet.
UPDATE alert a SET silence_id = s.id, updated_at = now(), version = a.version + 1
FROM alert_silence s
WHERE s.id = $1 AND a.state <> 'resolved' AND a.silence_id IS NULL
  AND (s.rule_code IS NULL OR s.rule_code = a.rule_code) AND (s.kind IS NULL OR s.kind = a.kind)
  AND (s.subject IS NULL OR s.subject = a.subject) AND (s.severity IS NULL OR s.severity = a.severity)
RETURNING a.*
