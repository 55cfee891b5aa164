INSERT INTO meeting_agency (meeting_id, agency_code) VALUES ($1, $2)
