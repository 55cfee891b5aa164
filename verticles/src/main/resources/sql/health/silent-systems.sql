-- Systems gone silent: their latest real heartbeat (from any source but the watchdog's, $1) is older than
-- heartbeat_interval_seconds × $2 (health.silenceFactor), and they are not already down since it.
-- system_state holds each system's latest event by occurred_at, so the latest real heartbeat is the state's
-- own event, unless that event is the watchdog's: then the system is already down since after its last
-- heartbeat. Reading the state (14 rows) rather than the event log keeps this cheap enough to run every
-- second; a system that never reported has no state and stays unknown.
SELECT s.system_code,
       s.occurred_at                     AS last_heartbeat,
       c.heartbeat_interval_seconds::bigint * $2::integer AS threshold_seconds
FROM system_state s
JOIN city_system c ON c.code = s.system_code
JOIN event e ON e.seq = s.event_seq
WHERE e.source <> $1
  AND s.status <> 'down'
  AND s.occurred_at + make_interval(secs => c.heartbeat_interval_seconds::float8 * $2::integer) < now()
ORDER BY s.system_code
