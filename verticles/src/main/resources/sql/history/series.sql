-- One KPI of one scope at every bucket of [$3, $4), $5 apart ('1 minute' or '1 hour'), from ${table}.
-- $6: a count KPI, whose missing buckets are 0 (zero counts are not stored); a gauge's missing buckets were
-- not sampled and have no point. Each point is one primary-key lookup.
SELECT p.t AS bucket, CASE WHEN $6::boolean THEN coalesce(r.value, 0) ELSE r.value END AS value
FROM generate_series($3::timestamptz, $4::timestamptz - $5::text::interval, $5::text::interval) AS p (t)
LEFT JOIN ${table} r ON r.bucket = p.t AND r.scope = $1::text AND r.kpi = $2::text
WHERE $6::boolean OR r.value IS NOT NULL
ORDER BY p.t
