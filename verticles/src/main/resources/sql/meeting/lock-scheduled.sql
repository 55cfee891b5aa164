-- Meeting $1's state, its row locked for a change of its schedule (the edit's transaction).
SELECT state FROM meeting WHERE id = $1 FOR UPDATE
