-- The health events a system rule would have seen in ($1, $2], system $3 or every system (null), and before them,
-- per system, the newest event at or before $1 (the state at the start: a system already down). Read-only.
SELECT system_code, status, occurred_at, (payload ->> 'latencyMs')::float8 AS latency_ms
FROM (
    SELECT DISTINCT ON (system_code) system_code, status, occurred_at, seq, payload
    FROM event
    WHERE type = 'system.health' AND system_code IS NOT NULL AND occurred_at <= $1 AND ($3::text IS NULL OR system_code = $3)
    ORDER BY system_code, occurred_at DESC, seq DESC
) AS start
UNION ALL
SELECT system_code, status, occurred_at, (payload ->> 'latencyMs')::float8
FROM event
WHERE type = 'system.health' AND system_code IS NOT NULL AND occurred_at > $1 AND occurred_at <= $2
  AND ($3::text IS NULL OR system_code = $3)
ORDER BY occurred_at
