-- Rule $1 is deleted or disabled: its open alerts resolve, by $2 with note $3. Answers each alert after the
-- change with its state before (old_state).
UPDATE alert a SET state = 'resolved', resolved_at = now(), resolved_by = $2, resolve_note = $3, updated_at = now(),
                   version = a.version + 1
FROM (SELECT id, state AS old_state FROM alert WHERE rule_id = $1 AND state <> 'resolved' FOR UPDATE) o
WHERE a.id = o.id AND a.state <> 'resolved'
RETURNING a.*, o.old_state
