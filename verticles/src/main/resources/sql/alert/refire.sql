-- The condition came back while its alert is open: one alert, counted again.
UPDATE alert SET count = count + 1, value = $2, last_evaluated_at = now(), updated_at = now(), version = version + 1
WHERE dedup_key = $1 AND state <> 'resolved'
RETURNING *
