-- A new cover of rotation $1: $2 on call over [$3, $4), because $5, made by $6.
INSERT INTO oncall_cover (rotation_id, username, starts_at, ends_at, reason, created_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *
