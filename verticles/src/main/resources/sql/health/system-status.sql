-- Every city system's health as of $1, from the event log alone:
--   status, latency and message of its latest event; since: when the current run of equal statuses began;
--   last_heartbeat: its latest event from a real source (not the watchdog, $4); silent: the latest event is
--   the watchdog's down;
--   available (up or degraded) and down seconds since $2 (local midnight) and since $3 (seven days ago): each
--   event's status holds until the system's next event, the last one until $1; time before the first event
--   is not counted.
-- $5: one system's code, or null for all. Events stamped after $1 do not count yet.
-- One sort by system and time serves every window function; only the latest event's payload is read.
WITH health AS (
    SELECT system_code, seq, source, status, occurred_at,
           coalesce(lead(occurred_at) OVER ordered, $1)     AS until,
           lead(seq) OVER ordered IS NULL                   AS latest,
           status IS DISTINCT FROM lag(status) OVER ordered AS starts_run
    FROM event
    WHERE type = 'system.health'
      AND occurred_at <= $1
      AND ($5::text IS NULL OR system_code = $5)
    WINDOW ordered AS (PARTITION BY system_code ORDER BY occurred_at, seq)
), per_system AS (
    SELECT system_code,
           max(seq) FILTER (WHERE latest)               AS latest_seq,
           max(occurred_at) FILTER (WHERE starts_run)   AS since,
           max(occurred_at) FILTER (WHERE source <> $4) AS last_heartbeat,
           sum(today) FILTER (WHERE status <> 'down')   AS available_today,
           sum(today) FILTER (WHERE status = 'down')    AS down_today,
           sum(week) FILTER (WHERE status <> 'down')    AS available_week,
           sum(week) FILTER (WHERE status = 'down')     AS down_week
    FROM health,
         LATERAL (SELECT greatest(0, date_part('epoch', until - greatest(occurred_at, $2))) AS today,
                         greatest(0, date_part('epoch', until - greatest(occurred_at, $3))) AS week) AS seconds
    GROUP BY system_code
)
SELECT c.code, c.name_vi, c.name_en, c.kind,
       e.status, p.since, p.last_heartbeat,
       (e.payload ->> 'latencyMs')::integer             AS latency_ms,
       e.payload ->> 'message'                          AS message,
       coalesce(e.source = $4 AND e.status = 'down', false) AS silent,
       coalesce(p.available_today, 0) AS available_today, coalesce(p.down_today, 0) AS down_today,
       coalesce(p.available_week, 0) AS available_week, coalesce(p.down_week, 0) AS down_week
FROM city_system c
LEFT JOIN per_system p ON p.system_code = c.code
LEFT JOIN event e ON e.seq = p.latest_seq
WHERE $5::text IS NULL OR c.code = $5
ORDER BY c.code
