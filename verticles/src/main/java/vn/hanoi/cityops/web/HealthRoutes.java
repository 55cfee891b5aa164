package vn.hanoi.cityops.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;

/**
 * {@code /health}: the process answers. {@code /ready}: PostgreSQL reachable with the migrations applied
 * and, when clustering is on, the cluster joined. {@code /metrics}: Prometheus text.
 */
public final class HealthRoutes implements Routes {
  private final Vertx vertx;
  private final String nodeId;
  private final Pool pool;
  private final boolean clustered;
  private final PrometheusMeterRegistry meters;

  public HealthRoutes(Vertx vertx, String nodeId, Pool pool, boolean clustered, PrometheusMeterRegistry meters) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.pool = pool;
    this.clustered = clustered;
    this.meters = meters;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/health"), "Liveness: the node answers").open()
        .handler(ctx -> JsonBodies.ok(ctx, new JsonObject().put("status", "UP").put("node", nodeId)));
    ApiDoc.on(router.get("/ready"), "Readiness: the database and the cluster are reachable").errors(503).open()
        .handler(this::ready);
    ApiDoc.on(router.get("/metrics"), "Prometheus metrics").produces("text/plain").open()
        .handler(PrometheusScrapingHandler.create(meters));
  }

  private void ready(RoutingContext ctx) {
    Future<Integer> migrations = pool
        .query("SELECT count(*) FROM flyway_schema_history WHERE success").execute()
        .map(rows -> rows.iterator().next().getInteger(0))
        .timeout(2, TimeUnit.SECONDS);
    boolean clusterOk = !clustered || vertx.isClustered();
    migrations.onComplete(ar -> {
      boolean dbOk = ar.succeeded() && ar.result() > 0;
      JsonObject checks = new JsonObject()
          .put("postgres", new JsonObject().put("ok", dbOk)
              .put("migrationsApplied", ar.succeeded() ? ar.result() : null)
              .put("error", ar.failed() ? ar.cause().getMessage() : null))
          .put("cluster", new JsonObject().put("ok", clusterOk).put("clustered", vertx.isClustered()));
      boolean ok = dbOk && clusterOk;
      JsonBodies.send(ctx, ok ? 200 : 503, new JsonObject().put("status", ok ? "READY" : "NOT_READY")
          .put("node", nodeId).put("checks", checks));
    });
  }
}
