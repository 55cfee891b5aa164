-- Maintenance windows: window $1, or every one not over before $2 (weekly ones always), by start.
SELECT * FROM maintenance_window
WHERE CASE WHEN $1::bigint IS NULL THEN weekly OR ends_at > $2 ELSE id = $1 END
ORDER BY starts_at, id
