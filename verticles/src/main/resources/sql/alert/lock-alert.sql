-- The state of alert $1, locked until the transaction ends (a resolution records the state it came from).
SELECT state FROM alert WHERE id = $1 FOR UPDATE
