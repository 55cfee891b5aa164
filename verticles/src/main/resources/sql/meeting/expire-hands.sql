-- The people $2 were marked left of meeting $1: their hands are lowered and the meeting's version moves.
UPDATE meeting SET raised_hands = ARRAY(SELECT h FROM unnest(raised_hands) h WHERE h <> ALL($2::text[])),
       version = version + 1
WHERE id = $1
