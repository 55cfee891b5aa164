-- Tasks of the agencies $1 (every agency when null), in state $2 (any when null), overdue or not ($3, either when
-- null), soonest deadline first, at most $4.
SELECT t.id, t.meeting_id, t.item_id, t.agency_code, t.description, t.deadline, t.priority, t.state, t.progress,
       t.done_note, t.done_at, t.assigned_by, t.created_at, t.updated_at,
       t.state <> 'done' AND t.deadline < now() AS overdue
FROM meeting_task t
WHERE ($1::text[] IS NULL OR t.agency_code = ANY($1))
  AND ($2::text IS NULL OR t.state = $2)
  AND ($3::boolean IS NULL OR (t.state <> 'done' AND t.deadline < now()) = $3)
ORDER BY t.deadline, t.id LIMIT $4
