-- Deletes team $1 with its members, systems, rotations and covers (its outages keep their history).
DELETE FROM oncall_team WHERE code = $1 RETURNING id
