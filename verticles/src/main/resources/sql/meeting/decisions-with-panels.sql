-- The decisions of meeting $1 as recorded, each with the panel on screen when it was taken, in the order recorded.
SELECT id, item_id, text, recorded_by, recorded_at, panel
FROM meeting_decision WHERE meeting_id = $1 ORDER BY id
