-- The health events that change a system's status: each system's first event, and every event whose status
-- differs from the system's previous event in (occurred_at, seq) order. "since" and uptime read these (a few
-- rows per outage) instead of every heartbeat. Maintained exactly by sql/insert-events.sql, late events
-- included: a new event can only change whether it and the next stored event of its system start a run.
-- Concurrent batches for the same system do not see each other's events (READ COMMITTED snapshots), so two
-- racing out-of-order batches for one system can leave one change row stale; a re-seed (this INSERT) fixes it.
CREATE TABLE system_status_change (
    system_code text        NOT NULL,
    at          timestamptz NOT NULL,
    seq         bigint      NOT NULL,
    status      text        NOT NULL,
    source      text        NOT NULL,
    -- availability (up or degraded, versus down) differs from the previous event's: uptime reads only these
    flips       boolean     NOT NULL,
    PRIMARY KEY (system_code, at, seq)
);
CREATE INDEX system_status_change_flips_idx ON system_status_change (system_code, at, seq) WHERE flips;

INSERT INTO system_status_change (system_code, at, seq, status, source, flips)
SELECT system_code, occurred_at, seq, status, source, flips
FROM (SELECT system_code, occurred_at, seq, status, source,
             status IS DISTINCT FROM lag(status) OVER ordered AS starts_run,
             (status = 'down') IS DISTINCT FROM lag(status = 'down') OVER ordered AS flips
      FROM event
      WHERE type = 'system.health'
      WINDOW ordered AS (PARTITION BY system_code ORDER BY occurred_at, seq)) AS e
WHERE starts_run;
