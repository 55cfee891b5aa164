-- The notes of the tasks $1 (one per update: who, when, what, the state and progress it set), in order.
SELECT task_id, author, at, text, state, progress FROM task_note WHERE task_id = ANY($1::bigint[]) ORDER BY task_id, id
