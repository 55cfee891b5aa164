package vn.hanoi.cityops.app;

import vn.hanoi.cityops.config.AppConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.alert.WebhookSender;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.auth.ApiKeyRepository;
import vn.hanoi.cityops.auth.KeySecrets;
import vn.hanoi.cityops.auth.People;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.health.SilenceWatchdog;
import vn.hanoi.cityops.history.RollupVerticle;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.ingest.KeyRateLimiter;
import vn.hanoi.cityops.live.FeedVerticle;
import vn.hanoi.cityops.live.LiveClock;
import vn.hanoi.cityops.meeting.PresenceSweep;
import vn.hanoi.cityops.sim.SimulatorVerticle;
import vn.hanoi.cityops.store.Database;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.WebVerticle;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cityops node: Vert.x (clustered over Hazelcast unless told otherwise), its PostgreSQL (embedded
 * or external, migrated), the API keys, then the verticles in order. Fails fast with the cause.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final long LAG_PROBE_MS = 200;

  private final Vertx vertx;
  private final NodeContext context;

  private Node(Vertx vertx, NodeContext context) {
    this.vertx = vertx;
    this.context = context;
  }

  public static Future<Node> start(AppConfig config) {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxBuilder builder = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .withMetrics(new MicrometerMetricsFactory(meters));
    Future<Vertx> vertx = config.clustered()
        ? builder.withClusterManager(ClusterSetup.manager(config)).buildClustered()
        : Future.succeededFuture(builder.build());
    // Closing Vert.x terminates the event loops a listener on close() would run on, so the failure is
    // answered at once and the close goes on by itself.
    return vertx.compose(v -> boot(v, config, meters).recover(failure -> {
      v.close();
      return Future.failedFuture(failure);
    }));
  }

  private static Future<Node> boot(Vertx vertx, AppConfig config, PrometheusMeterRegistry meters) {
    String nodeId = UUID.randomUUID().toString();
    probeEventLoopLag(vertx, meters);
    return Database.start(vertx, config).compose(db -> ReferenceData.load(db.pool())
        .compose(reference -> {
          ApiKeyRepository keys = new ApiKeyRepository(db.pool());
          ApiKeyRegistry registry = new ApiKeyRegistry(keys);
          UserRepository users = new UserRepository(db.pool());
          AuditLog audit = new AuditLog(db.pool());
          return People.start(vertx, config, db.pool(), users, reference)
              .map(guard -> new NodeContext(nodeId, config, db, reference, keys, registry,
                  new KeyRateLimiter(config.keyRatePerSecond()), meters, users, audit, guard))
              .compose(ctx -> installBootstrapKey(ctx)
                  .compose(v -> People.seed(vertx, config, users, audit))
                  .compose(v -> registry.start(vertx, config.apiKeyRefreshMs()))
                  .compose(v -> vertx.deployVerticle(() -> new WebVerticle(ctx),
                      new DeploymentOptions().setInstances(config.httpInstances())))
                  .compose(v -> vertx.deployVerticle(new SilenceWatchdog(ctx)))
                  .compose(v -> vertx.deployVerticle(new FeedVerticle(ctx)))
                  .compose(v -> vertx.deployVerticle(new LiveClock(ctx)))
                  .compose(v -> vertx.deployVerticle(new RollupVerticle(ctx)))
                  .compose(v -> vertx.deployVerticle(new WebhookSender(ctx)))
                  .compose(v -> vertx.deployVerticle(new PresenceSweep(ctx)))
                  .compose(v -> config.simulator() ? startSimulator(vertx, ctx) : Future.succeededFuture())
                  .map(v -> new Node(vertx, ctx)));
        })
        .recover(failure -> db.close().transform(closed -> Future.failedFuture(failure))));
  }

  private static Future<Void> installBootstrapKey(NodeContext ctx) {
    String key = ctx.config().bootstrapApiKey();
    if (key.isBlank()) {
      return Future.succeededFuture();
    }
    return ctx.apiKeys().upsertNodeKey("bootstrap", "bootstrap", KeySecrets.hash(key), KeySecrets.displayPrefix(key))
        .mapEmpty();
  }

  /** The simulator sends through the public ingestion path with a key of its own, fresh at every start. */
  private static Future<String> startSimulator(Vertx vertx, NodeContext ctx) {
    String secret = KeySecrets.generate();
    return ctx.apiKeys().upsertNodeKey("simulator", "simulator", KeySecrets.hash(secret), KeySecrets.displayPrefix(secret))
        .compose(k -> ctx.apiKeyRegistry().refresh())
        .compose(v -> vertx.deployVerticle(new SimulatorVerticle(ctx.config(), ctx.reference(), secret)));
  }

  /** How late a timer fires on an event loop: the lag a blocked or overloaded loop adds to every request. */
  private static void probeEventLoopLag(Vertx vertx, PrometheusMeterRegistry meters) {
    AtomicLong lagNanos = new AtomicLong();
    AtomicLong expected = new AtomicLong(System.nanoTime() + LAG_PROBE_MS * 1_000_000);
    vertx.setPeriodic(LAG_PROBE_MS, id -> {
      long now = System.nanoTime();
      lagNanos.set(Math.max(0, now - expected.get()));
      expected.set(now + LAG_PROBE_MS * 1_000_000);
    });
    Gauge.builder("cityops_event_loop_lag_seconds", lagNanos, l -> l.get() / 1e9)
        .description("Delay of a periodic timer on an event loop").register(meters);
  }

  public Vertx vertx() {
    return vertx;
  }

  public NodeContext context() {
    return context;
  }

  public AppConfig config() {
    return context.config();
  }

  public String nodeId() {
    return context.nodeId();
  }

  public io.micrometer.core.instrument.MeterRegistry meters() {
    return context.meters();
  }

  public Database database() {
    return context.database();
  }

  public Future<Void> close() {
    LOG.info("node=stopping id={}", context.nodeId());
    return closeDeployments()
        .eventually(() -> context.database().close())
        .eventually(vertx::close);
  }

  private Future<Void> closeDeployments() {
    return Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
