/**
 * Alerts. {@link vn.hanoi.cityops.alert.AlertModule} says what they need and offer; the rest:
 * <ul>
 *   <li>HTTP: {@link vn.hanoi.cityops.alert.AlertRoutes} ({@code /api/v1/alerts}),
 *       {@link vn.hanoi.cityops.alert.RuleRoutes} ({@code /alert-rules}, and {@code /alert-rules/:id/test}: a rule replayed
 *       over the last hour by {@link vn.hanoi.cityops.alert.RuleTrial}, read-only), {@link vn.hanoi.cityops.alert.SilenceRoutes}
 *       ({@code /silences}), reading requests through {@link vn.hanoi.cityops.web.Requests} and answering in
 *       {@link vn.hanoi.cityops.alert.AlertJson}'s shapes, the one JSON mapper of the REST answers, the {@code alert}
 *       event payload, the {@code alerts} topic and the webhook body.</li>
 *   <li>Pure rules, unit-tested: {@link vn.hanoi.cityops.alert.Lifecycle} (firing → acknowledged → resolved, reopen,
 *       escalate, silence: from which states, and the refusals), {@link vn.hanoi.cityops.alert.Conditions} (a rule's
 *       condition per subject: hysteresis, for/clear durations), {@link vn.hanoi.cityops.alert.RuleValidation},
 *       {@link vn.hanoi.cityops.alert.SilenceRequest}, {@link vn.hanoi.cityops.alert.Signatures},
 *       {@link vn.hanoi.cityops.alert.RuleReplay} (what a rule would have done over past observations).</li>
 *   <li>PostgreSQL, statements in {@code sql/alert/*.sql}, records out: {@link vn.hanoi.cityops.alert.AlertRepository}
 *       (the lifecycle's conditional writes), {@link vn.hanoi.cityops.alert.AlertRules}, {@link vn.hanoi.cityops.alert.Silences},
 *       {@link vn.hanoi.cityops.alert.ConditionStore}, {@link vn.hanoi.cityops.alert.KpiObservations}.</li>
 *   <li>Evaluation: {@link vn.hanoi.cityops.alert.AlertEvaluator} applies the rules to each batch of the feed and lets
 *       time act every {@code alerts.sweepMs}; it runs in {@link vn.hanoi.cityops.alert.AlertEvaluationVerticle}, on an
 *       event loop of its own, to which the feed hands each batch in order.</li>
 *   <li>Out: the {@code alerts} topic ({@link vn.hanoi.cityops.alert.AlertsTopic}, a feed listener), signed
 *       webhooks ({@link vn.hanoi.cityops.alert.WebhookSender}, a verticle) in cityops' body or, per rule, the
 *       Alertmanager webhook v4 payload; and for the capabilities acting on outages (on call) the read-only view of the
 *       open groups {@code alert_group_open} ({@code V0021__alert_groups.sql}) with
 *       {@link vn.hanoi.cityops.alert.AlertModule#acknowledgeGroup} and {@link vn.hanoi.cityops.alert.AlertModule#groupOf}.</li>
 * </ul>
 *
 * <p>Correct in a cluster without the bus: every node evaluates every event, and each change is a conditional write
 * in PostgreSQL that one node wins — a condition is compare-and-set on the newest event it applied; one open alert
 * per deduplication key is a partial unique index; acknowledge/resolve/escalate are {@code UPDATE … WHERE state = …}
 * re-checked under the row lock. Each change also stores an event of type {@code alert} (the alert as it became,
 * with its version) in the event log, in the same transaction, so every node's feed numbers it identically and the
 * topic is a function of the feed. After a change, publishes the empty {@code cityops.feed.changed} signal (to wake
 * every node's feed); listens to no address.
 */
package vn.hanoi.cityops.alert;
