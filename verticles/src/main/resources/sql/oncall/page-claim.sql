-- Claims the messages owed ($1 … $7, one array element each) for node $8 with a lease of $9 seconds: a row each,
-- unless one exists (a unique key: outage, kind, round, step, person; or rotation, instant, person for a handoff).
-- A page is claimed only while its outage still climbs: open, not acknowledged, with a firing unsilenced alert,
-- as PostgreSQL sees it now, so an acknowledgement on any node stops the climb at once. What is already claimed is
-- left out before the insert (a conflict would still take a number of the sequence), and ON CONFLICT settles two
-- nodes claiming at once. Answers the rows claimed.
INSERT INTO oncall_page (episode_id, rotation_id, kind, round, step, username, due_at, state, claimed_by, lease_until)
SELECT w.episode_id, w.rotation_id, w.kind, w.round, w.step, w.username, w.due_at, 'claimed', $8,
       now() + make_interval(secs => $9)
FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::integer[], $5::integer[], $6::text[], $7::timestamptz[])
         AS w (episode_id, rotation_id, kind, round, step, username, due_at)
WHERE (w.kind <> 'page'
       OR EXISTS (SELECT 1 FROM oncall_episode e JOIN alert_group_open g ON g.group_key = e.group_key
                  WHERE e.id = w.episode_id AND e.closed_at IS NULL AND e.acknowledged_at IS NULL AND g.firing_count > 0))
  AND NOT EXISTS (SELECT 1 FROM oncall_page p
                  WHERE w.kind <> 'handoff' AND p.episode_id = w.episode_id AND p.kind = w.kind
                    AND p.round = w.round AND p.step = w.step AND p.username = w.username)
  AND NOT EXISTS (SELECT 1 FROM oncall_page p
                  WHERE w.kind = 'handoff' AND p.kind = 'handoff' AND p.rotation_id = w.rotation_id
                    AND p.due_at = w.due_at AND p.username = w.username)
ON CONFLICT DO NOTHING
RETURNING *
