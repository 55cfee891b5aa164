-- An outage of system $1 is the common cause of the open alerts of the systems behind it: they join its group $2.
UPDATE alert SET group_key = $2, updated_at = now(), version = version + 1
WHERE state <> 'resolved' AND group_key <> $2
  AND subject IN (SELECT code FROM city_system WHERE $1 = ANY (depends_on))
RETURNING *
