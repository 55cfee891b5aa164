-- system_status_change (V0009) is no longer kept by the ingest statement: keeping it there exactly needed a
-- lock per system around every batch with health events, which cost a third of ingest throughput. One ordered
-- process repairs it instead (sql/health/repair-status-changes.sql, run from every node's event feed): it reads
-- the events past this cursor in feed order (writing transaction, seq; below the horizon of running
-- transactions, so none is skipped), recomputes the rows they can change, and moves the cursor, in one
-- transaction that holds this row's lock, so two nodes never repair at once and each repair sees the events
-- of the ones before it. Every event below the horizon now was kept by the ingest statement.
CREATE TABLE status_change_cursor (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    tx       xid8   NOT NULL,
    seq      bigint NOT NULL
);
INSERT INTO status_change_cursor (tx, seq) VALUES (pg_snapshot_xmin(pg_current_snapshot()), 0);
