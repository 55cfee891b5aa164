-- The state of meeting $1: why a conditional change did not apply (none when there is no such meeting).
SELECT state FROM meeting WHERE id = $1
