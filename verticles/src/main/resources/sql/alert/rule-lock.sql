-- Alert rule $1, locked until the transaction ends (it is being deleted).
SELECT * FROM alert_rule WHERE id = $1 FOR UPDATE
