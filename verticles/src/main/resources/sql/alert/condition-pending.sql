-- Conditions of enabled rules waiting for time alone: holding but not alerting yet, or clear but still alerting.
SELECT c.* FROM alert_condition c JOIN alert_rule r ON r.id = c.rule_id
WHERE c.active <> c.alerting AND r.enabled
