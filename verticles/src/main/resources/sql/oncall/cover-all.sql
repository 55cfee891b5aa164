-- The covers of rotations $1 (every rotation when null) ending after $2, in the order they were made.
SELECT * FROM oncall_cover
WHERE ($1::bigint[] IS NULL OR rotation_id = ANY ($1)) AND ends_at > $2
ORDER BY id
