-- Clock ticks in the event log (live/LiveClock): every live.clockMs each node stores one event of type 'clock'
-- from source 'cityops-clock' with an id named for the tick ('clock-2026-11-23T10:01:00Z'), so two nodes
-- writing the same tick keep one row. Every node's feed then sees the tick at the same ordinal and recomputes
-- the time-dependent live figures (overdue now, the rollover of "today") at the same sequence number.
-- A tick has no system, agency or district and its status is 'tick': every query that counts events of the
-- log counts a type (health, dossier, feedback), so ticks count nowhere.
-- The new check admits everything the old one did, and every stored row passed the old one, so it is added
-- NOT VALID: checked for new rows only, without reading the whole log while the migration holds its lock.
ALTER TABLE event DROP CONSTRAINT event_type_check;
ALTER TABLE event ADD CONSTRAINT event_type_check
    CHECK (type IN ('system.health', 'dossier', 'feedback', 'clock')) NOT VALID;
