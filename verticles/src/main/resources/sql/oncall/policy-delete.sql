-- Deletes policy $1 and its steps.
DELETE FROM escalation_policy WHERE id = $1
