-- The stored conditions of the (rule id, subject) pairs $1, $2.
SELECT * FROM alert_condition
WHERE (rule_id, subject) IN (SELECT * FROM unnest($1::bigint[], $2::text[]))
