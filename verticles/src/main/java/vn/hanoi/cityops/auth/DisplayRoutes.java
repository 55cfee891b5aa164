package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.UserRepository.User;
import vn.hanoi.cityops.auth.UserRepository.UserFields;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Kiosk mode, {@code /api/v1/admin/displays}: an admin issues a wall display a long-lived display token (a
 * read-only {@code display} user and one session of {@code validDays}), lists the displays and revokes one.
 * The answer to the issue carries the token once, the kiosk URL {@code /?display=<token>} (and absolute as
 * {@code kioskUrl}: under {@code notify.publicUrl}, unless that names this machine, as its default
 * {@code http://localhost:8080} does — a wall screen opening localhost would reach itself — then under the scheme and
 * host the admin reached the node by) and that absolute link's
 * QR code as an SVG ({@code qrSvg}, {@link KioskQr}): the page keeps the token, so the screen survives restarts of the
 * browser and of the node. Revoking disables the display
 * user and ends its sessions on every node. Every issue and revocation is audited.
 */
public final class DisplayRoutes implements Routes {
  private static final String BASE = "/api/v1/admin/displays";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Guard guard;
  private final Vertx vertx;
  private final UserRepository users;
  private final AuditLog audit;
  private final TokenService tokens;
  /** Where people reach the node ({@code notify.publicUrl}, no trailing slash); blank: the request's own host. */
  private final String publicUrl;
  private final SchemaCheck schema = SchemaCheck.of("display-create.schema.json");

  DisplayRoutes(Vertx vertx, UserRepository users, AuditLog audit, Guard guard, String publicUrl) {
    this.vertx = vertx;
    this.publicUrl = publicUrl == null ? "" : publicUrl;
    this.users = users;
    this.audit = audit;
    this.tokens = guard.tokens();
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.post(BASE), "Issue a wall display: its kiosk link").body(schema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_USERS)).handler(this::create);
    ApiDoc.on(router.get(BASE), "List the wall displays")
        .access(guard.may(Action.MANAGE_USERS)).handler(this::list);
    ApiDoc.on(router.delete(BASE + "/:id"), "Revoke a wall display").noContent().errors(400)
        .access(guard.may(Action.MANAGE_USERS)).handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, schema);
    String username = "display-" + HexFormat.of().formatHex(random(4));
    String unusablePassword = HexFormat.of().formatHex(random(32));
    int ttl = (int) Duration.ofDays(body.getInteger("validDays", 365)).toSeconds();
    vertx.executeBlocking(() -> PasswordHasher.hash(unusablePassword), false)
        .compose(hash -> users.create(username, new UserFields(body.getString("name"), "HN",
            body.getString("language", "vi"), EnumSet.of(Role.DISPLAY), hash, true)))
        .compose(created -> created.isPresent()
            ? Future.succeededFuture(created.get())
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "display name clash; try again")))
        .compose(user -> {
          TokenService.Issued issued = tokens.issue(user, ttl);
          return users.startSession(issued.tokenId(), user.id(), TokenService.utc(issued.expiresAt()),
                  ctx.request().remoteAddress().host())
              .compose(v -> audited(ctx, "display.issue", user))
              .map(v -> {
                String url = "/?display=" + issued.token();
                String kioskUrl = base(ctx) + url;
                return json(user, issued.expiresAt().toString())
                    .put("token", issued.token())
                    .put("url", url)
                    .put("kioskUrl", kioskUrl)
                    .put("qrSvg", KioskQr.svg(kioskUrl));
              });
        })
        .onSuccess(json -> ctx.response().setStatusCode(201)
            .putHeader(HttpHeaders.LOCATION, BASE + "/" + json.getLong("id"))
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
            .end(json.encode()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    users.displays()
        .onSuccess(all -> JsonBodies.ok(ctx, new JsonObject().put("items", new JsonArray(all.stream()
            .map(d -> json(d.user(), d.tokenExpiresAt() == null ? null : d.tokenExpiresAt().toInstant().toString()))
            .toList()))))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    long id = JsonBodies.longParam(ctx, "id");
    users.findById(id)
        .compose(found -> isDisplay(found)
            ? Future.succeededFuture(found.get())
            : Future.failedFuture(Failure.notFound("no display " + id)))
        .compose(user -> users.update(user.id(), new UserFields(null, null, null, null, null, false))
            .compose(v -> tokens.endSessionsOf(user.id()))
            .compose(v -> audited(ctx, "display.revoke", user)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** {@code notify.publicUrl}, unless blank or a loopback address; then the scheme and host the admin reached this node by. */
  private String base(RoutingContext ctx) {
    if (!publicUrl.isBlank() && !isLoopback(publicUrl)) {
      return publicUrl;
    }
    HostAndPort authority = ctx.request().authority();
    if (authority == null) {
      return ctx.request().scheme() + "://localhost";
    }
    String host = authority.host().contains(":") && !authority.host().startsWith("[") ? "[" + authority.host() + "]" : authority.host();
    return ctx.request().scheme() + "://" + host + (authority.port() > 0 ? ":" + authority.port() : "");
  }

  private static boolean isLoopback(String url) {
    String host = URI.create(url).getHost();
    return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  private static boolean isDisplay(Optional<User> user) {
    return user.isPresent() && user.get().roles().contains(Role.DISPLAY);
  }

  private static JsonObject json(User user, String tokenExpiresAt) {
    return new JsonObject().put("id", user.id()).put("username", user.username()).put("name", user.displayName())
        .put("language", user.language()).put("active", user.active()).put("tokenExpiresAt", tokenExpiresAt)
        .put("createdAt", user.createdAt().toString());
  }

  private Future<Void> audited(RoutingContext ctx, String action, User user) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, user.username(), "success",
        ctx.request().remoteAddress().host(), new JsonObject().put("id", user.id()).put("name", user.displayName())));
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return b;
  }
}
