-- What the calendar invitation of meeting $1 says: its row's calendar facts.
SELECT id, title, level, state, scheduled_at, duration_minutes, video_url, chair, secretary, created_by,
       invitation_sequence, invitation_changed_at
FROM meeting WHERE id = $1
