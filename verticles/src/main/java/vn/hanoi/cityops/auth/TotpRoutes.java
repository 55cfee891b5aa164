package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The optional second sign-in step (TOTP, RFC 6238) of admins and SREs: {@code GET /api/v1/me/totp} says whether it
 * is on; {@code POST /api/v1/me/totp} enrols (a fresh secret, its {@code otpauth://} URI and a QR code to scan; off
 * until confirmed); {@code POST /api/v1/me/totp/confirm} with a current code turns it on; {@code POST
 * /api/v1/me/totp/disable} with a current code turns it off. {@code DELETE /api/v1/users/{id}/totp}: an admin turns
 * off another person's (a lost phone). Every change is audited; the secret is kept sealed ({@link SecretBox}).
 */
final class TotpRoutes implements Routes {
  static final String ME = "/api/v1/me/totp";
  static final String ISSUER = "cityops";

  private final Guard guard;
  private final TotpRepository totp;
  private final UserRepository users;
  private final AuditLog audit;
  private final SchemaCheck codeSchema = SchemaCheck.of("totp-code.schema.json");

  TotpRoutes(TotpRepository totp, UserRepository users, AuditLog audit, Guard guard) {
    this.totp = totp;
    this.users = users;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(ME), "Whether my second sign-in step (TOTP) is on, or enrolled and waiting for a code")
        .access(guard.may(Action.USE_TWO_STEP_SIGN_IN)).handler(this::state);
    ApiDoc.on(router.post(ME), "Enrol in the second sign-in step: a new secret, its otpauth:// URI and QR code (off until confirmed)")
        .errors(409).access(guard.may(Action.USE_TWO_STEP_SIGN_IN)).handler(this::enrol);
    ApiDoc.on(router.post(ME + "/confirm"), "Turn the second sign-in step on with a current code from the app")
        .body(codeSchema).errors(409, 422).access(guard.may(Action.USE_TWO_STEP_SIGN_IN)).handler(this::confirm);
    ApiDoc.on(router.post(ME + "/disable"), "Turn my second sign-in step off with a current code from the app")
        .body(codeSchema).errors(409, 422).access(guard.may(Action.USE_TWO_STEP_SIGN_IN)).handler(this::disable);
    ApiDoc.on(router.delete("/api/v1/users/:id/totp"), "Turn off a person's second sign-in step (a lost phone)")
        .noContent().errors(400).access(guard.may(Action.MANAGE_USERS)).handler(this::reset);
  }

  private void state(RoutingContext ctx) {
    totp.state(Guard.principal(ctx).userId())
        .onSuccess(s -> JsonBodies.ok(ctx, json(s)))
        .onFailure(ctx::fail);
  }

  private void enrol(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    String secret = Totp.newSecret();
    totp.enrol(who.userId(), secret)
        .recover(e -> Future.failedFuture(e instanceof SecretBox.MissingKey
            ? new Failure(Failure.Kind.CONFLICT, "secrets_key_missing", e.getMessage()) : e))
        .compose(stored -> stored ? audited(ctx, "auth.totp.enrol", who.username())
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "totp_enabled",
                "the second sign-in step is on: turn it off with a code first")))
        .onSuccess(v -> {
          String uri = Totp.uri(ISSUER, who.username(), secret);
          JsonBodies.ok(ctx, new JsonObject().put("enabled", false).put("pending", true).put("secret", secret)
              .put("uri", uri).put("qrSvg", KioskQr.svg(uri)));
        })
        .onFailure(ctx::fail);
  }

  private void confirm(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    String code = JsonBodies.object(ctx, codeSchema).getString("code");
    totp.state(who.userId())
        .compose(s -> {
          if (s.secret() == null || s.enabled()) {
            return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, s.enabled() ? "totp_enabled" : "totp_not_enrolled",
                s.enabled() ? "the second sign-in step is on already" : "enrol first: POST " + ME));
          }
          return accept(who.userId(), s, code, true);
        })
        .compose(v -> audited(ctx, "auth.totp.enable", who.username()))
        .onSuccess(v -> JsonBodies.ok(ctx, new JsonObject().put("enabled", true).put("pending", false)))
        .onFailure(ctx::fail);
  }

  private void disable(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    String code = JsonBodies.object(ctx, codeSchema).getString("code");
    totp.state(who.userId())
        .compose(s -> s.enabled() ? accept(who.userId(), s, code, false)
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "totp_not_enabled", "the second sign-in step is off")))
        .compose(v -> totp.clear(who.userId()))
        .compose(v -> audited(ctx, "auth.totp.disable", who.username()))
        .onSuccess(v -> JsonBodies.ok(ctx, new JsonObject().put("enabled", false).put("pending", false)))
        .onFailure(ctx::fail);
  }

  private void reset(RoutingContext ctx) {
    long id = JsonBodies.longParam(ctx, "id");
    users.findById(id)
        .compose(user -> user.isEmpty() ? Future.failedFuture(Failure.notFound("no user " + id))
            : totp.clear(id).compose(had -> audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user",
                "auth.totp.reset", user.get().username(), "success", ctx.request().remoteAddress().host(),
                new JsonObject().put("id", id).put("wasEnrolled", had.orElse(false))))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The code is right for an unused step: the step is recorded ({@code enable}: and the step turned on). */
  private Future<Void> accept(long userId, TotpRepository.State s, String code, boolean enable) {
    OptionalLong step = Totp.accepts(s.secret(), code, Instant.now(), s.lastStep());
    if (step.isEmpty()) {
      return Future.failedFuture(wrongCode());
    }
    return totp.use(userId, step.getAsLong(), enable)
        .compose(used -> used ? Future.<Void>succeededFuture() : Future.failedFuture(wrongCode()));
  }

  static Failure wrongCode() {
    return new Failure(Failure.Kind.UNPROCESSABLE, "wrong_code", "the code is wrong, expired or already used",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("field", "code").put("reason", "wrong, expired or already used")));
  }

  private Future<Void> audited(RoutingContext ctx, String action, String username) {
    return audit.record(new AuditLog.Entry(username, "user", action, username, "success",
        ctx.request().remoteAddress().host(), new JsonObject()));
  }

  private static JsonObject json(TotpRepository.State s) {
    return new JsonObject().put("enabled", s.enabled()).put("pending", s.secret() != null && !s.enabled());
  }
}
