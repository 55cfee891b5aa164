package vn.hanoi.cityops.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import vn.hanoi.cityops.alert.AlertRoutes;
import vn.hanoi.cityops.app.NodeContext;
import vn.hanoi.cityops.auth.AuditRoutes;
import vn.hanoi.cityops.auth.ApiKeyRoutes;
import vn.hanoi.cityops.auth.DisplayRoutes;
import vn.hanoi.cityops.auth.LoginRoutes;
import vn.hanoi.cityops.auth.UserRoutes;
import vn.hanoi.cityops.dossier.DossierRoutes;
import vn.hanoi.cityops.feedback.FeedbackRoutes;
import vn.hanoi.cityops.health.SystemRoutes;
import vn.hanoi.cityops.history.HistoryRoutes;
import vn.hanoi.cityops.ingest.IngestRoutes;
import vn.hanoi.cityops.live.LiveRoutes;
import vn.hanoi.cityops.meeting.MeetingRoutes;

/** Owns the HTTP port: mounts each capability's routes, the static web-ui and the one failure handler. */
public final class WebVerticle extends VerticleBase {
  private final NodeContext node;

  public WebVerticle(NodeContext node) {
    this.node = node;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions()
            .setPort(node.config().httpPort())
            .setHost(node.config().httpHost())
            .setCompressionSupported(node.config().httpCompression())
            // permessage-deflate, which browsers always ask for, would give every live socket a deflater of its
            // own (about 10 KiB of heap more per idle socket, plus zlib's native memory) and compress each delta
            // once per socket instead of sending one encoded frame to all: off unless live.compression is on.
            .setPerMessageWebSocketCompressionSupported(node.config().liveCompression())
            .setPerFrameWebSocketCompressionSupported(node.config().liveCompression()))
        .requestHandler(router(vertx, node))
        .listen();
  }

  /** Every route of the node; public so a test can walk them all. */
  public static Router router(io.vertx.core.Vertx vertx, NodeContext node) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(node.config().bodyLimitBytes()));
    HealthRoutes.mount(router, vertx, node);
    IngestRoutes.mount(router, vertx, node);
    LoginRoutes.mount(router, vertx, node);
    ApiKeyRoutes.mount(router, vertx, node);
    HistoryRoutes.mount(router, vertx, node);
    DossierRoutes.mount(router, vertx, node);
    FeedbackRoutes.mount(router, vertx, node);
    SystemRoutes.mount(router, vertx, node);
    UserRoutes.mount(router, vertx, node);
    DisplayRoutes.mount(router, vertx, node);
    AuditRoutes.mount(router, vertx, node);
    AlertRoutes.mount(router, vertx, node);
    MeetingRoutes.mount(router, vertx, node);
    LiveRoutes.mount(router, vertx, node);
    router.route("/api/*").handler(ctx -> ctx.fail(404));
    // Chart library and font, from WebJars on the classpath (versioned paths, so browsers may keep them a day).
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(new ErrorHandler());
    return router;
  }
}
