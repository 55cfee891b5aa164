-- The tasks meeting $1 assigned, in the order assigned; overdue = not done and past its deadline, now.
SELECT t.id, t.meeting_id, t.item_id, t.agency_code, t.description, t.deadline, t.priority, t.state, t.progress,
       t.done_note, t.done_at, t.assigned_by, t.created_at, t.updated_at,
       t.state <> 'done' AND t.deadline < now() AS overdue
FROM meeting_task t WHERE t.meeting_id = $1 ORDER BY t.id
