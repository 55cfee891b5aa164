-- The national procedure catalogue, the targets the city is judged on, and the indexes the dossier and
-- feedback KPIs read through.

-- Seeded where the city stands, as the press reports it: 187 of 1,000 procedures (18.7%) integrated and
-- published on the national public-service portal, against a 30% target. Every code the simulator uses
-- is in the catalogue; the rest are generated codes of the same shape (1.00xxxx, 2.00xxxx) with generated
-- names. Which 187 are on the portal is fixed by a hash of the code: deterministic, and spread over both
-- series. A code first seen in a dossier is added by ingestion with the defaults (not on the portal), so
-- it lowers the share, as an unpublished procedure should.
WITH simulator (code) AS (
    VALUES ('1.000123'), ('1.000419'), ('1.000656'), ('1.000748'), ('1.000894'), ('1.001010'), ('1.001022'),
           ('1.001193'), ('1.001604'), ('1.001612'), ('1.001695'), ('1.002425'), ('1.003005'), ('1.003622'),
           ('1.004227'), ('1.004493'), ('1.004837'), ('1.004873'), ('1.004963'), ('1.005326'), ('1.006391'),
           ('1.008004'), ('1.008901'), ('1.009994'), ('1.010735'), ('2.000040'), ('2.000123'), ('2.000256'),
           ('2.000305'), ('2.000720'), ('2.000884'), ('2.000889'), ('2.000908'), ('2.000986'), ('2.001157'),
           ('2.001263'), ('2.001485'), ('2.001823'), ('2.002161'), ('2.002182')
), candidate AS (
    SELECT code, true AS used FROM simulator
    UNION
    SELECT '1.' || lpad(n::text, 6, '0'), false FROM generate_series(1, 700) AS n
    UNION
    SELECT '2.' || lpad(n::text, 6, '0'), false FROM generate_series(1, 400) AS n
), catalogue AS (
    -- a generated code that the simulator also uses appears twice above; keep one
    SELECT DISTINCT ON (code) code, used FROM candidate ORDER BY code, used DESC
), chosen AS (
    SELECT code FROM catalogue ORDER BY used DESC, code LIMIT 1000
), ranked AS (
    SELECT code, row_number() OVER (ORDER BY md5(code), code) AS n FROM chosen
)
INSERT INTO procedure (code, name_vi, on_national_portal)
SELECT code, 'Thủ tục hành chính ' || code, n <= 187
FROM ranked
ON CONFLICT (code) DO UPDATE
    SET name_vi = coalesce(procedure.name_vi, EXCLUDED.name_vi),
        on_national_portal = EXCLUDED.on_national_portal;

CREATE TABLE kpi_target (
    kpi     text    PRIMARY KEY,
    target  numeric NOT NULL,
    unit    text    NOT NULL,
    name_vi text    NOT NULL,
    name_en text    NOT NULL
);

INSERT INTO kpi_target (kpi, target, unit, name_vi, name_en) VALUES
    ('procedures_on_national_portal', 30, '%',
     'Tỷ lệ thủ tục hành chính được tích hợp, công khai trên Cổng Dịch vụ công quốc gia',
     'Share of procedures integrated and published on the national public-service portal'),
    ('dossiers_online_share', 30, '%',
     'Tỷ lệ hồ sơ được xử lý trực tuyến (kế hoạch)',
     'Share of dossiers handled online (plan)'),
    ('on_time_rate', 95, '%',
     'Tỷ lệ hồ sơ giải quyết đúng hạn',
     'Share of dossiers completed on time');

-- The KPI queries read only the rows that count in a period: received in it, completed or returned in it,
-- or open now (dossier_state_open_idx, V0003). Each arm of their OR has an index, so a day's figures read a
-- day's rows and the open ones, not the whole history.
CREATE INDEX dossier_state_received_idx ON dossier_state (received_at);
CREATE INDEX dossier_state_completed_idx ON dossier_state (completed_at) WHERE stage = 'completed';
CREATE INDEX dossier_state_returned_idx ON dossier_state (occurred_at) WHERE stage = 'returned';

CREATE INDEX feedback_state_first_seen_idx ON feedback_state (first_seen_at);
CREATE INDEX feedback_state_open_idx ON feedback_state (due_at) WHERE status <> 'answered';
CREATE INDEX feedback_state_answered_idx ON feedback_state (occurred_at) WHERE status = 'answered';

-- The satisfaction trend reads answered feedback events of the last two weeks; a partial index keeps the
-- cost off every other insert into the event log.
CREATE INDEX event_feedback_answered_idx ON event (occurred_at) WHERE type = 'feedback' AND status = 'answered';
