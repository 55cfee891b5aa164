-- Deletes rotation $1 with its covers.
DELETE FROM oncall_rotation WHERE id = $1 RETURNING id
