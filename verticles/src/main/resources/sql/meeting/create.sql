-- A new meeting, scheduled: title, level, when, chair, secretary (or null) and who created it.
INSERT INTO meeting (title, level, scheduled_at, chair, secretary, created_by)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
