-- Acknowledges alert $1 by $2 with note $3, if its state is one of $4 (the states acknowledging starts from, as
-- alert/Lifecycle says); nothing when it is not: the row lock lets one of two simultaneous acknowledgements win.
UPDATE alert SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2, acknowledge_note = $3,
                 updated_at = now(), version = version + 1
WHERE id = $1 AND state = ANY ($4::text[])
RETURNING *
