INSERT INTO agenda_item (meeting_id, position, title, presenter, panel) VALUES ($1, $2, $3, $4, $5)
