-- Meeting $1 and the tasks it assigned, soonest deadline first, each overdue or not as of $2: one row per task, or
-- one row without a task when it assigned none; no row when there is no such meeting.
SELECT m.id AS m_id, m.title AS m_title, m.scheduled_at AS m_scheduled_at, m.ended_at AS m_ended_at,
       t.id, t.meeting_id, t.item_id, t.agency_code, t.description, t.deadline, t.priority, t.state, t.progress,
       t.done_note, t.done_at, t.assigned_by, t.created_at, t.updated_at,
       t.state <> 'done' AND t.deadline < $2 AS overdue
FROM meeting m LEFT JOIN meeting_task t ON t.meeting_id = m.id
WHERE m.id = $1
ORDER BY t.deadline, t.id
