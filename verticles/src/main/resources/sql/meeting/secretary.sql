-- Designates $2 the secretary of meeting $1 (null: none), until it ends.
UPDATE meeting SET secretary = $2, version = version + 1 WHERE id = $1 AND state <> 'ended'
