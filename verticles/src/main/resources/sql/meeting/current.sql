-- The meetings a node's topics hold at start: every one not ended, and those ended in the last day.
SELECT id FROM meeting WHERE state <> 'ended' OR ended_at > now() - interval '1 day'
