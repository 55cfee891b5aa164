-- Ends meeting $1, in progress: the shared panel, the highlight and the raised hands leave the screens.
UPDATE meeting SET state = 'ended', ended_at = now(), panel = NULL, highlight = NULL, raised_hands = '{}',
       version = version + 1
WHERE id = $1 AND state = 'in_progress'
