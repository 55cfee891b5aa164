-- Uptime and "since" read a system's heartbeats in time order; only health events pay for this index.
CREATE INDEX event_health_idx ON event (system_code, occurred_at, seq) WHERE type = 'system.health';
