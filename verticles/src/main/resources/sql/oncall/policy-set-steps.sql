-- Policy $1's steps (after policy-clear-steps.sql): $2 … $4 (delay in seconds, target, named person), in order.
INSERT INTO escalation_step (policy_id, position, after_seconds, target, username)
SELECT $1, s.n - 1, s.after_seconds, s.target, s.username
FROM unnest($2::integer[], $3::text[], $4::text[]) WITH ORDINALITY AS s (after_seconds, target, username, n)
