-- On-time rate (percent) per agency of the dossiers completed in ($1 - $2 minutes, $1], agency $3 or every
-- agency (null), counting only agencies with at least $4 completions (a rate of three dossiers is noise).
SELECT agency_code AS subject, 100.0 * count(*) FILTER (WHERE completed_at <= due_at) / count(*) AS value
FROM dossier_state
WHERE stage = 'completed' AND completed_at > $1::timestamptz - make_interval(mins => $2) AND completed_at <= $1::timestamptz
  AND ($3::text IS NULL OR agency_code = $3)
GROUP BY agency_code
HAVING count(*) >= $4
