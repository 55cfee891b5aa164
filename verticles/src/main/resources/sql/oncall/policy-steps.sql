-- The steps of policies $1, in order.
SELECT * FROM escalation_step WHERE policy_id = ANY ($1::bigint[]) ORDER BY policy_id, position
