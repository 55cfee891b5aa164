-- Alert rule $1.
SELECT * FROM alert_rule WHERE id = $1
