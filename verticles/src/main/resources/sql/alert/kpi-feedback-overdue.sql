-- Open citizen feedback past its due date at $1, city-wide (subject HN).
SELECT 'HN' AS subject, count(*)::float8 AS value FROM feedback_state WHERE status <> 'answered' AND due_at < $1
