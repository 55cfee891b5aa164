-- Taken, in its own statement and transaction, before sql/insert-events.sql when a batch carries health
-- events: one transaction-scoped advisory lock per system of the batch ($1), in key order so that two batches
-- never wait for each other in a cycle. Under READ COMMITTED each statement reads a snapshot taken when it
-- starts, so the insert statement that follows sees every health event of these systems committed by a batch
-- that held the locks before it: the status-change maintenance of concurrent batches runs one after the other
-- per system, never on two snapshots that miss each other's events (V0009). Batches without health events
-- take no lock. The first key (1009, the migration that introduced the table) keeps these locks apart from
-- any other advisory lock.
SELECT count(pg_advisory_xact_lock(1009, s.key))
FROM (SELECT DISTINCT hashtext(code) AS key FROM unnest($1::text[]) AS t (code) ORDER BY 1) AS s
