-- One hourly roll (history/Rollups, every minute on every node; idempotent like the minute run).
--   $1 the first hour to roll   $2 the hour after the last   $3 minute rows older than this are deleted (48 h)
--   $4 hour rows older than this are deleted (90 days)   $5 the gauge KPIs
-- An hour's count is the sum of its minutes; a gauge keeps the last sample of the hour. The caller rolls only
-- hours whose minutes are all still kept, so a partly deleted hour is never rolled again.
WITH rolled AS (
    SELECT date_bin('1 hour', bucket, timestamptz '2000-01-01 00:00:00+00') AS hour, scope, kpi,
           CASE WHEN kpi = ANY ($5::text[]) THEN (array_agg(value ORDER BY bucket DESC))[1]
                ELSE sum(value) END AS value
    FROM kpi_rollup_minute
    WHERE bucket >= $1::timestamptz AND bucket < $2::timestamptz
    GROUP BY 1, 2, 3
), written AS (
    INSERT INTO kpi_rollup_hour AS h (bucket, scope, kpi, value)
    SELECT hour, scope, kpi, value FROM rolled
    ORDER BY hour, scope, kpi
    ON CONFLICT (bucket, scope, kpi) DO UPDATE SET value = EXCLUDED.value
        WHERE h.value IS DISTINCT FROM EXCLUDED.value
    RETURNING 1
), old_minutes AS (
    DELETE FROM kpi_rollup_minute WHERE bucket < $3::timestamptz RETURNING 1
), old_hours AS (
    DELETE FROM kpi_rollup_hour WHERE bucket < $4::timestamptz RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM old_minutes) AS deleted_minutes,
       (SELECT count(*) FROM old_hours) AS deleted_hours
