-- A new maintenance window.
INSERT INTO maintenance_window (systems, starts_at, ends_at, weekly, reason, created_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *
