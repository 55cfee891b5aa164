-- A cover of rotation $1 that overlaps [$2, $3), if any.
SELECT * FROM oncall_cover WHERE rotation_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at LIMIT 1
