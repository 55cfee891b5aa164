-- Repairs system_status_change (V0009) for the events past the cursor ($1 tx, $2 seq; V0018), at most $3 of
-- them, in feed order, and moves the cursor past them; answers how many events it read (fewer than $3: caught
-- up). Run in a transaction that first locks the cursor row (sql/health/lock-status-cursor.sql).
-- A row's "starts a run" and "flips" depend only on its system's previous event in (occurred_at, seq) order,
-- and a new event changes the previous event only of itself and of its system's next event: those rows are
-- recomputed against the whole log as this statement sees it, so the result does not depend on the order in
-- which events arrived, and a repeated repair changes nothing. Events committed above the horizon may already
-- be seen as neighbours; the rows they touch are recomputed again when the cursor reaches them.
WITH todo AS (
    SELECT tx, seq, type, system_code, occurred_at, status, source
    FROM event
    WHERE (tx, seq) > ($1::xid8, $2::bigint) AND tx < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY tx, seq
    LIMIT $3
), health AS (
    SELECT system_code, occurred_at, seq, status, source FROM todo WHERE type = 'system.health'
), touched AS (
    SELECT system_code, occurred_at, seq, status, source FROM health
    UNION
    SELECT n.system_code, x.occurred_at, x.seq, x.status, x.source
    FROM health n
    CROSS JOIN LATERAL (SELECT e.occurred_at, e.seq, e.status, e.source
                        FROM event e
                        WHERE e.type = 'system.health' AND e.system_code = n.system_code
                          AND (e.occurred_at, e.seq) > (n.occurred_at, n.seq)
                        ORDER BY e.occurred_at, e.seq
                        LIMIT 1) AS x
), judged AS (
    SELECT t.system_code, t.occurred_at AS at, t.seq, t.status, t.source,
           t.status IS DISTINCT FROM p.status AS starts_run,
           (t.status = 'down') IS DISTINCT FROM (p.status = 'down') AS flips
    FROM touched t
    LEFT JOIN LATERAL (SELECT e.status
                       FROM event e
                       WHERE e.type = 'system.health' AND e.system_code = t.system_code
                         AND (e.occurred_at, e.seq) < (t.occurred_at, t.seq)
                       ORDER BY e.occurred_at DESC, e.seq DESC
                       LIMIT 1) AS p ON true
), stale AS (
    DELETE FROM system_status_change c
    USING judged j
    WHERE NOT j.starts_run AND c.system_code = j.system_code AND c.at = j.at AND c.seq = j.seq
), fresh AS (
    INSERT INTO system_status_change AS c (system_code, at, seq, status, source, flips)
    SELECT system_code, at, seq, status, source, flips
    FROM judged
    WHERE starts_run
    ORDER BY system_code, at, seq
    ON CONFLICT (system_code, at, seq) DO UPDATE SET flips = EXCLUDED.flips WHERE c.flips <> EXCLUDED.flips
), moved AS (
    UPDATE status_change_cursor c
    SET tx = l.tx, seq = l.seq
    FROM (SELECT tx, seq FROM todo ORDER BY tx DESC, seq DESC LIMIT 1) AS l
)
SELECT count(*) AS events FROM todo
