-- Open alerts whose silence ended (expired or deleted) and that no other active silence covers: shown again.
UPDATE alert a SET silence_id = NULL, updated_at = now(), version = a.version + 1
WHERE a.state <> 'resolved' AND a.silence_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM alert_silence s
                  WHERE s.starts_at <= now() AND s.ends_at > now()
                    AND (s.rule_code IS NULL OR s.rule_code = a.rule_code) AND (s.kind IS NULL OR s.kind = a.kind)
                    AND (s.subject IS NULL OR s.subject = a.subject) AND (s.severity IS NULL OR s.severity = a.severity))
RETURNING a.*
