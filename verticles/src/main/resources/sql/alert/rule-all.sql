-- Every alert rule.
SELECT * FROM alert_rule ORDER BY id
