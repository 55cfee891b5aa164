-- A meeting $1 as its live state shows it: its row, the invited agencies and people (each sorted), the current
-- agenda item and the raised hands. Presence, decisions and tasks are read by their own statements.
SELECT m.id, m.version, m.title, m.level, m.state, m.scheduled_at, m.chair, m.secretary, m.started_at, m.ended_at,
       m.panel, m.highlight, m.raised_hands, m.floor, m.duration_minutes, m.video_url, m.invitation_sequence,
       array(SELECT agency_code FROM meeting_agency WHERE meeting_id = m.id ORDER BY agency_code) AS invited_agencies,
       array(SELECT username FROM meeting_person WHERE meeting_id = m.id ORDER BY username) AS invited_people,
       a.id AS item_id, a.position AS item_position, a.title AS item_title, a.presenter AS item_presenter,
       a.panel AS item_panel
FROM meeting m LEFT JOIN agenda_item a ON a.id = m.current_item
WHERE m.id = $1
