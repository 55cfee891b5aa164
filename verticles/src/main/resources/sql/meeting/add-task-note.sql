-- The note of an update of task $1: by $2, the text $3 (empty without one), the state $4 and progress $5 it set.
INSERT INTO task_note (task_id, author, text, state, progress) VALUES ($1, $2, $3, $4, $5)
