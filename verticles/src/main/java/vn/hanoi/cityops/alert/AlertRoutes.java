package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.id;
import static vn.hanoi.cityops.web.Requests.present;

/**
 * {@code /api/v1/alerts}: the list (filters {@code state}, {@code system} or {@code subject}, {@code severity},
 * {@code rule}, {@code limit}), one alert with its history, the stats, acknowledge and resolve. Reading needs city
 * data; acknowledging {@link Action#ACKNOWLEDGE_ALERT} (operator, sre); resolving {@link Action#MANAGE_ALERTS} (sre).
 * An illegal transition (acknowledging a resolved alert, resolving twice, the second of two simultaneous
 * acknowledgements on any nodes) is {@code 409 illegal_transition} ({@link Lifecycle#refusal}). HTTP only: read the
 * request, ask {@link AlertRepository}, answer in {@link AlertJson}'s shapes. Rules: {@link RuleRoutes}; silences:
 * {@link SilenceRoutes}.
 */
public final class AlertRoutes implements Routes {
  private static final String ALERTS = "/api/v1/alerts";
  /** Sorted, as the refusal of another value lists them. */
  private static final List<String> STATES = List.of("acknowledged", "firing", "open", "resolved");
  private static final List<String> SEVERITIES = Lifecycle.SEVERITIES.stream().sorted().toList();
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;
  private static final int DEFAULT_DAYS = 7;
  private static final int MAX_DAYS = 90;

  private final AlertRepository alerts;
  private final Guard guard;
  private final AlertSignal signal;
  private final SchemaCheck noteSchema = SchemaCheck.of("alert-note.schema.json");

  /** The filters of the list; each may be null. */
  private record Filter(String state, String subject, String severity, String rule, int limit) {
  }

  /** An acknowledgement or resolution: of which alert, by whom, with what note. */
  private record Decision(long id, String actor, String note) {
  }

  AlertRoutes(AlertRepository alerts, Guard guard, AlertSignal signal) {
    this.alerts = alerts;
    this.guard = guard;
    this.signal = signal;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(ALERTS), "List alerts, filtered by state, system, rule; newest first").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.get(ALERTS + "/stats"), "Alert counts and times to acknowledge and resolve")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::stats);
    ApiDoc.on(router.get(ALERTS + "/:id"), "One alert with its history").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::one);
    ApiDoc.on(router.post(ALERTS + "/:id/acknowledge"), "Acknowledge an alert, with an optional note").optionalBody(noteSchema).errors(409)
        .access(guard.may(Action.ACKNOWLEDGE_ALERT)).handler(this::acknowledge);
    ApiDoc.on(router.post(ALERTS + "/:id/resolve"), "Resolve an alert, with an optional note").optionalBody(noteSchema).errors(409)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::resolve);
  }

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
    checked(() -> QueryParams.integer("days", QueryParams.filter(ctx, "days"), DEFAULT_DAYS, 1, MAX_DAYS))
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
    return checked(() -> {
      String state = QueryParams.choice("state", QueryParams.filter(ctx, "state"), null, oneOf(STATES),
          "must be one of " + STATES);
      String severity = QueryParams.choice("severity", QueryParams.filter(ctx, "severity"), null, oneOf(SEVERITIES),
          "must be one of " + SEVERITIES);
      String system = QueryParams.filter(ctx, "system");
      String subject = system != null ? system : QueryParams.filter(ctx, "subject");
      int limit = QueryParams.integer("limit", QueryParams.filter(ctx, "limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
      return new Filter(state, subject, severity, QueryParams.filter(ctx, "rule"), limit);
    });
  }

  private Future<Decision> decision(RoutingContext ctx) {
    return checked(() -> new Decision(JsonBodies.longParam(ctx, "id"), Guard.principal(ctx).username(), note(ctx)));
  }

  /** The optional {@code {"note": …}}; no body is no note. */
  private String note(RoutingContext ctx) {
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return null;
    }
    return JsonBodies.object(ctx, noteSchema).getString("note");
  }

  private static Function<String, Optional<String>> oneOf(List<String> allowed) {
    return value -> allowed.contains(value) ? Optional.of(value) : Optional.empty();
  }
}
