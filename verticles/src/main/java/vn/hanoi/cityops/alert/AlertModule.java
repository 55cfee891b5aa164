package vn.hanoi.cityops.alert;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Alerts. Needs the pool, the reference data, the guard, the audit log, the live hub, the feed signal and the
 * {@code alerts.*} settings. Offers {@code /api/v1/alerts}, {@code /api/v1/alert-rules}, {@code /api/v1/silences};
 * the evaluation of the rules as events arrive (a feed listener handing each batch to the evaluation verticle), the
 * {@code alerts} topic; and two verticles, the evaluation (its sweep timer and writes on its own event loop) and the
 * webhook sender. To the capabilities that act on outages (on call): {@link #acknowledgeGroup} and {@link #groupOf};
 * the open groups themselves are the view {@code alert_group_open} ({@code V0021__alert_groups.sql}), the one part
 * of alert's tables another capability reads.
 */
public final class AlertModule implements Capability {
  private final AppConfig config;
  private final Pool pool;
  private final ReferenceData reference;
  private final Guard guard;
  private final AuditLog audit;
  private final Connections hub;
  private final AlertSignal signal;
  private final AlertRepository alerts;
  private final AlertRules rules;
  /** Seals webhook secrets at rest. */
  private final SecretBox box;
  /** Made now, not when deployed: the feed, which starts first, hands it batches that wait for its start. */
  private final AlertEvaluationVerticle evaluation;

  public AlertModule(AppConfig config, Pool pool, ReferenceData reference, Guard guard, AuditLog audit,
                     Connections hub, FeedSignal signal) {
    this.config = config;
    this.pool = pool;
    this.reference = reference;
    this.guard = guard;
    this.audit = audit;
    this.hub = hub;
    this.signal = new AlertSignal(signal);
    this.alerts = new AlertRepository(pool, config.notifications().publicUrl());
    this.box = SecretBox.of(config);
    this.rules = new AlertRules(pool, alerts, box);
    this.evaluation = new AlertEvaluationVerticle(new AlertEvaluator(pool, alerts, rules, this.signal),
        config.alertsSweepMs());
  }

  /**
   * Acknowledges every firing alert of group {@code groupKey} as {@code actor} (a person acknowledging the whole
   * outage in one tap), through the alerts' lifecycle: each acknowledgement is recorded, audited and announced to
   * every node as if made in the console; an alert already acknowledged or resolved is left as it is. Answers the ids
   * of the alerts it acknowledged.
   */
  public Future<List<Long>> acknowledgeGroup(String groupKey, String actor, String note) {
    return alerts.acknowledgeGroup(groupKey, actor, note).map(changes -> {
      signal.changed(changes);
      return changes.stream().map(c -> c.alert().id()).toList();
    });
  }

  /** The group alert {@code alertId} belongs to (e.g. {@code system:WAN}); empty when there is no such alert. */
  public Future<Optional<String>> groupOf(long alertId) {
    return alerts.groupOf(alertId);
  }

  @Override
  public List<Routes> routes() {
    return List.of(new AlertRoutes(alerts, guard, signal), new RuleRoutes(rules, reference, audit, guard,
        new RuleTrial(pool, new KpiObservations(pool, new ConditionStore(pool)))),
        new SilenceRoutes(new Silences(pool, alerts), reference, audit, guard, signal));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(evaluation.feedListener(), new AlertsTopic(alerts, hub));
  }

  @Override
  public List<Supplier<Deployable>> verticles() {
    return List.of(() -> evaluation, () -> new WebhookSender(pool, box, config.alertsWebhookTimeoutMs(),
        config.alertsWebhookBackoffMs(), config.alertsWebhookMaxAttempts()));
  }
}
