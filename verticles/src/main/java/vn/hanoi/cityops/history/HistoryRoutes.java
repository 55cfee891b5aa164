package vn.hanoi.cityops.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * KPI history for charts:
 * <ul>
 *   <li>{@code GET /api/v1/series?kpi=&scope=city|district:<code>&from=&to=&step=minute|hour}: one KPI's buckets,
 *       {@code {"kpi", "scope", "step", "from", "to", "points": [{"t", "v"}]}}. {@code to} defaults to now,
 *       {@code from} to 24 hours before {@code to}, {@code step} to minute when the range fits the 48 hours of
 *       minutes, else hour. A count's empty bucket is 0; a gauge's unsampled one has no point; buckets past
 *       retention or not yet begun have none. A range over 48 hours of minutes or 90 days of hours is a 400.
 *       The city needs city data; a district, that district's data.</li>
 *   <li>{@code GET /api/v1/series/kpis}: the KPIs, with their kind, scopes, labels and units (any signed-in user).</li>
 * </ul>
 */
public final class HistoryRoutes implements Routes {
  private final SeriesRepository repository;
  private final ReferenceData reference;
  private final Guard guard;

  HistoryRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new SeriesRepository(pool);
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/series/kpis"), "The KPI names a time series can be asked for")
        .access(guard.signedIn()).handler(HistoryRoutes::kpis);
    ApiDoc.on(router.get("/api/v1/series"), "A KPI as a time series over a range").errors(400, 403)
        .access(guard.signedIn()).handler(this::series);
  }

  private record Request(Kpi kpi, Scope scope, Buckets.Window window) {
  }

  private void series(RoutingContext ctx) {
    Requests.checked(() -> {
      allowed(ctx);
      return request(ctx);
    })
        .compose(q -> repository.series(q.kpi(), q.scope(), q.window()).map(points -> body(q, points)))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * Whether the caller may read the scope asked for, decided before any other parameter is checked (so an officer
   * asking for another district learns 403, never which of its parameters were wrong): {@code district:<code>}
   * needs that agency's data, anything else city data. A missing scope is left to {@link #request} (400).
   */
  private void allowed(RoutingContext ctx) {
    String scope = QueryParams.optional(ctx, "scope");
    if (scope == null) {
      return;
    }
    if (scope.startsWith(Scope.DISTRICT_PREFIX)) {
      guard.check(ctx, Action.READ_AGENCY_DATA, scope.substring(Scope.DISTRICT_PREFIX.length()));
    } else {
      guard.check(ctx, Action.READ_CITY_DATA, null);
    }
  }

  private Request request(RoutingContext ctx) {
    Kpi kpi = Kpi.of(required(ctx, "kpi"))
        .orElseThrow(() -> QueryParams.invalid("kpi", "must be one of " + kpiCodes() + " (GET /api/v1/series/kpis)"));
    Scope scope = Scope.parse(required(ctx, "scope"), reference::isDistrict)
        .orElseThrow(() -> QueryParams.invalid("scope", "must be city or district:<district code>, e.g. district:CG"));
    if (kpi.cityOnly() && !scope.isCity()) {
      throw QueryParams.invalid("scope", "must be city for " + kpi.code() + ": it has no district series");
    }
    Buckets.Step step = QueryParams.choice(ctx, "step", null, Buckets.Step::of, "must be minute or hour");
    try {
      String from = QueryParams.optional(ctx, "from");
      String to = QueryParams.optional(ctx, "to");
      return new Request(kpi, scope, Buckets.window(from == null ? null : Buckets.instant("from", from),
          to == null ? null : Buckets.instant("to", to), step, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    } catch (Buckets.Invalid e) {
      throw QueryParams.invalid(e.field(), e.reason());
    }
  }

  private static String required(RoutingContext ctx, String name) {
    String value = QueryParams.optional(ctx, name);
    if (value == null) {
      throw QueryParams.invalid(name, "is required");
    }
    return value;
  }

  private static JsonObject body(Request q, List<SeriesRepository.Point> points) {
    JsonArray array = new JsonArray();
    for (SeriesRepository.Point p : points) {
      array.add(new JsonObject().put("t", Period.iso(p.t())).put("v", number(p.v())));
    }
    return new JsonObject()
        .put("kpi", q.kpi().code())
        .put("kind", q.kpi().kind().code())
        .put("scope", q.scope().code())
        .put("step", q.window().step().code())
        .put("from", Period.iso(q.window().first()))
        .put("to", Period.iso(q.window().end()))
        .put("points", array);
  }

  /** Counts are whole: written as integers, so a chart's labels read 3, not 3.0. */
  private static Number number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
  }

  private static void kpis(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    for (Kpi k : Kpi.values()) {
      items.add(new JsonObject()
          .put("kpi", k.code())
          .put("kind", k.kind().code())
          .put("scopes", k.cityOnly() ? new JsonArray().add("city") : new JsonArray().add("city").add("district"))
          .put("nameVi", k.nameVi()).put("nameEn", k.nameEn())
          .put("unitVi", k.unitVi()).put("unitEn", k.unitEn()));
    }
    JsonArray steps = new JsonArray();
    for (Buckets.Step s : Buckets.Step.values()) {
      steps.add(new JsonObject().put("step", s.code()).put("retentionHours", s.retention().toHours()));
    }
    JsonBodies.ok(ctx, new JsonObject().put("kpis", items).put("steps", steps));
  }

  private static String kpiCodes() {
    return String.join(", ", Arrays.stream(Kpi.values()).map(Kpi::code).toList());
  }
}
