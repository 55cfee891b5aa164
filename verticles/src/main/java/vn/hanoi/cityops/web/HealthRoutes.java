package vn.hanoi.cityops.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.hanoi.cityops.app.NodeContext;

/**
 * {@code /health}: the process answers. {@code /ready}: PostgreSQL reachable with the migrations applied
 * and, when clustering is on, the cluster joined. {@code /metrics}: Prometheus text.
 */
public final class HealthRoutes {
  private HealthRoutes() {
  }

  public static void mount(Router router, Vertx vertx, NodeContext node) {
    router.get("/health").handler(ctx -> JsonBodies.ok(ctx, new JsonObject().put("status", "UP").put("node", node.nodeId())));
    router.get("/ready").handler(ctx -> ready(ctx, vertx, node));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(node.meters()));
  }

  private static void ready(RoutingContext ctx, Vertx vertx, NodeContext node) {
    Future<Integer> migrations = node.database().pool()
        .query("SELECT count(*) FROM flyway_schema_history WHERE success").execute()
        .map(rows -> rows.iterator().next().getInteger(0))
        .timeout(2, java.util.concurrent.TimeUnit.SECONDS);
    boolean clusterOk = !node.config().clustered() || vertx.isClustered();
    migrations.transform(ar -> {
      boolean dbOk = ar.succeeded() && ar.result() > 0;
      JsonObject checks = new JsonObject()
          .put("postgres", new JsonObject().put("ok", dbOk)
              .put("migrationsApplied", ar.succeeded() ? ar.result() : null)
              .put("error", ar.failed() ? ar.cause().getMessage() : null))
          .put("cluster", new JsonObject().put("ok", clusterOk).put("clustered", vertx.isClustered()));
      boolean ok = dbOk && clusterOk;
      JsonBodies.send(ctx, ok ? 200 : 503, new JsonObject().put("status", ok ? "READY" : "NOT_READY")
          .put("node", node.nodeId()).put("checks", checks));
      return Future.succeededFuture();
    });
  }
}
