package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The alerts API: {@code /api/v1/alerts} (list, one with its history, stats, acknowledge, resolve),
 * {@code /api/v1/alert-rules} (CRUD, validated on save) and {@code /api/v1/silences}. Reading needs city data;
 * acknowledging {@link Action#ACKNOWLEDGE_ALERT} (operator, sre); resolving, silencing and rules
 * {@link Action#MANAGE_ALERTS} (sre). An illegal transition (acknowledging a resolved alert, resolving twice, the
 * second of two simultaneous acknowledgements on any nodes) is {@code 409 illegal_transition}.
 */
public final class AlertRoutes implements Routes {
  private static final String ALERTS = "/api/v1/alerts";
  private static final String RULES = "/api/v1/alert-rules";
  private static final String SILENCES = "/api/v1/silences";
  private static final Set<String> STATES = Set.of("firing", "acknowledged", "resolved", "open");
  private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
  private static final int MAX_LIMIT = 500;

  private final Guard guard;
  private final FeedSignal signal;
  private final AlertRepository alerts;
  private final AlertRules rules;
  private final Silences silences;
  private final AuditLog audit;
  private final ReferenceData reference;
  private final SchemaCheck noteSchema = SchemaCheck.of("alert-note.schema.json");
  private final SchemaCheck ruleSchema = SchemaCheck.of("alert-rule.schema.json");
  private final SchemaCheck ruleUpdateSchema = SchemaCheck.of("alert-rule-update.schema.json");
  private final SchemaCheck silenceSchema = SchemaCheck.of("silence-create.schema.json");

  AlertRoutes(Pool pool, ReferenceData reference, AuditLog audit, Guard guard, FeedSignal signal) {
    this.signal = signal;
    this.alerts = new AlertRepository(pool);
    this.rules = new AlertRules(pool, alerts);
    this.silences = new Silences(pool, alerts);
    this.audit = audit;
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    router.get(ALERTS).handler(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    router.get(ALERTS + "/stats").handler(guard.may(Action.READ_CITY_DATA)).handler(this::stats);
    router.get(ALERTS + "/:id").handler(guard.may(Action.READ_CITY_DATA)).handler(this::one);
    router.post(ALERTS + "/:id/acknowledge").handler(guard.may(Action.ACKNOWLEDGE_ALERT)).handler(this::acknowledge);
    router.post(ALERTS + "/:id/resolve").handler(guard.may(Action.MANAGE_ALERTS)).handler(this::resolve);
    router.get(RULES).handler(guard.may(Action.READ_CITY_DATA)).handler(this::listRules);
    router.get(RULES + "/:id").handler(guard.may(Action.READ_CITY_DATA)).handler(this::oneRule);
    router.post(RULES).handler(guard.may(Action.MANAGE_ALERTS)).handler(this::createRule);
    router.patch(RULES + "/:id").handler(guard.may(Action.MANAGE_ALERTS)).handler(this::updateRule);
    router.delete(RULES + "/:id").handler(guard.may(Action.MANAGE_ALERTS)).handler(this::deleteRule);
    router.get(SILENCES).handler(guard.may(Action.READ_CITY_DATA)).handler(this::listSilences);
    router.post(SILENCES).handler(guard.may(Action.MANAGE_ALERTS)).handler(this::createSilence);
    router.delete(SILENCES + "/:id").handler(guard.may(Action.MANAGE_ALERTS)).handler(this::endSilence);
  }

  private void list(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      String state = oneOf(ctx, "state", STATES);
      String severity = oneOf(ctx, "severity", SEVERITIES);
      String system = param(ctx, "system");
      String subject = system != null ? system : param(ctx, "subject");
      int limit = limit(ctx);
      return alerts.list(state, subject, severity, param(ctx, "rule"), limit);
    }).onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", items))).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> alerts.one(JsonBodies.longParam(ctx, "id")))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : Future.failedFuture(Failure.notFound("no alert " + ctx.pathParam("id"))))
        .onSuccess(json -> JsonBodies.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      int days = intParam(ctx, "days", 7, 1, 90);
      OffsetDateTime to = OffsetDateTime.now();
      OffsetDateTime from = to.minusDays(days);
      return alerts.stats(from).map(items -> new JsonObject().put("from", from.toInstant().toString())
          .put("to", to.toInstant().toString()).put("days", days).put("systems", items));
    }).onSuccess(json -> JsonBodies.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      return alerts.acknowledge(id, Guard.principal(ctx).username(), note(ctx));
    }).onSuccess(change -> changed(ctx, List.of(change))).onFailure(ctx::fail);
  }

  private void resolve(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      return alerts.resolve(id, Guard.principal(ctx).username(), note(ctx));
    }).onSuccess(change -> changed(ctx, List.of(change))).onFailure(ctx::fail);
  }

  /** Announces the changes to every node's feed and answers the first alert as REST shows it. */
  private void changed(RoutingContext ctx, List<AlertRepository.Change> changes) {
    AlertEvaluator.announce(signal, changes);
    alerts.one(changes.get(0).alert().id())
        .onSuccess(json -> JsonBodies.ok(ctx, json.orElseThrow()))
        .onFailure(ctx::fail);
  }

  private String note(RoutingContext ctx) {
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return null;
    }
    return JsonBodies.object(ctx, noteSchema).getString("note");
  }

  private void listRules(RoutingContext ctx) {
    rules.all().onSuccess(all -> JsonBodies.ok(ctx, new JsonObject()
            .put("items", new JsonArray(all.stream().map(Rule::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void oneRule(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> rules.find(JsonBodies.longParam(ctx, "id")))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : Future.failedFuture(Failure.notFound("no alert rule " + ctx.pathParam("id"))))
        .onSuccess(rule -> JsonBodies.ok(ctx, rule.toJson())).onFailure(ctx::fail);
  }

  private void createRule(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      JsonObject body = JsonBodies.object(ctx, ruleSchema);
      validate(body.copy().put("forSeconds", body.getInteger("forSeconds",
          "system_degraded".equals(body.getString("kind")) ? 300 : 0)));
      return rules.create(body, Guard.principal(ctx).username());
    }).compose(rule -> audited(ctx, "alert_rule.create", rule).map(rule))
        .onSuccess(rule -> ctx.response().setStatusCode(201)
            .putHeader(HttpHeaders.LOCATION, RULES + "/" + rule.id())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
            .end(rule.toJson().encode()))
        .onFailure(ctx::fail);
  }

  private void updateRule(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      JsonObject update = JsonBodies.object(ctx, ruleUpdateSchema);
      return rules.find(id).compose(found -> {
        if (found.isEmpty()) {
          return Future.failedFuture(Failure.notFound("no alert rule " + id));
        }
        JsonObject merged = AlertRules.body(found.get()).mergeIn(update);
        validate(merged);
        boolean disable = found.get().enabled() && !merged.getBoolean("enabled");
        return rules.update(id, merged, disable, Guard.principal(ctx).username());
      });
    }).compose(rule -> audited(ctx, "alert_rule.update", rule).map(rule))
        .onSuccess(rule -> JsonBodies.ok(ctx, rule.toJson()))
        .onFailure(ctx::fail);
  }

  private void deleteRule(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      return rules.find(id).compose(found -> found.isEmpty()
          ? Future.failedFuture(Failure.notFound("no alert rule " + id))
          : rules.delete(id, Guard.principal(ctx).username()).compose(x -> audited(ctx, "alert_rule.delete", found.get())));
    }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void validate(JsonObject rule) {
    JsonArray problems = AlertRules.problems(rule);
    if (!problems.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID, "validation_failed", "the rule is not valid for its kind", problems);
    }
    AlertRules.unknownSubject(rule, reference).ifPresent(subject -> {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "unknown subject " + subject + " for a " + rule.getString("kind")
          + " rule", new JsonArray().add(new JsonObject().put("field", "subject").put("reason", "is not a known "
          + subjectKind(rule.getString("kind")))));
    });
  }

  private static String subjectKind(String kind) {
    return switch (kind) {
      case "system_down", "system_degraded", "latency_high" -> "system";
      case "agency_on_time_below" -> "agency";
      case "district_overdue_above" -> "district";
      default -> "scope (only HN, the city)";
    };
  }

  private void listSilences(RoutingContext ctx) {
    boolean active = !"false".equals(ctx.request().getParam("active"));
    silences.list(active).onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", items))).onFailure(ctx::fail);
  }

  private void createSilence(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      JsonObject body = JsonBodies.object(ctx, silenceSchema);
      if (!body.containsKey("rule") && !body.containsKey("kind") && !body.containsKey("subject") && !body.containsKey("severity")) {
        throw new Failure(Failure.Kind.INVALID, "validation_failed", "a silence needs at least one matcher", new JsonArray()
            .add(new JsonObject().put("field", "rule").put("reason", "give at least one of rule, kind, subject, severity")));
      }
      if (body.containsKey("durationMinutes") == body.containsKey("endsAt")) {
        throw new Failure(Failure.Kind.INVALID, "validation_failed", "give exactly one of durationMinutes and endsAt", new JsonArray()
            .add(new JsonObject().put("field", "durationMinutes").put("reason", "give exactly one of durationMinutes and endsAt")));
      }
      OffsetDateTime endsAt;
      try {
        endsAt = body.containsKey("endsAt") ? OffsetDateTime.parse(body.getString("endsAt"))
            : OffsetDateTime.now().plusMinutes(body.getInteger("durationMinutes"));
      } catch (DateTimeParseException e) {
        throw new Failure(Failure.Kind.INVALID, "validation_failed", "endsAt is not a date-time", new JsonArray()
            .add(new JsonObject().put("field", "endsAt").put("reason", "must be an ISO-8601 date-time with an offset")));
      }
      if (!endsAt.isAfter(OffsetDateTime.now())) {
        throw new Failure(Failure.Kind.INVALID, "validation_failed", "endsAt is in the past", new JsonArray()
            .add(new JsonObject().put("field", "endsAt").put("reason", "must be in the future")));
      }
      String subject = body.getString("subject");
      if (subject != null && !reference.isSystem(subject) && !reference.isAgency(subject)) {
        throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "unknown subject " + subject, new JsonArray()
            .add(new JsonObject().put("field", "subject").put("reason", "is not a known system or agency")));
      }
      String actor = Guard.principal(ctx).username();
      return silences.create(body.getString("rule"), body.getString("kind"), subject, body.getString("severity"),
          endsAt, body.getString("reason"), actor);
    }).compose(created -> audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", "silence.create",
            "silence:" + created.silence().getLong("id"), "success", ctx.request().remoteAddress().host(), created.silence()))
        .map(created))
        .onSuccess(created -> {
          AlertEvaluator.announce(signal, created.changes());
          ctx.response().setStatusCode(201)
              .putHeader(HttpHeaders.LOCATION, SILENCES + "/" + created.silence().getLong("id"))
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
              .end(created.silence().put("silencedAlerts", created.changes().size()).encode());
        })
        .onFailure(ctx::fail);
  }

  private void endSilence(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      String actor = Guard.principal(ctx).username();
      return silences.end(id, actor).compose(changes -> audit.record(new AuditLog.Entry(actor, "user", "silence.end",
          "silence:" + id, "success", ctx.request().remoteAddress().host(), new JsonObject())).map(changes));
    }).onSuccess(changes -> {
      AlertEvaluator.announce(signal, changes);
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, String action, Rule rule) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, "alert_rule:" + rule.code(),
        "success", ctx.request().remoteAddress().host(), rule.toJson()));
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v;
  }

  private static String oneOf(RoutingContext ctx, String name, Set<String> allowed) {
    String v = param(ctx, name);
    if (v != null && !allowed.contains(v)) {
      throw Failure.invalid("invalid_parameter", name + " must be one of " + allowed.stream().sorted().toList());
    }
    return v;
  }

  private static int limit(RoutingContext ctx) {
    return intParam(ctx, "limit", 100, 1, MAX_LIMIT);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String v = param(ctx, name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw Failure.invalid("invalid_parameter", name + " must be a whole number from " + min + " to " + max);
    }
  }
}
