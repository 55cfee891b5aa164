-- The event of a meeting change: meeting $1 at version $2, state $3, payload $4 (its live state, with the shared
-- panel's data when the panel changed). Its id names the version, so a change is stored once.
INSERT INTO event (source, event_id, type, occurred_at, status, payload)
VALUES ('cityops-meetings', 'meeting-' || $1::bigint || '-v' || $2::integer, 'meeting', now(), $3, $4::jsonb)
ON CONFLICT ON CONSTRAINT event_source_id_unique DO NOTHING
