-- Cancels scheduled meeting $1: its invitation's sequence moves (the CANCEL supersedes the REQUEST).
UPDATE meeting SET state = 'cancelled', cancelled_at = now(), version = version + 1,
       invitation_sequence = invitation_sequence + 1, invitation_changed_at = now()
WHERE id = $1 AND state = 'scheduled'
