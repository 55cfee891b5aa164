package vn.hanoi.cityops.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import vn.hanoi.cityops.config.AppConfig;

import java.util.List;

/**
 * Owns the HTTP port: mounts the routes every capability offers (it knows none of them by name), the static web-ui,
 * the chart library and font from WebJars, and the one failure handler. Runs {@code http.instances} instances.
 */
public final class HttpVerticle extends VerticleBase {
  private final AppConfig.Http settings;
  private final List<Routes> routes;

  public HttpVerticle(AppConfig.Http settings, List<Routes> routes) {
    this.settings = settings;
    this.routes = List.copyOf(routes);
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions()
            .setPort(settings.port())
            .setHost(settings.host())
            .setCompressionSupported(settings.compression())
            // permessage-deflate, which browsers always ask for, would give every live socket a deflater of its
            // own (about 10 KiB of heap more per idle socket, plus zlib's native memory) and compress each delta
            // once per socket instead of sending one encoded frame to all: off unless live.compression is on.
            .setPerMessageWebSocketCompressionSupported(settings.liveCompression())
            .setPerFrameWebSocketCompressionSupported(settings.liveCompression()))
        .requestHandler(router(vertx, settings, routes))
        .invalidRequestHandler(new UndecodableRequests())
        .listen();
  }

  /** Every route of the node, in the order a request meets them; public so a test can walk them all. */
  public static Router router(Vertx vertx, AppConfig.Http settings, List<Routes> routes) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes()));
    routes.forEach(r -> r.mount(router));
    // The description of every route above (and of itself), built from the router on the first request.
    ApiDoc.on(router.get(OpenApiDocument.PATH), "This OpenAPI 3.1 description of every route").open()
        .handler(new OpenApiDocument(router));
    router.route("/api/*").handler(ctx -> ctx.fail(404));
    // Chart library and font, from WebJars on the classpath (versioned paths, so browsers may keep them a day).
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
    // The SRE console's web app manifest has a type of its own, which the static handler's table lacks.
    router.getWithRegex(".*\\.webmanifest").handler(ctx -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/manifest+json");
      ctx.next();
    });
    // The leader's summary under a short address (a static page: it signs in and reads the API like the others).
    ApiDoc.on(router.get("/summary"), "The leader's summary page under a short address (a redirect)")
        .redirects().open().handler(ctx -> ctx.redirect("/summary.html"));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(new ErrorHandler());
    return router;
  }
}
