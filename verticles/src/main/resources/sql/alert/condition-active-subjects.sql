-- The subjects on which the condition of rule $1 holds.
SELECT subject FROM alert_condition WHERE rule_id = $1 AND active
