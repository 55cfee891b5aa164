-- Every city system's health as of $1:
--   status, latency and message of its latest event; since: when the current run of equal statuses began;
--   last_heartbeat: its latest event from a real source (not the watchdog, $4); silent: the latest event is
--   the watchdog's down;
--   available (up or degraded) and down seconds since $2 (local midnight) and since $3 (seven days ago): each
--   event's status holds until the system's next event, the last one until $1; time before the first event
--   is not counted.
-- $5: one system's code, or null for all. Events stamped after $1 do not count yet.
-- Bounded cost: the latest events are index seeks (event_health_idx); "since" and uptime read the status
-- changes (system_status_change, V0009) in the window and the last one before it, never every heartbeat.
-- A run of equal availability covers the same time as its events' intervals, so the sums are the same.
SELECT c.code, c.name_vi, c.name_en, c.kind,
       e.status, s.at                                   AS since, h.occurred_at AS last_heartbeat,
       (e.payload ->> 'latencyMs')::integer             AS latency_ms,
       e.payload ->> 'message'                          AS message,
       coalesce(e.source = $4::text AND e.status = 'down', false) AS silent,
       coalesce(u.available_today, 0) AS available_today, coalesce(u.down_today, 0) AS down_today,
       coalesce(u.available_week, 0) AS available_week, coalesce(u.down_week, 0) AS down_week
FROM city_system c
LEFT JOIN LATERAL (SELECT ev.status, ev.source, ev.payload
                   FROM event ev
                   WHERE ev.type = 'system.health' AND ev.system_code = c.code AND ev.occurred_at <= $1::timestamptz
                   ORDER BY ev.occurred_at DESC, ev.seq DESC
                   LIMIT 1) AS e ON true
LEFT JOIN LATERAL (SELECT ev.occurred_at
                   FROM event ev
                   WHERE ev.type = 'system.health' AND ev.system_code = c.code AND ev.occurred_at <= $1::timestamptz
                     AND ev.source <> $4::text
                   ORDER BY ev.occurred_at DESC, ev.seq DESC
                   LIMIT 1) AS h ON true
LEFT JOIN LATERAL (SELECT ch.at
                   FROM system_status_change ch
                   WHERE ch.system_code = c.code AND ch.at <= $1::timestamptz
                   ORDER BY ch.at DESC, ch.seq DESC
                   LIMIT 1) AS s ON true
LEFT JOIN LATERAL (
    -- Only availability matters here: the changes between up or degraded and down, from the last one at or
    -- before the windows' start.
    SELECT sum(today) FILTER (WHERE NOT w.down) AS available_today,
           sum(today) FILTER (WHERE w.down)     AS down_today,
           sum(week) FILTER (WHERE NOT w.down)  AS available_week,
           sum(week) FILTER (WHERE w.down)      AS down_week
    FROM (SELECT ch.status = 'down' AS down, ch.at,
                 coalesce(lead(ch.at) OVER (ORDER BY ch.at, ch.seq), $1::timestamptz) AS until
          FROM system_status_change ch
          WHERE ch.flips AND ch.system_code = c.code AND ch.at <= $1::timestamptz
            AND ch.at >= coalesce((SELECT b.at
                                   FROM system_status_change b
                                   WHERE b.flips AND b.system_code = c.code
                                     AND b.at <= least($2::timestamptz, $3::timestamptz)
                                   ORDER BY b.at DESC, b.seq DESC
                                   LIMIT 1), '-infinity')) AS w,
         LATERAL (SELECT greatest(0, date_part('epoch', w.until - greatest(w.at, $2::timestamptz))) AS today,
                         greatest(0, date_part('epoch', w.until - greatest(w.at, $3::timestamptz))) AS week) AS seconds
) AS u ON true
WHERE $5::text IS NULL OR c.code = $5
ORDER BY c.code
