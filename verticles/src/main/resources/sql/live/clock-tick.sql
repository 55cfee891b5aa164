-- One clock tick (live/LiveClock): source $1, id $2, at $3 (also in the payload as epochMs, $5, which the live
-- topics read as their "now"), the period $4 (ms). Every node writes every tick; the idempotency key keeps
-- one. Answers the tick's seq when this node stored it.
INSERT INTO event (source, event_id, type, occurred_at, status, payload)
VALUES ($1, $2, 'clock', $3, 'tick', jsonb_build_object('periodMs', $4::bigint, 'epochMs', $5::bigint))
ON CONFLICT ON CONSTRAINT event_source_id_unique DO NOTHING
RETURNING seq
