-- Whether silence $1 exists (ended or not).
SELECT 1 FROM alert_silence WHERE id = $1
