package vn.hanoi.cityops.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.auth.AuthModule;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.live.Audience;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.live.FeedVerticle;
import vn.hanoi.cityops.live.LiveClock;
import vn.hanoi.cityops.live.LiveRoutes;
import vn.hanoi.cityops.live.TopicAccess;
import vn.hanoi.cityops.metrics.CityMetrics;
import vn.hanoi.cityops.notify.Notifier;
import vn.hanoi.cityops.notify.NotifyModule;
import vn.hanoi.cityops.sim.SimulatorVerticle;
import vn.hanoi.cityops.store.Database;
import vn.hanoi.cityops.store.DatabaseProbe;
import vn.hanoi.cityops.web.HealthRoutes;
import vn.hanoi.cityops.web.HttpVerticle;
import vn.hanoi.cityops.web.Routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One cityops node, and the composition root: the only code that knows every capability. Starts Vert.x (clustered
 * over Hazelcast unless told otherwise), its PostgreSQL (embedded or external, migrated), the reference data, people
 * and access, outbound messages to people, then builds the capabilities ({@link Capabilities}), mounts their routes on the HTTP port, hands their
 * feed listeners to the event feed, and deploys their verticles. Fails fast with the cause.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final long LAG_PROBE_MS = 200;
  /** The feed's poll reads through its own connection (see {@link FeedVerticle}). */
  private static final int FEED_CONNECTIONS = 1;

  private final Vertx vertx;
  private final AppConfig config;
  private final String nodeId;
  private final PrometheusMeterRegistry meters;
  private final Database database;
  private final ReferenceData reference;
  private final List<Routes> routes;
  private final Notifier notifier;

  private Node(Vertx vertx, AppConfig config, String nodeId, PrometheusMeterRegistry meters, Database database,
               ReferenceData reference, List<Routes> routes, Notifier notifier) {
    this.vertx = vertx;
    this.config = config;
    this.nodeId = nodeId;
    this.meters = meters;
    this.database = database;
    this.reference = reference;
    this.routes = routes;
    this.notifier = notifier;
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
        .compose(reference -> AuthModule.start(vertx, config, db.pool(), reference)
            .compose(auth -> NotifyModule.start(vertx, config, db.pool(), auth.audit(), auth.guard())
                .compose(notify -> assemble(vertx, config, nodeId, meters, db, reference, auth, notify))))
        .recover(failure -> db.close().transform(closed -> Future.failedFuture(failure))));
  }

  private static Future<Node> assemble(Vertx vertx, AppConfig config, String nodeId, PrometheusMeterRegistry meters,
                                       Database db, ReferenceData reference, AuthModule auth, NotifyModule notify) {
    Connections hub = Connections.onNode(vertx, meters);
    CityMetrics.register(meters, hub, reference);
    FeedSignal signal = new FeedSignal(vertx);
    List<Capability> capabilities = Capabilities.of(vertx, config, db, reference, auth, notify.notifier(), hub, signal,
        meters, nodeId);

    List<FeedListener> listeners = new ArrayList<>();
    Map<Topics, Audience> audiences = new HashMap<>();
    List<Supplier<Deployable>> verticles = new ArrayList<>();
    List<Routes> routes = new ArrayList<>();
    routes.add(new HealthRoutes(vertx, nodeId, db.pool(), config.clustered(), meters));
    routes.addAll(auth.routes());
    routes.addAll(notify.routes());
    for (Capability c : capabilities) {
      routes.addAll(c.routes());
      listeners.addAll(c.feedListeners());
      audiences.putAll(c.audiences());
      verticles.addAll(c.verticles());
    }
    routes.add(new LiveRoutes(vertx, config, auth.guard().tokens(), new TopicAccess(auth.guard().access(), audiences, reference), hub));

    Node node = new Node(vertx, config, nodeId, meters, db, reference, List.copyOf(routes), notify.notifier());
    return vertx.deployVerticle(() -> new HttpVerticle(config.http(), node.routes),
            new DeploymentOptions().setInstances(config.httpInstances()))
        .compose(v -> vertx.deployVerticle(new FeedVerticle(db.dedicatedPool(FEED_CONNECTIONS), listeners)))
        .compose(v -> vertx.deployVerticle(new LiveClock(db.pool(), signal, config.liveClockMs())))
        .compose(v -> vertx.deployVerticle(new DatabaseProbe(db.dedicatedPool(1), meters)))
        .compose(v -> deployInOrder(vertx, verticles))
        .compose(v -> config.simulator() ? startSimulator(vertx, config, reference, auth) : Future.succeededFuture())
        .map(node);
  }

  private static Future<Void> deployInOrder(Vertx vertx, List<Supplier<Deployable>> verticles) {
    Future<Void> chain = Future.succeededFuture();
    for (Supplier<Deployable> verticle : verticles) {
      chain = chain.compose(v -> vertx.deployVerticle(verticle.get()).mapEmpty());
    }
    return chain;
  }

  /** The simulator sends through the public ingestion path with a key of its own, fresh at every start. */
  private static Future<String> startSimulator(Vertx vertx, AppConfig config, ReferenceData reference, AuthModule auth) {
    return auth.issueNodeKey("simulator")
        .compose(secret -> vertx.deployVerticle(new SimulatorVerticle(config, reference, secret)));
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

  public AppConfig config() {
    return config;
  }

  public String nodeId() {
    return nodeId;
  }

  public MeterRegistry meters() {
    return meters;
  }

  public Database database() {
    return database;
  }

  /** How this node sends messages to people. */
  public Notifier notifier() {
    return notifier;
  }

  /** The agencies and systems the node loaded at start. */
  public ReferenceData reference() {
    return reference;
  }

  /** A router with every route of the node, as each HTTP verticle instance mounts them: for a test to walk. */
  public Router router() {
    return HttpVerticle.router(vertx, config.http(), routes);
  }

  public Future<Void> close() {
    LOG.info("node=stopping id={}", nodeId);
    return closeDeployments()
        .eventually(database::close)
        .eventually(vertx::close);
  }

  private Future<Void> closeDeployments() {
    return Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
