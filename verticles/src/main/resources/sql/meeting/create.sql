-- A new meeting, scheduled: title, level, when, chair, secretary (or null), who created it, its length in minutes
-- and its video-room link (or null).
INSERT INTO meeting (title, level, scheduled_at, chair, secretary, created_by, duration_minutes, video_url)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
