-- $2 left meeting $1, not ended: their hand is lowered and the meeting's version moves.
UPDATE meeting SET raised_hands = array_remove(raised_hands, $2), version = version + 1
WHERE id = $1 AND state <> 'ended'
