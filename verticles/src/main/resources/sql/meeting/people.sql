-- The people of meeting $1 as the pages name them: its chair, secretary, invited people, everyone who joined, the
-- recorders of its decisions and the assigners of its tasks (those that are users), with display name and agency.
SELECT u.username, u.display_name, u.agency_code FROM app_user u
WHERE u.username IN (SELECT chair FROM meeting WHERE id = $1 UNION SELECT secretary FROM meeting WHERE id = $1
                     UNION SELECT username FROM meeting_person WHERE meeting_id = $1
                     UNION SELECT username FROM meeting_attendance WHERE meeting_id = $1
                     UNION SELECT recorded_by FROM meeting_decision WHERE meeting_id = $1
                     UNION SELECT assigned_by FROM meeting_task WHERE meeting_id = $1
                     UNION SELECT floor FROM meeting WHERE id = $1
                     UNION SELECT unnest(raised_hands) FROM meeting WHERE id = $1)
ORDER BY u.username
