-- Task $1; overdue = not done and past its deadline, now.
SELECT t.id, t.meeting_id, t.item_id, t.agency_code, t.description, t.deadline, t.priority, t.state, t.progress,
       t.done_note, t.done_at, t.assigned_by, t.created_at, t.updated_at,
       t.state <> 'done' AND t.deadline < now() AS overdue
FROM meeting_task t WHERE t.id = $1
