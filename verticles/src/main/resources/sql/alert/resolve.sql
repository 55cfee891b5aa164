-- Resolves alert $1 by $2 with note $3, if its state is one of $4 (the states a person may resolve from, as
-- alert/Lifecycle says); nothing when it is not.
UPDATE alert SET state = 'resolved', resolved_at = now(), resolved_by = $2, resolve_note = $3, updated_at = now(),
                 version = version + 1
WHERE id = $1 AND state = ANY ($4::text[])
RETURNING *
