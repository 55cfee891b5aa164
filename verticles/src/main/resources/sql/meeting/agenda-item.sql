-- Agenda item $2 of meeting $1, if it is one of its items.
SELECT id, position, title, presenter, panel FROM agenda_item WHERE meeting_id = $1 AND id = $2
