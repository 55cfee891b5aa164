-- Ends meeting $1, in progress: the shared panel, the highlight, the raised hands and the floor leave the screens.
UPDATE meeting SET state = 'ended', ended_at = now(), panel = NULL, highlight = NULL, raised_hands = '{}', floor = NULL,
       version = version + 1
WHERE id = $1 AND state = 'in_progress'
