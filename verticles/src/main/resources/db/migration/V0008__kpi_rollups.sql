-- History for charts: per-minute rollups kept 48 hours, hourly rollups kept 90 days (history/RollupVerticle).
-- scope is 'city' or 'district:<code>'. A count KPI (events of the bucket) has a row only when it is not
-- zero, so the series query fills its gaps with 0; a gauge (state sampled at the end of the minute) has a
-- row for every minute some node sampled it, so a gap in a gauge means "not sampled", never 0.
-- The primary key leads with bucket: retention deletes and the rollups read time ranges, and a series reads
-- one (bucket, scope, kpi) per point.
CREATE TABLE kpi_rollup_minute (
    bucket timestamptz      NOT NULL,
    scope  text             NOT NULL,
    kpi    text             NOT NULL,
    value  double precision NOT NULL,
    PRIMARY KEY (bucket, scope, kpi)
);

CREATE TABLE kpi_rollup_hour (
    bucket timestamptz      NOT NULL,
    scope  text             NOT NULL,
    kpi    text             NOT NULL,
    value  double precision NOT NULL,
    PRIMARY KEY (bucket, scope, kpi)
);

-- The rollup reads the events of a few minutes every 10 s. The event log is appended in roughly occurred_at
-- order, which is what a BRIN index needs: a few pages for the whole table (32 kB for a million events),
-- next to nothing per insert. A BRIN range not yet summarized matches every query, so autosummarize has
-- autovacuum summarize each range of pages as soon as it is full instead of at the next vacuum of the table.
CREATE INDEX event_occurred_brin_idx ON event USING brin (occurred_at) WITH (autosummarize = on);
