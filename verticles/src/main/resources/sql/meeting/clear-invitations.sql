-- Meeting $1's invitations and agenda go, to be written again by an edit (a scheduled meeting: no item is current).
WITH a AS (DELETE FROM meeting_agency WHERE meeting_id = $1), p AS (DELETE FROM meeting_person WHERE meeting_id = $1)
DELETE FROM agenda_item WHERE meeting_id = $1
