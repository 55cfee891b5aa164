-- Deletes maintenance window $1.
DELETE FROM maintenance_window WHERE id = $1 RETURNING *
