-- Policy $1's name and timings; nothing when there is no such policy.
UPDATE escalation_policy SET name = $2, repeat_seconds = $3, repeats = $4, remind_seconds = $5, updated_at = now()
WHERE code = $1
RETURNING id
