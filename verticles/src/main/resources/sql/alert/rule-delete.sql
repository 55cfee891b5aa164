-- Deletes alert rule $1 (its alerts keep their rule code; their rule_id becomes null).
DELETE FROM alert_rule WHERE id = $1
