INSERT INTO meeting_person (meeting_id, username) VALUES ($1, $2)
