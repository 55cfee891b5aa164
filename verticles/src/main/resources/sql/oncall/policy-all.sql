-- The escalation policies (or policy $1), by code.
SELECT * FROM escalation_policy WHERE $1::text IS NULL OR code = $1 ORDER BY code
