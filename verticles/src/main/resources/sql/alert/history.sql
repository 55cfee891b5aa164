-- Every transition of alert $1, oldest first.
SELECT id, at, actor, action, from_state, to_state, severity, note, version
FROM alert_transition WHERE alert_id = $1 ORDER BY id
