-- One round trip per batch: the events, their current-state updates and new procedure codes commit
-- together. Only events actually inserted (not duplicates) touch the state tables; within a batch the
-- latest event per subject wins, and an older event never overwrites a newer state. The status changes of
-- the systems (system_status_change) are repaired after the commit, off this path (V0018).
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
