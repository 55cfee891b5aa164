-- The meetings a node's topics hold at start: every one scheduled or in progress, and those ended or cancelled in
-- the last day.
SELECT id FROM meeting
WHERE state IN ('scheduled', 'in_progress') OR ended_at > now() - interval '1 day' OR cancelled_at > now() - interval '1 day'
