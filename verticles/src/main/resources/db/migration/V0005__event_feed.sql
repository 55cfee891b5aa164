-- The live feed reads the event log in an order that never skips a late commit: by writing
-- transaction (xid8), then seq. Every transaction below pg_snapshot_xmin(pg_current_snapshot()) has
-- ended, and every later transaction gets a larger id, so the events below that horizon form an
-- append-only sequence that every node reads identically (the basis of the topics' sequence numbers).
ALTER TABLE event ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX event_tx_seq_idx ON event (tx, seq);
