-- Records one change of an alert, in the transaction that made it: the transition (who, what, when), the audit
-- entry, the 'alert' event that carries the alert as it now is to every node's feed (so the alerts topic numbers
-- it the same everywhere), and a webhook delivery when the rule has a webhook and the alert is not silenced.
--   $1 alert id  $2 actor  $3 actor kind (user/system)  $4 action  $5 from state  $6 to state  $7 severity
--   $8 note  $9 the alert's version after the change  $10 the alert as JSON  $11 rule id  $12 silenced
--   $13 the webhook body  $14 the details of the audit entry  $15 the webhook body in Alertmanager's format (for a
--   rule whose webhook_format is alertmanager)
WITH t AS (
    INSERT INTO alert_transition (alert_id, actor, action, from_state, to_state, severity, note, version)
    VALUES ($1, $2, $4, $5, $6, $7, $8, $9)
    RETURNING id, at
), e AS (
    INSERT INTO event (source, event_id, type, occurred_at, status, payload)
    VALUES ('cityops-alerts', 'alert-' || $1::bigint || '-v' || $9::integer, 'alert', now(), $6, $10::jsonb)
    ON CONFLICT ON CONSTRAINT event_source_id_unique DO NOTHING
    RETURNING seq
), a AS (
    INSERT INTO audit_log (actor, actor_kind, action, target, outcome, details)
    VALUES ($2, $3, 'alert.' || $4, 'alert:' || $1::bigint, 'success', $14::jsonb)
), w AS (
    INSERT INTO webhook_delivery (alert_id, rule_id, transition_id, url, payload)
    SELECT $1, r.id, t.id, r.webhook_url, CASE r.webhook_format WHEN 'alertmanager' THEN $15::jsonb ELSE $13::jsonb END
    FROM t, alert_rule r
    WHERE r.id = $11 AND r.webhook_url IS NOT NULL AND NOT $12::boolean
    RETURNING id
)
SELECT t.id AS transition_id, (SELECT seq FROM e) AS event_seq, (SELECT count(*) FROM w) AS webhooks FROM t
