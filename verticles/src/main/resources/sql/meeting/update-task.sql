-- Updates task $1 unless it is done: state $2, progress $3 (each unchanged when null); done sets progress 100,
-- the note $4 and when. No row when the task is done (or does not exist).
UPDATE meeting_task SET state = coalesce($2, state),
       progress = CASE WHEN $2 = 'done' THEN 100 ELSE coalesce($3, progress) END,
       done_note = CASE WHEN $2 = 'done' THEN $4 ELSE done_note END,
       done_at = CASE WHEN $2 = 'done' THEN now() ELSE done_at END, updated_at = now()
WHERE id = $1 AND state <> 'done' RETURNING id
