-- One round trip per batch: the events, their current-state updates and new procedure codes commit
-- together. Only events actually inserted (not duplicates) touch the state tables; within a batch the
-- latest event per subject wins, and an older event never overwrites a newer state.
WITH input AS (
    SELECT *
    FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
        AS t(source, event_id, type, occurred_at, system_code, agency_code, district_code, status, channel, payload, ord)
), ins AS (
    INSERT INTO event (source, event_id, type, occurred_at, system_code, agency_code, district_code, status, channel, payload)
    SELECT source, event_id, type, occurred_at, system_code, agency_code, district_code, status, channel, payload::jsonb
    FROM input
    ORDER BY ord
    ON CONFLICT ON CONSTRAINT event_source_id_unique DO NOTHING
    RETURNING seq, source, event_id, type, occurred_at, system_code, agency_code, district_code, status, channel, payload
), systems AS (
    INSERT INTO system_state AS s (system_code, status, latency_ms, message, occurred_at, event_seq)
    SELECT DISTINCT ON (system_code)
           system_code, status, (payload ->> 'latencyMs')::integer, payload ->> 'message', occurred_at, seq
    FROM ins
    WHERE type = 'system.health'
    ORDER BY system_code, occurred_at DESC, seq DESC
    ON CONFLICT (system_code) DO UPDATE
        SET status = EXCLUDED.status, latency_ms = EXCLUDED.latency_ms, message = EXCLUDED.message,
            occurred_at = EXCLUDED.occurred_at, event_seq = EXCLUDED.event_seq
        WHERE s.occurred_at <= EXCLUDED.occurred_at
), health_new AS (
    SELECT system_code, occurred_at, seq, status, source FROM ins WHERE type = 'system.health'
), health_seq AS (
    -- Status changes (system_status_change) stay exact even for late events, at a few index seeks per event:
    -- a new event can only change whether it and the stored event right after it start a run of equal
    -- statuses (or of equal availability), and with the stored events right before and after each new event
    -- every one of those has its true predecessor here. Sibling CTEs see the event table as it was before this
    -- statement, so the batch's own events come from ins. Batches with health events of the same system run
    -- this one after the other (sql/lock-system-status.sql, taken before this statement), so each sees the
    -- events of the batches before it: without that, two racing out-of-order batches could leave a stale row
    -- (the caveat of V0009) or deadlock on the rows of system_status_change.
    SELECT system_code, occurred_at, seq, status, source, bool_or(recomputed) AS recomputed
    FROM (SELECT system_code, occurred_at, seq, status, source, true AS recomputed
          FROM health_new
          UNION ALL
          SELECT n.system_code, p.occurred_at, p.seq, p.status, p.source, false
          FROM health_new n
          CROSS JOIN LATERAL (SELECT e.occurred_at, e.seq, e.status, e.source
                              FROM event e
                              WHERE e.type = 'system.health' AND e.system_code = n.system_code
                                AND (e.occurred_at, e.seq) < (n.occurred_at, n.seq)
                              ORDER BY e.occurred_at DESC, e.seq DESC
                              LIMIT 1) AS p
          UNION ALL
          SELECT n.system_code, x.occurred_at, x.seq, x.status, x.source, true
          FROM health_new n
          CROSS JOIN LATERAL (SELECT e.occurred_at, e.seq, e.status, e.source
                              FROM event e
                              WHERE e.type = 'system.health' AND e.system_code = n.system_code
                                AND (e.occurred_at, e.seq) > (n.occurred_at, n.seq)
                              ORDER BY e.occurred_at, e.seq
                              LIMIT 1) AS x) AS u
    GROUP BY system_code, occurred_at, seq, status, source
), health_changes AS (
    SELECT system_code, occurred_at AS at, seq, status, source, starts_run, flips
    FROM (SELECT system_code, occurred_at, seq, status, source, recomputed,
                 status IS DISTINCT FROM lag(status) OVER ordered AS starts_run,
                 (status = 'down') IS DISTINCT FROM lag(status = 'down') OVER ordered AS flips
          FROM health_seq
          WINDOW ordered AS (PARTITION BY system_code ORDER BY occurred_at, seq)) AS s
    WHERE recomputed
), stale_changes AS (
    DELETE FROM system_status_change c
    USING health_changes h
    WHERE NOT h.starts_run AND c.system_code = h.system_code AND c.at = h.at AND c.seq = h.seq
), new_changes AS (
    -- A change kept from before may flip availability or no longer do so after a late event.
    INSERT INTO system_status_change AS c (system_code, at, seq, status, source, flips)
    SELECT system_code, at, seq, status, source, flips
    FROM health_changes
    WHERE starts_run
    ORDER BY system_code, at, seq
    ON CONFLICT (system_code, at, seq) DO UPDATE SET flips = EXCLUDED.flips WHERE c.flips <> EXCLUDED.flips
), dossiers AS (
    INSERT INTO dossier_state AS d (agency_code, dossier_id, procedure_code, channel, stage, received_at, due_at,
                                    completed_at, occurred_at, event_seq)
    SELECT DISTINCT ON (agency_code, payload ->> 'dossierId')
           agency_code, payload ->> 'dossierId', payload ->> 'procedure', channel, status,
           (payload ->> 'receivedAt')::timestamptz, (payload ->> 'dueAt')::timestamptz,
           (payload ->> 'completedAt')::timestamptz, occurred_at, seq
    FROM ins
    WHERE type = 'dossier'
    ORDER BY agency_code, payload ->> 'dossierId', occurred_at DESC, seq DESC
    ON CONFLICT (agency_code, dossier_id) DO UPDATE
        SET procedure_code = EXCLUDED.procedure_code, channel = EXCLUDED.channel, stage = EXCLUDED.stage,
            received_at = EXCLUDED.received_at, due_at = EXCLUDED.due_at, completed_at = EXCLUDED.completed_at,
            occurred_at = EXCLUDED.occurred_at, event_seq = EXCLUDED.event_seq
        WHERE d.occurred_at <= EXCLUDED.occurred_at
), feedback AS (
    -- first_seen_at is the earliest event of the feedback ever seen, even one arriving late.
    INSERT INTO feedback_state AS f (feedback_id, channel, category, district_code, commune_code, agency_code, status,
                                     due_at, rating, first_seen_at, occurred_at, event_seq)
    SELECT DISTINCT ON (payload ->> 'feedbackId')
           payload ->> 'feedbackId', channel, payload ->> 'category', district_code, payload ->> 'commune', agency_code,
           status, (payload ->> 'dueAt')::timestamptz, (payload ->> 'rating')::smallint,
           min(occurred_at) OVER (PARTITION BY payload ->> 'feedbackId'), occurred_at, seq
    FROM ins
    WHERE type = 'feedback'
    ORDER BY payload ->> 'feedbackId', occurred_at DESC, seq DESC
    ON CONFLICT (feedback_id) DO UPDATE
        SET channel = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.channel ELSE f.channel END,
            category = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.category ELSE f.category END,
            district_code = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.district_code ELSE f.district_code END,
            commune_code = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.commune_code ELSE f.commune_code END,
            agency_code = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN coalesce(EXCLUDED.agency_code, f.agency_code) ELSE f.agency_code END,
            status = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.status ELSE f.status END,
            due_at = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.due_at ELSE f.due_at END,
            rating = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN coalesce(EXCLUDED.rating, f.rating) ELSE f.rating END,
            first_seen_at = least(f.first_seen_at, EXCLUDED.first_seen_at),
            event_seq = CASE WHEN f.occurred_at <= EXCLUDED.occurred_at THEN EXCLUDED.event_seq ELSE f.event_seq END,
            occurred_at = greatest(f.occurred_at, EXCLUDED.occurred_at)
), procedures AS (
    INSERT INTO procedure (code)
    SELECT DISTINCT payload ->> 'procedure' FROM ins WHERE type = 'dossier'
    ON CONFLICT (code) DO NOTHING
)
SELECT seq, source, event_id FROM ins
