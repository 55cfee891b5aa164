-- The state of alert $1, locked until the transaction ends (a resolution records the state it came from), and,
-- when its rule's condition on its subject still holds, since when and at what value (a person may not resolve it
-- then: it would never fire again until the condition cleared).
SELECT a.state, c.since AS holding_since, c.value AS holding_value
FROM alert a LEFT JOIN alert_condition c ON c.rule_id = a.rule_id AND c.subject = a.subject AND c.active
WHERE a.id = $1
FOR UPDATE OF a
