package vn.hanoi.cityops.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code GET /api/v1/audit}: the audit log newest first, for admins. Filters {@code action}, {@code actor},
 * {@code outcome}, {@code from} (inclusive) and {@code to} (exclusive, ISO-8601 with an offset); pages of
 * {@code limit} entries (1-500, default 100) continue with {@code before=<next>} until {@code next} is null.
 */
public final class AuditRoutes implements Routes {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");

  private final Guard guard;
  private final AuditLog audit;

  AuditRoutes(AuditLog audit, Guard guard) {
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/audit"), "Search the audit log (by actor, action, time; paged)").errors(400)
        .access(guard.may(Action.READ_AUDIT)).handler(this::find);
  }

  private void find(RoutingContext ctx) {
    int limit = limit(ctx);
    // One more than asked says whether another page exists without a second query.
    AuditLog.Query query = query(ctx, before(ctx), limit + 1);
    audit.find(query).map(items -> page(items, limit))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /** The filters {@code action}, {@code actor}, {@code outcome}, {@code from}, {@code to}; a 400 for a bad one. */
  static AuditLog.Query query(RoutingContext ctx, Long before, int limit) {
    String outcome = ctx.request().getParam("outcome");
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw invalid("outcome", "must be success, failure or denied");
    }
    return new AuditLog.Query(ctx.request().getParam("action"), ctx.request().getParam("actor"),
        outcome, time(ctx, "from"), time(ctx, "to"), before, limit);
  }

  private static JsonObject page(JsonArray items, int limit) {
    if (items.size() <= limit) {
      return new JsonObject().put("items", items).put("next", null);
    }
    JsonArray shown = new JsonArray(items.getList().subList(0, limit));
    return new JsonObject().put("items", shown).put("next", shown.getJsonObject(limit - 1).getLong("id"));
  }

  private static int limit(RoutingContext ctx) {
    String value = ctx.request().getParam("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static Long before(RoutingContext ctx) {
    String value = ctx.request().getParam("before");
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid("before", "must be the id of an audit entry, as 'next' gives it");
    }
  }

  private static OffsetDateTime time(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return null;
    }
    try {
      // An unencoded '+' of an offset arrives as a space; read it as the '+' the sender meant.
      return OffsetDateTime.parse(value.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T08:00:00+07:00");
    }
  }

  private static Failure invalid(String name, String reason) {
    return new Failure(Failure.Kind.INVALID, "invalid_parameter", name + " " + reason,
        new JsonArray().add(new JsonObject().put("field", name).put("reason", reason)));
  }
}
