-- Raises ($2 true, once, last in line) or lowers the hand of $3 in meeting $1, in progress.
UPDATE meeting SET raised_hands = CASE WHEN $2 THEN array_append(array_remove(raised_hands, $3), $3)
                                       ELSE array_remove(raised_hands, $3) END, version = version + 1
WHERE id = $1 AND state = 'in_progress'
