-- A new alert; the partial unique index keeps one open alert per deduplication key whatever node writes.
INSERT INTO alert (dedup_key, rule_id, rule_code, kind, subject, state, severity, base_severity, title_vi, title_en,
                   group_key, value, silence_id)
VALUES ($1, $2, $3, $4, $5, 'firing', $6, $6, $7, $8, $9, $10, $11)
ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO NOTHING
RETURNING *
