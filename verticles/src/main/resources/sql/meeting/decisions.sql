-- The decisions of meeting $1 as every screen shows them, in the order recorded (the panel snapshots stay out).
SELECT id, item_id, text, recorded_by, recorded_at
FROM meeting_decision WHERE meeting_id = $1 ORDER BY id
