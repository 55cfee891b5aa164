package vn.hanoi.cityops.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;

import java.util.List;

/**
 * Puts every user-facing route behind a sign-in and an {@link AccessControl} decision:
 * {@code router.get(path).handler(guard.may(Action.X)).handler(...)}. 401 without a valid token, 403
 * without the permission.
 */
public final class Guard {
  private static final String PRINCIPAL = "cityops.principal";

  private final TokenService tokens;
  private final AccessControl access;

  public Guard(TokenService tokens, AccessControl access) {
    this.tokens = tokens;
    this.access = access;
  }

  /** Any signed-in person. */
  public Handler<RoutingContext> signedIn() {
    return described(List.of(), ctx -> tokens.verifyHeader(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .onSuccess(principal -> {
          ctx.put(PRINCIPAL, principal);
          ctx.next();
        })
        .onFailure(ctx::fail));
  }

  /** A signed-in person allowed {@code action} (on no particular agency). */
  public Handler<RoutingContext> may(Action action) {
    return described(access.rolesAllowed(action), ctx -> tokens.verifyHeader(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .onSuccess(principal -> {
          ctx.put(PRINCIPAL, principal);
          if (access.allows(principal, action)) {
            ctx.next();
          } else {
            ctx.fail(denied(action));
          }
        })
        .onFailure(ctx::fail));
  }

  /** A guard that can tell the API description whom it lets through (no roles: anyone signed in). */
  private record Described(List<String> roles, Handler<RoutingContext> check) implements Handler<RoutingContext>, ApiDoc.Access {
    @Override
    public void handle(RoutingContext ctx) {
      check.handle(ctx);
    }
  }

  private static Handler<RoutingContext> described(List<String> roles, Handler<RoutingContext> check) {
    return new Described(roles, check);
  }

  /** For routes whose resource names its agency: call after {@link #signedIn()}, before acting. */
  public void check(RoutingContext ctx, Action action, String agency) {
    if (!access.allows(principal(ctx), action, agency)) {
      throw denied(action);
    }
  }

  public static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  public AccessControl access() {
    return access;
  }

  public TokenService tokens() {
    return tokens;
  }

  private static Failure denied(Action action) {
    return Failure.forbidden("your role does not allow " + action.name().toLowerCase().replace('_', ' '));
  }
}
