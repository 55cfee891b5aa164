-- Gives the floor of meeting $1, in progress, to $2 (null: nobody has it); their raised hand is lowered.
UPDATE meeting SET floor = $2::text,
       raised_hands = CASE WHEN $2::text IS NULL THEN raised_hands ELSE array_remove(raised_hands, $2::text) END,
       version = version + 1
WHERE id = $1 AND state = 'in_progress'
