/**
 * Alerts: rules ({@link vn.hanoi.cityops.alert.AlertRules}, validated on save), their evaluation as events arrive
 * ({@link vn.hanoi.cityops.alert.AlertEvaluator}, a feed listener on every node; {@link vn.hanoi.cityops.alert.Conditions}
 * is the pure state machine), the lifecycle firing → acknowledged → resolved ({@link vn.hanoi.cityops.alert.AlertRepository}),
 * silences, grouping by common cause, escalation, MTTA/MTTR, the {@code alerts} topic
 * ({@link vn.hanoi.cityops.alert.AlertsTopic}), the REST API ({@link vn.hanoi.cityops.alert.AlertRoutes}) and signed
 * webhooks ({@link vn.hanoi.cityops.alert.WebhookSender}).
 *
 * <p>Correct in a cluster without the bus: every node evaluates every event, and each change is a conditional write
 * in PostgreSQL that one node wins — a condition is compare-and-set on the newest event it applied; one open alert
 * per deduplication key is a partial unique index; acknowledge/resolve/escalate are {@code UPDATE … WHERE state = …}
 * re-checked under the row lock. Each change also stores an event of type {@code alert} (the alert as it became,
 * with its version) in the event log, in the same transaction, so every node's feed numbers it identically and the
 * topic is a function of the feed. Publishes on {@code cityops.ingest.accepted} (to wake the feeds); listens to nothing.
 */
package vn.hanoi.cityops.alert;
