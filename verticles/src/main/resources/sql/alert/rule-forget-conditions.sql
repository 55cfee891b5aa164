-- The conditions of rule $1 go with it (deleted or disabled: it evaluates nothing more).
DELETE FROM alert_condition WHERE rule_id = $1
