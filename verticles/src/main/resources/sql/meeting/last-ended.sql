-- The last meeting of level $1 chaired by $2 that ended: the one whose tasks the next briefing opens with.
SELECT id FROM meeting WHERE level = $1 AND chair = $2 AND state = 'ended' ORDER BY ended_at DESC, id DESC LIMIT 1
