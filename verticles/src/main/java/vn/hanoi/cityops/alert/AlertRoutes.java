package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The alerts API: {@code /api/v1/alerts} (list, one with its history, stats, acknowledge, resolve),
 * {@code /api/v1/alert-rules} (CRUD, validated on save by {@link RuleValidation}) and {@code /api/v1/silences}
 * ({@link SilenceRequest}). Reading needs city data; acknowledging {@link Action#ACKNOWLEDGE_ALERT} (operator, sre);
 * resolving, silencing and rules {@link Action#MANAGE_ALERTS} (sre). An illegal transition (acknowledging a resolved
 * alert, resolving twice, the second of two simultaneous acknowledgements on any nodes) is
 * {@code 409 illegal_transition} ({@link Lifecycle#refusal}). HTTP only: each handler reads its request (a bad one
 * is a failed future), asks the repositories, and answers in {@link AlertJson}'s shapes.
 */
public final class AlertRoutes implements Routes {
  private static final String ALERTS = "/api/v1/alerts";
  private static final String RULES = "/api/v1/alert-rules";
  private static final String SILENCES = "/api/v1/silences";
  /** Sorted, as the refusal of another value lists them. */
  private static final List<String> STATES = List.of("acknowledged", "firing", "open", "resolved");
  private static final List<String> SEVERITIES = Lifecycle.SEVERITIES.stream().sorted().toList();
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  private final AlertRepository alerts;
  private final AlertRules rules;
  private final Silences silences;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Guard guard;
  private final AlertSignal signal;
  private final SchemaCheck noteSchema = SchemaCheck.of("alert-note.schema.json");
  private final SchemaCheck ruleSchema = SchemaCheck.of("alert-rule.schema.json");
  private final SchemaCheck ruleUpdateSchema = SchemaCheck.of("alert-rule-update.schema.json");
  private final SchemaCheck silenceSchema = SchemaCheck.of("silence-create.schema.json");

  /** The filters of {@code GET /alerts}; each may be null. */
  private record Filter(String state, String subject, String severity, String rule, int limit) {
  }

  /** An acknowledgement or resolution: of which alert, by whom, with what note. */
  private record Decision(long id, String actor, String note) {
  }

  /** A rule update: which rule, the fields sent. */
  private record RuleUpdate(long id, JsonObject fields) {
  }

  /** A silence asked for, and when it ends. */
  private record NewSilence(SilenceRequest request, OffsetDateTime endsAt) {
  }

  AlertRoutes(AlertRepository alerts, AlertRules rules, Silences silences, ReferenceData reference, AuditLog audit,
              Guard guard, AlertSignal signal) {
    this.alerts = alerts;
    this.rules = rules;
    this.silences = silences;
    this.reference = reference;
    this.audit = audit;
    this.guard = guard;
    this.signal = signal;
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

  // Alerts

  private void list(RoutingContext ctx) {
    filter(ctx)
        .compose(f -> alerts.list(f.state(), f.subject(), f.severity(), f.rule(), f.limit()))
        .onSuccess(items -> JsonBodies.ok(ctx, AlertJson.items(items, AlertJson::listed)))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    id(ctx)
        .compose(id -> alerts.one(id).compose(found -> present(found, "no alert " + id)))
        .onSuccess(detail -> JsonBodies.ok(ctx, AlertJson.detail(detail)))
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    read(() -> QueryParams.integer(ctx, "days", 7, 1, 90))
        .compose(days -> {
          OffsetDateTime to = OffsetDateTime.now();
          OffsetDateTime from = to.minusDays(days);
          return alerts.stats(from).map(systems -> AlertJson.stats(from, to, days, systems));
        })
        .onSuccess(json -> JsonBodies.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    decision(ctx)
        .compose(d -> alerts.acknowledge(d.id(), d.actor(), d.note()))
        .compose(this::changed)
        .onSuccess(detail -> JsonBodies.ok(ctx, AlertJson.detail(detail)))
        .onFailure(ctx::fail);
  }

  private void resolve(RoutingContext ctx) {
    decision(ctx)
        .compose(d -> alerts.resolve(d.id(), d.actor(), d.note()))
        .compose(this::changed)
        .onSuccess(detail -> JsonBodies.ok(ctx, AlertJson.detail(detail)))
        .onFailure(ctx::fail);
  }

  /** Announces the change to every node's feed; answers the alert as REST shows it. */
  private Future<AlertRepository.Detail> changed(AlertRepository.Change change) {
    signal.changed(List.of(change));
    return alerts.one(change.alert().id()).map(Optional::orElseThrow);
  }

  private Future<Filter> filter(RoutingContext ctx) {
    return read(() -> {
      String state = QueryParams.choice(ctx, "state", null, oneOf(STATES), "must be one of " + STATES);
      String severity = QueryParams.choice(ctx, "severity", null, oneOf(SEVERITIES), "must be one of " + SEVERITIES);
      String system = QueryParams.optional(ctx, "system");
      String subject = system != null ? system : QueryParams.optional(ctx, "subject");
      int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
      return new Filter(state, subject, severity, QueryParams.optional(ctx, "rule"), limit);
    });
  }

  private Future<Decision> decision(RoutingContext ctx) {
    return read(() -> new Decision(JsonBodies.longParam(ctx, "id"), actor(ctx), note(ctx)));
  }

  /** The optional {@code {"note": …}}; no body is no note. */
  private String note(RoutingContext ctx) {
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return null;
    }
    return JsonBodies.object(ctx, noteSchema).getString("note");
  }

  // Rules

  private void listRules(RoutingContext ctx) {
    rules.all()
        .onSuccess(all -> JsonBodies.ok(ctx, AlertJson.items(all, AlertJson::rule)))
        .onFailure(ctx::fail);
  }

  private void oneRule(RoutingContext ctx) {
    id(ctx)
        .compose(id -> rules.find(id).compose(found -> present(found, "no alert rule " + id)))
        .onSuccess(rule -> JsonBodies.ok(ctx, AlertJson.rule(rule)))
        .onFailure(ctx::fail);
  }

  private void createRule(RoutingContext ctx) {
    read(() -> AlertJson.ruleFields(JsonBodies.object(ctx, ruleSchema)).withDefaults())
        .compose(this::valid)
        .compose(fields -> rules.create(fields, actor(ctx)))
        .compose(rule -> audited(ctx, "alert_rule.create", rule).map(rule))
        .onSuccess(rule -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, RULES + "/" + rule.id());
          JsonBodies.send(ctx, 201, AlertJson.rule(rule));
        })
        .onFailure(ctx::fail);
  }

  private void updateRule(RoutingContext ctx) {
    read(() -> new RuleUpdate(JsonBodies.longParam(ctx, "id"), JsonBodies.object(ctx, ruleUpdateSchema)))
        .compose(update -> rules.find(update.id())
            .compose(found -> present(found, "no alert rule " + update.id()))
            .compose(stored -> valid(AlertJson.ruleFields(stored, update.fields()))
                .compose(merged -> rules.update(update.id(), merged, merged.disables(stored), actor(ctx)))))
        .compose(rule -> audited(ctx, "alert_rule.update", rule).map(rule))
        .onSuccess(rule -> JsonBodies.ok(ctx, AlertJson.rule(rule)))
        .onFailure(ctx::fail);
  }

  private void deleteRule(RoutingContext ctx) {
    id(ctx)
        .compose(id -> rules.find(id)
            .compose(found -> present(found, "no alert rule " + id))
            .compose(rule -> rules.delete(id, actor(ctx)).compose(v -> audited(ctx, "alert_rule.delete", rule))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** {@code rule} if it is valid, else the failure that says what is wrong. */
  private Future<RuleFields> valid(RuleFields rule) {
    return RuleValidation.check(rule, reference).<Future<RuleFields>>map(Future::failedFuture)
        .orElseGet(() -> Future.succeededFuture(rule));
  }

  private Future<Void> audited(RoutingContext ctx, String action, Rule rule) {
    return audit.record(new AuditLog.Entry(actor(ctx), "user", action, "alert_rule:" + rule.code(), "success",
        ctx.request().remoteAddress().host(), AlertJson.rule(rule)));
  }

  // Silences

  private void listSilences(RoutingContext ctx) {
    boolean active = !"false".equals(ctx.request().getParam("active"));
    silences.list(active)
        .onSuccess(items -> {
          OffsetDateTime now = OffsetDateTime.now();
          JsonBodies.ok(ctx, AlertJson.items(items, s -> AlertJson.silence(s, now)));
        })
        .onFailure(ctx::fail);
  }

  private void createSilence(RoutingContext ctx) {
    read(() -> {
      SilenceRequest request = AlertJson.silenceRequest(JsonBodies.object(ctx, silenceSchema));
      return new NewSilence(request, request.end(OffsetDateTime.now(), reference));
    })
        .compose(asked -> silences.create(asked.request(), asked.endsAt(), actor(ctx)))
        .compose(created -> audit.record(new AuditLog.Entry(actor(ctx), "user", "silence.create",
                "silence:" + created.silence().id(), "success", ctx.request().remoteAddress().host(),
                AlertJson.silence(created.silence(), OffsetDateTime.now())))
            .map(created))
        .onSuccess(created -> {
          signal.changed(created.changes());
          ctx.response().putHeader(HttpHeaders.LOCATION, SILENCES + "/" + created.silence().id());
          JsonBodies.send(ctx, 201, AlertJson.silence(created.silence(), OffsetDateTime.now())
              .put("silencedAlerts", created.changes().size()));
        })
        .onFailure(ctx::fail);
  }

  private void endSilence(RoutingContext ctx) {
    id(ctx)
        .compose(id -> silences.end(id, actor(ctx))
            .compose(changes -> audit.record(new AuditLog.Entry(actor(ctx), "user", "silence.end", "silence:" + id,
                "success", ctx.request().remoteAddress().host(), new JsonObject())).map(changes)))
        .onSuccess(changes -> {
          signal.changed(changes);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  // Reading requests

  /** The {@code :id} of the path. */
  private static Future<Long> id(RoutingContext ctx) {
    return read(() -> JsonBodies.longParam(ctx, "id"));
  }

  private static String actor(RoutingContext ctx) {
    return Guard.principal(ctx).username();
  }

  /**
   * What {@code reading} reads from the request, or the {@link Failure} it throws (a bad parameter or body) as a
   * failed future, so that a handler answers it like any other failure.
   */
  private static <T> Future<T> read(Supplier<T> reading) {
    try {
      return Future.succeededFuture(reading.get());
    } catch (Failure bad) {
      return Future.failedFuture(bad);
    }
  }

  private static <T> Future<T> present(Optional<T> found, String otherwise) {
    return found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(Failure.notFound(otherwise)));
  }

  private static Function<String, Optional<String>> oneOf(List<String> allowed) {
    return value -> allowed.contains(value) ? Optional.of(value) : Optional.empty();
  }
}
