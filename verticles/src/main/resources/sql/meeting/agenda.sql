-- The agenda of meeting $1, in order, each item with its prepared panel.
SELECT id, position, title, presenter, panel FROM agenda_item WHERE meeting_id = $1 ORDER BY position
