package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.TokenService;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.Routes;

import java.util.Set;

/**
 * {@code GET /ws}: the WebSocket upgrade. Refuses pages from other sites (cross-site WebSocket hijacking) with
 * 403: the {@code Origin} must be the node's own (same scheme-less host and port as the {@code Host} header,
 * so the pages it serves work under any name it is reached by) or in {@code http.allowedOrigins}; checks an {@code Authorization: Bearer} header before
 * upgrading (401 if it is wrong), then hands the socket to a {@link LiveConnection}. Tokens are never
 * read from the query string: URLs end up in logs and browser history.
 */
public final class LiveRoutes implements Routes {
  public static final String PATH = "/ws";
  /** The live topics' names ({@link Topics}) as an ES module: {@code import { TOPICS } from './topics.js'}. */
  public static final String TOPICS_MODULE = "/js/topics.js";
  /** The name Vert.x gives Netty's ChunkedWriteHandler in a connection's pipeline. */
  private static final String CHUNKED_WRITER = "chunkedWriter";

  private final Vertx vertx;
  private final Set<String> allowedOrigins;
  private final TokenService tokens;
  private final TopicAccess access;
  private final Connections connections;
  private final LiveSettings settings;

  public LiveRoutes(Vertx vertx, AppConfig config, TokenService tokens, TopicAccess access, Connections connections) {
    this.vertx = vertx;
    this.allowedOrigins = config.allowedOrigins();
    this.tokens = tokens;
    this.access = access;
    this.connections = connections;
    this.settings = LiveSettings.of(config);
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(PATH), "The live WebSocket: follow topics, get deltas with sequence numbers, replay").errors(400, 403).open()
        .handler(this::handle);
    // The topic names as a module the pages import: one list (bus/Topics), not a copy per page.
    String topics = "export const TOPICS = Object.freeze(" + Topics.catalogue().encode() + ");\n";
    ApiDoc.on(router.get(TOPICS_MODULE), "The live topic names as an ES module the pages import").produces("text/javascript").open()
        .handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8").end(topics));
  }

  /** {@code http://host:port} or {@code https://host:port} naming the host the request was sent to. */
  static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    int scheme = origin.indexOf("://");
    return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin != null && !allowedOrigins.contains(origin) && !sameOrigin(origin, request.getHeader(HttpHeaders.HOST))) {
      ctx.fail(new Failure(Failure.Kind.FORBIDDEN, "forbidden_origin", "pages from this origin may not open the live connection"));
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean upgrade = request.canUpgradeToWebSocket();
    if (authorization == null) {
      if (upgrade) {
        upgrade(ctx, null); // a browser: it signs in with its first message
      } else {
        ctx.fail(Failure.unauthenticated("sign in first: open a WebSocket with 'Authorization: Bearer <token>' or send an auth message"));
      }
      return;
    }
    tokens.verifyHeader(authorization)
        .onSuccess(principal -> {
          if (upgrade) {
            upgrade(ctx, principal);
          } else {
            ctx.fail(Failure.invalid("upgrade_required", "GET " + PATH + " must be a WebSocket upgrade"));
          }
        })
        .onFailure(ctx::fail);
  }

  /**
   * With HTTP compression on ({@code http.compression}), Vert.x puts Netty's {@code ChunkedWriteHandler} in every
   * connection's pipeline (for compressed file sends), and a WebSocket keeps it: every frame written then passes through its
   * queue (an object per write and per flush, per socket), and each socket holds its deque. A WebSocket never
   * sends chunked input, so it is removed, as Vert.x itself does when a connection becomes a plain
   * {@code NetSocket}. Vert.x 5 offers no public way to reach the pipeline: this uses its connection class.
   * Called on the connection's event loop, right after the handshake.
   */
  private static void withoutChunkedWriter(HttpServerRequest upgraded) {
    if (upgraded.connection() instanceof ConnectionBase connection
        && connection.channel().pipeline().get(CHUNKED_WRITER) != null) {
      connection.channel().pipeline().remove(CHUNKED_WRITER);
    }
  }

  private void upgrade(RoutingContext ctx, Principal principal) {
    ctx.request().toWebSocket()
        .onSuccess(ws -> {
          // The upgrade request and its answer stay referenced by the connection for as long as it is open:
          // drop their headers (the bearer token, cookies, the security headers of the 101) once the
          // handshake is done; nothing reads them afterwards.
          ws.headers().clear();
          withoutChunkedWriter(ctx.request());
          ctx.response().headers().clear();
          new LiveConnection(connections.loop(vertx, tokens, access, settings), ws).start(principal);
        })
        .onFailure(e -> {
          if (!ctx.response().headWritten()) {
            ctx.fail(Failure.invalid("bad_handshake", "the WebSocket handshake failed: " + e.getMessage()));
          }
        });
  }
}
