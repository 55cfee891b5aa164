-- One minute-rollup run (history/Rollups, every 10 s on every node). Idempotent: every value is recomputed
-- from the event log and the state tables and upserted, so any number of nodes may run it.
--   $1 the current minute   $2 now   $3 the oldest minute kept (48 h back)   $4 the first of the last three
--   minutes   $5 the previous run's transaction horizon (xid8 as text; null on a node's first run)
--   $6 where this node's catch-up stands (null: not catching up)   $7 the most a run catches up (an interval)
-- Count KPIs are recomputed for the last three minutes, and for a gap before them: from where the catch-up
-- stands, else from the newest minute already stored (after a time no node ran), never before $3, at most $7
-- of it per run so that a long gap is closed in several runs rather than one over the statement timeout.
-- A late event — stored since the previous run (its transaction is at or above that run's horizon: every older
-- transaction had ended and was seen) but with an older minute — has its own minute recomputed too. Zero counts
-- are not stored. The gauges are sampled from the state tables for the current minute only, for the city and
-- every district, zeros included. Answers the earliest minute rewritten (the hourly roll must reach back to
-- it), how far the catch-up got, and the horizon for the next run.
WITH start AS (
    SELECT least($4::timestamptz,
                 greatest($3::timestamptz,
                          coalesce($6::timestamptz,
                                   (SELECT max(bucket) FROM kpi_rollup_minute WHERE bucket < $1::timestamptz),
                                   $3::timestamptz))) AS first_bucket
), span AS (
    SELECT first_bucket, least(first_bucket + $7::text::interval, $4::timestamptz) AS caught_up_to FROM start
), late AS (
    SELECT DISTINCT date_bin('1 minute', e.occurred_at, timestamptz '2000-01-01 00:00:00+00') AS bucket
    FROM event e, span
    WHERE $5::text IS NOT NULL
      AND e.tx >= $5::text::xid8
      AND e.occurred_at >= $3::timestamptz
      AND e.occurred_at < span.first_bucket
), ranges AS (
    -- disjoint, so that no event is counted twice: the gap (maybe empty), the last three minutes, late minutes
    SELECT first_bucket AS lo, caught_up_to AS hi FROM span WHERE first_bucket < caught_up_to
    UNION ALL
    SELECT $4::timestamptz, $1::timestamptz + interval '1 minute'
    UNION ALL
    SELECT bucket, bucket + interval '1 minute' FROM late
), counted AS (
    SELECT date_bin('1 minute', e.occurred_at, timestamptz '2000-01-01 00:00:00+00') AS bucket, s.scope,
           count(*) FILTER (WHERE e.type = 'dossier' AND e.status = 'received') AS dossiers_received,
           count(*) FILTER (WHERE e.type = 'dossier' AND e.status = 'completed') AS dossiers_completed,
           count(*) FILTER (WHERE e.type = 'dossier' AND e.status = 'completed'
                              AND (e.payload ->> 'completedAt')::timestamptz > (e.payload ->> 'dueAt')::timestamptz)
               AS dossiers_completed_late,
           count(*) FILTER (WHERE e.type = 'dossier' AND e.status = 'returned') AS dossiers_returned,
           count(*) FILTER (WHERE e.type = 'dossier' AND e.status = 'received'
                              AND e.channel IN ('online_full', 'online_partial')) AS dossiers_received_online,
           count(*) FILTER (WHERE e.type = 'feedback' AND e.status = 'received') AS feedback_received,
           count(*) FILTER (WHERE e.type = 'feedback' AND e.status = 'answered') AS feedback_answered,
           count(*) FILTER (WHERE e.type = 'system.health' AND e.status = 'down') AS system_down_events
    FROM ranges r
    JOIN event e ON e.occurred_at >= r.lo AND e.occurred_at < r.hi
    -- every event counts for the city and, when it has one, for its district (a department's dossier has none)
    CROSS JOIN LATERAL (VALUES ('city'), ('district:' || e.district_code)) AS s (scope)
    WHERE s.scope IS NOT NULL
    GROUP BY 1, 2
), counts AS (
    SELECT c.bucket, c.scope, k.kpi, k.value::double precision AS value
    FROM counted c
    CROSS JOIN LATERAL (VALUES ('dossiers_received', c.dossiers_received),
                               ('dossiers_completed', c.dossiers_completed),
                               ('dossiers_completed_late', c.dossiers_completed_late),
                               ('dossiers_returned', c.dossiers_returned),
                               ('dossiers_received_online', c.dossiers_received_online),
                               ('feedback_received', c.feedback_received),
                               ('feedback_answered', c.feedback_answered),
                               ('system_down_events', c.system_down_events)) AS k (kpi, value)
    WHERE k.value > 0
), open_dossiers AS (
    -- an agency's district: itself for a district, its parent for a commune, none for a department
    SELECT CASE a.level WHEN 'district' THEN a.code WHEN 'commune' THEN a.parent_code END AS district,
           count(*) AS backlog,
           count(*) FILTER (WHERE d.due_at < $2::timestamptz) AS overdue
    FROM dossier_state d
    JOIN agency a ON a.code = d.agency_code
    WHERE d.stage IN ('received', 'in_progress')
    GROUP BY 1
), open_feedback AS (
    SELECT district_code AS district, count(*) AS open
    FROM feedback_state
    WHERE status <> 'answered'
    GROUP BY 1
), gauges AS (
    SELECT $1::timestamptz AS bucket, 'city' AS scope, k.kpi, k.value::double precision AS value
    FROM (VALUES ('dossiers_backlog', (SELECT coalesce(sum(backlog), 0) FROM open_dossiers)),
                 ('dossiers_overdue', (SELECT coalesce(sum(overdue), 0) FROM open_dossiers)),
                 ('feedback_open', (SELECT coalesce(sum(open), 0) FROM open_feedback)),
                 ('systems_down', (SELECT count(*) FROM system_state WHERE status = 'down'))) AS k (kpi, value)
    UNION ALL
    SELECT $1::timestamptz, 'district:' || a.code, k.kpi, k.value::double precision
    FROM agency a
    LEFT JOIN open_dossiers o ON o.district = a.code
    LEFT JOIN open_feedback f ON f.district = a.code
    CROSS JOIN LATERAL (VALUES ('dossiers_backlog', coalesce(o.backlog, 0)),
                               ('dossiers_overdue', coalesce(o.overdue, 0)),
                               ('feedback_open', coalesce(f.open, 0))) AS k (kpi, value)
    WHERE a.level = 'district'
), written AS (
    INSERT INTO kpi_rollup_minute AS m (bucket, scope, kpi, value)
    SELECT bucket, scope, kpi, value
    FROM (SELECT * FROM counts UNION ALL SELECT * FROM gauges) AS r
    -- the same row order, hence lock order, on every node: concurrent runs wait for each other, never deadlock
    ORDER BY bucket, scope, kpi
    ON CONFLICT (bucket, scope, kpi) DO UPDATE SET value = EXCLUDED.value
        -- an unchanged value is not rewritten: no dead row every 10 s for every minute re-read
        WHERE m.value IS DISTINCT FROM EXCLUDED.value
    RETURNING 1
)
SELECT least((SELECT first_bucket FROM span), (SELECT min(bucket) FROM late)) AS first_bucket,
       (SELECT caught_up_to FROM span) AS caught_up_to,
       pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
       (SELECT count(*) FROM written) AS written
