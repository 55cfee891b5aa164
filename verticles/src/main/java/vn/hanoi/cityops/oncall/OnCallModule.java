package vn.hanoi.cityops.oncall;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.alert.AlertModule;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.notify.Notifier;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * On call: an outage reaches the right engineer and climbs until someone owns it. Needs the configuration
 * ({@code oncall.*}, {@code dev.mode}), the pool, the reference data, the guard, the audit log, the notifier (notify
 * floor), the alerts (their module: which group an alert is in, acknowledging a group; the open groups are alert/'s
 * view {@code alert_group_open}) and this node's id (whose claims are whose). Offers {@code /api/v1/oncall/*}
 * (teams, rotations, covers, policies, maintenance windows, who is on call, the pages of an outage, the acknowledge
 * link); a feed listener that wakes the engine when an alert changes; and the engine's verticle.
 */
public final class OnCallModule implements Capability {
  private final Guard guard;
  private final AuditLog audit;
  private final TeamRepository teams;
  private final PolicyRepository policies;
  private final WindowRepository windows;
  private final Ledger ledger;
  private final AckLinks links;
  private final Known known;
  private final AlertGroups alerts;
  private final Notifier notifier;
  /** Made now, not when deployed: the feed, which starts first, may wake it (a wake before its start is dropped). */
  private final EscalationVerticle engine;

  public OnCallModule(AppConfig config, Pool pool, ReferenceData reference, Guard guard, AuditLog audit,
                      Notifier notifier, AlertModule alertModule, String nodeId) {
    AppConfig.OnCall settings = config.onCall();
    this.guard = guard;
    this.audit = audit;
    this.notifier = notifier;
    this.teams = new TeamRepository(pool);
    this.policies = new PolicyRepository(pool);
    this.windows = new WindowRepository(pool);
    this.ledger = new Ledger(pool);
    this.links = new AckLinks(pool, settings.ackLinkMinutes());
    this.known = new Known(new UserRepository(pool), reference);
    this.alerts = new AlertGroups() {
      @Override
      public Future<Optional<String>> groupOf(long alertId) {
        return alertModule.groupOf(alertId);
      }

      @Override
      public Future<List<Long>> acknowledge(String group, String actor, String note) {
        return alertModule.acknowledgeGroup(group, actor, note);
      }
    };
    this.engine = new EscalationVerticle(
        new PagingEngine(ledger, teams, policies, windows, links, notifier, nodeId, settings.leaseSeconds()),
        new DevDefaults(pool, config.devMode()), settings.tickMs(), settings.leaseSeconds());
  }

  @Override
  public List<Routes> routes() {
    return List.of(new TeamRoutes(teams, known, audit, guard), new PolicyRoutes(policies, windows, known, audit, guard),
        new OnCallRoutes(teams, ledger, links, alerts, notifier, audit, guard));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(new AlertWake(engine));
  }

  @Override
  public List<Supplier<Deployable>> verticles() {
    return List.of(() -> engine);
  }
}
