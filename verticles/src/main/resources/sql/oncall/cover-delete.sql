-- Deletes cover $1.
DELETE FROM oncall_cover WHERE id = $1 RETURNING *
