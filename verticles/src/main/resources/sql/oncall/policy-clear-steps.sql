-- Removes policy $1's steps (policy-set-steps.sql then writes the new ones, in the same transaction).
DELETE FROM escalation_step WHERE policy_id = $1
