package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code POST /api/v1/auth/login} answers a signed token; {@code POST /api/v1/auth/logout} ends its
 * session on every node; {@code GET /api/v1/auth/me} says who the token belongs to. Failed sign-ins are
 * audited and counted per username and per address: past the limit within the window the answer is 429
 * with {@code Retry-After}, even for the right password. A person with the second step on ({@link TotpRoutes})
 * also sends {@code code}: without it the answer is 401 {@code totp_required} (the page then asks for it, nothing
 * counted); a wrong, expired or reused code is 401 {@code totp_invalid}, counted like a wrong password.
 */
public final class LoginRoutes implements Routes {
  private static final String INVALID = "invalid username or password";

  private final Guard guard;
  private final Vertx vertx;
  private final AppConfig config;
  private final UserRepository users;
  private final AuditLog audit;
  private final TokenService tokens;
  private final TotpRepository totp;
  private final SchemaCheck schema = SchemaCheck.of("login.schema.json");

  LoginRoutes(Vertx vertx, AppConfig config, UserRepository users, TotpRepository totp, AuditLog audit, Guard guard) {
    this.totp = totp;
    this.vertx = vertx;
    this.config = config;
    this.users = users;
    this.audit = audit;
    this.tokens = guard.tokens();
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.post("/api/v1/auth/login"), "Sign in: a bearer token for the other routes").body(schema).errors(401, 429).open()
        .handler(this::login);
    ApiDoc.on(router.post("/api/v1/auth/logout"), "Sign out: the token stops working").noContent()
        .access(guard.signedIn()).handler(this::logout);
    ApiDoc.on(router.get("/api/v1/auth/me"), "Who the token belongs to: name, roles, agency, language")
        .access(guard.may(Action.READ_SELF))
        .handler(ctx -> JsonBodies.ok(ctx, Guard.principal(ctx).toJson()));
  }

  private void login(RoutingContext ctx) {
    String address = ctx.request().remoteAddress().host();
    JsonObject body = JsonBodies.object(ctx, schema);
    String username = body.getString("username").trim().toLowerCase(Locale.ROOT);
    String password = body.getString("password");
    String code = body.getString("code");
    throttle(username, address)
        .compose(v -> users.findByUsername(username))
        .compose(found -> vertx.executeBlocking(() -> found.isPresent() && found.get().active()
                ? PasswordHasher.verify(password, found.get().passwordHash())
                : PasswordHasher.verifyNothing(password), false)
            .compose(ok -> ok ? secondStep(found.get(), code, address).compose(v -> signIn(ctx, found.get(), address))
                : failed(username, address)))
        .onSuccess(json -> JsonBodies.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private Future<Void> throttle(String username, String address) {
    int window = config.loginWindowSeconds();
    return audit.recentLoginFailures(username, address, window).compose(f -> {
      boolean userLocked = f.getLong("byUser") >= config.maxFailuresPerUser();
      boolean addressLocked = f.getLong("byAddress") >= config.maxFailuresPerAddress();
      if (!userLocked && !addressLocked) {
        return Future.succeededFuture();
      }
      double age = Math.max(userLocked ? f.getDouble("userAgeSeconds") : 0, addressLocked ? f.getDouble("addressAgeSeconds") : 0);
      int retryAfter = (int) Math.max(1, Math.ceil(window - age));
      return audit.record(new AuditLog.Entry(username, "anonymous", "auth.login", username, "denied", address,
              new JsonObject().put("reason", userLocked ? "too many failures for this username" : "too many failures from this address")))
          .transform(v -> Future.failedFuture(new Failure(Failure.Kind.TOO_MANY, "too_many_attempts",
              "too many failed sign-ins; try again in " + retryAfter + " s", new JsonArray(), retryAfter)));
    });
  }

  private Future<JsonObject> signIn(RoutingContext ctx, UserRepository.User user, String address) {
    TokenService.Issued issued = tokens.issue(user);
    return users.startSession(issued.tokenId(), user.id(), TokenService.utc(issued.expiresAt()), address)
        .compose(v -> audit.record(new AuditLog.Entry(user.username(), "user", "auth.login", user.username(), "success",
            address, new JsonObject().put("session", issued.tokenId()))))
        .map(v -> new JsonObject()
            .put("token", issued.token())
            .put("expiresAt", issued.expiresAt().toString())
            .put("user", user.toJson()));
  }

  private Future<JsonObject> failed(String username, String address) {
    return audit.record(new AuditLog.Entry(username, "anonymous", "auth.login", username, "failure", address, new JsonObject()))
        .transform(v -> Future.failedFuture(Failure.unauthenticated(INVALID)));
  }

  /** Passes when the person has no second step, or {@code code} is right for a step not used before. */
  private Future<Void> secondStep(UserRepository.User user, String code, String address) {
    return totp.state(user.id()).compose(s -> {
      if (!s.enabled()) {
        return Future.succeededFuture();
      }
      if (code == null || code.isBlank()) {
        return Future.failedFuture(new Failure(Failure.Kind.UNAUTHENTICATED, "totp_required",
            "enter the 6-digit code of your authenticator app"));
      }
      OptionalLong step = Totp.accepts(s.secret(), code.trim(), Instant.now(), s.lastStep());
      Future<Boolean> used = step.isPresent() ? totp.use(user.id(), step.getAsLong(), false) : Future.succeededFuture(false);
      return used.compose(ok -> ok ? Future.<Void>succeededFuture()
          : audit.record(new AuditLog.Entry(user.username(), "anonymous", "auth.login", user.username(), "failure", address,
                  new JsonObject().put("reason", "wrong TOTP code")))
              .transform(v -> Future.failedFuture(new Failure(Failure.Kind.UNAUTHENTICATED, "totp_invalid",
                  "the code is wrong, expired or already used"))));
    });
  }

  private void logout(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    tokens.forget(who.tokenId());
    users.endSession(who.tokenId())
        .compose(v -> audit.record(new AuditLog.Entry(who.username(), "user", "auth.logout", who.username(), "success",
            ctx.request().remoteAddress().host(), new JsonObject().put("session", who.tokenId()))))
        .onSuccess(v -> {
          vertx.eventBus().publish(Addresses.SESSIONS_CHANGED, who.tokenId());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }
}
