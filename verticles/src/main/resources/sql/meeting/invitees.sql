-- Everyone meeting $1 reaches (meeting_invitee: the invited and the chair) who is active, with their name, language
-- and first email contact point (null: none; the calendar then names them <username>@<publicUrl host>).
SELECT u.username, u.display_name, u.language, i.invited,
       (SELECT c.address FROM contact_point c WHERE c.user_id = u.id AND c.channel = 'email'
        ORDER BY c.position, c.id LIMIT 1) AS email
FROM meeting_invitee i JOIN app_user u ON u.username = i.username
WHERE i.meeting_id = $1 AND u.active
ORDER BY u.username
