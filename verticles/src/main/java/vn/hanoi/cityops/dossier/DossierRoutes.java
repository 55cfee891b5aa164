package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.KpiMath;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.dossier.DossierRepository.Catalogue;
import vn.hanoi.cityops.dossier.DossierRepository.Target;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Dossier KPIs and rankings, each for a {@code period} (today by default, month, year in the Hanoi calendar):
 * <ul>
 *   <li>{@code GET /api/v1/kpi/headline}: the KPIs the city is judged on, against their targets;</li>
 *   <li>{@code GET /api/v1/kpi/city}, {@code /kpi/levels/:level} (city, district, commune): city-wide data;</li>
 *   <li>{@code GET /api/v1/kpi/districts/:code} (the district and its communes), {@code /kpi/agencies/:code}:
 *       an agency officer reads their own; 404 for an unknown code;</li>
 *   <li>{@code GET /api/v1/rankings/districts}, {@code /rankings/agencies?level=}: who falls furthest behind,
 *       {@code by=overdueNow} (default) or {@code onTimeRate}, pages of {@code limit} (1-1000, default 10) from
 *       {@code offset}. With {@code compare=yesterday} each item also has {@code previous} (its on-time rate
 *       over the same period as it stood 24 hours ago, and its overdue count as the history sampled it then;
 *       null when unknown) and {@code change} (now minus then).</li>
 * </ul>
 * Every scope is one query of counts per agency, summed here; see {@link DossierCounts} for what each counts.
 */
public final class DossierRoutes implements Routes {
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_LIMIT = 1000;
  private static final Map<String, String[]> LEVEL_NAMES = Map.of(
      "city", new String[]{"Cấp thành phố", "City level"},
      "district", new String[]{"Cấp huyện", "District level"},
      "commune", new String[]{"Cấp xã", "Commune level"});

  private final DossierRepository repository;
  private final Scopes scopes;
  private final Guard guard;

  DossierRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new DossierRepository(pool);
    this.scopes = new Scopes(reference);
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/kpi/headline"), "The city headline figures of administrative dossiers")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::headline);
    ApiDoc.on(router.get("/api/v1/kpi/city"), "Dossier KPIs of the whole city for a period").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::city);
    ApiDoc.on(router.get("/api/v1/kpi/levels/:level"), "Dossier KPIs of one administrative level (city, district, commune)").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::level);
    ApiDoc.on(router.get("/api/v1/kpi/districts/:code"), "Dossier KPIs of one district and its communes").errors(400, 403)
        .access(guard.signedIn()).handler(this::district);
    ApiDoc.on(router.get("/api/v1/kpi/agencies/:code"), "Dossier KPIs of one agency").errors(400, 403)
        .access(guard.signedIn()).handler(this::agency);
    ApiDoc.on(router.get("/api/v1/rankings/districts"), "Districts ranked by overdue dossiers or on-time rate").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::rankDistricts);
    ApiDoc.on(router.get("/api/v1/rankings/agencies"), "Agencies ranked by overdue dossiers or on-time rate").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::rankAgencies);
  }

  private void headline(RoutingContext ctx) {
    Instant now = now();
    Period.Bounds year = Period.YEAR.bounds(now);
    Future<Catalogue> catalogue = repository.catalogue();
    Future<Map<String, Target>> targets = repository.targets();
    Future<Map<String, DossierCounts>> counts = repository.countsByAgency(year, now, null);
    Future.all(catalogue, targets, counts)
        .map(all -> {
          Catalogue c = catalogue.result();
          DossierCounts city = DossierCounts.sum(counts.result().values());
          JsonObject period = periodJson(Period.YEAR, year, now);
          return new JsonObject()
              .put("asOf", Period.iso(now))
              .put("proceduresOnNationalPortal", headlineKpi(target(targets.result(), "procedures_on_national_portal"),
                  c.onNationalPortal(), c.procedures()))
              .put("dossiersOnlineShare", headlineKpi(target(targets.result(), "dossiers_online_share"),
                  city.receivedOnline(), city.received()).mergeIn(period))
              .put("onTimeRate", headlineKpi(target(targets.result(), "on_time_rate"),
                  city.completedOnTime(), city.completed()).mergeIn(period));
        })
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void city(RoutingContext ctx) {
    Agency root = scopes.agency("HN").orElseThrow();
    scopeKpis(ctx, scope("city", root.code(), root.nameVi(), root.nameEn()), null, null)
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void level(RoutingContext ctx) {
    String level = ctx.pathParam("level");
    if (!Scopes.LEVELS.contains(level)) {
      ctx.fail(QueryParams.invalid("level", "must be city, district or commune"));
      return;
    }
    List<String> members = scopes.agencies(level).stream().map(Agency::code).toList();
    String[] names = LEVEL_NAMES.get(level);
    scopeKpis(ctx, scope("level", level, names[0], names[1]), null, members)
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void district(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    if (!scopes.isDistrict(code)) {
      ctx.fail(Failure.notFound("no district has the code '" + code + "'"));
      return;
    }
    Agency district = scopes.agency(code).orElseThrow();
    List<String> members = scopes.districtMembers(code);
    Requests.checked(() -> mayRead(ctx, code))
        .compose(allowed -> scopeKpis(ctx, scope("district", code, district.nameVi(), district.nameEn()), members, members))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void agency(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    Optional<Agency> found = scopes.agency(code);
    if (found.isEmpty()) {
      ctx.fail(Failure.notFound("no agency has the code '" + code + "'"));
      return;
    }
    Agency agency = found.get();
    Requests.checked(() -> mayRead(ctx, code))
        .compose(allowed -> scopeKpis(ctx, scope("agency", code, agency.nameVi(), agency.nameEn())
            .put("level", agency.level()), List.of(code), List.of(code)))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * The KPIs of the agencies in {@code members} (every agency when null), asking the database only for
   * {@code query} (every agency when null): small scopes read their own rows, the levels read everything.
   */
  private Future<JsonObject> scopeKpis(RoutingContext ctx, JsonObject scope, List<String> query, List<String> members) {
    return Requests.checked(() -> QueryParams.period(ctx)).compose(period -> {
      Instant now = now();
      Period.Bounds bounds = period.bounds(now);
      return repository.countsByAgency(bounds, now, query).map(byAgency -> {
        DossierCounts counts = members == null ? DossierCounts.sum(byAgency.values()) : Scopes.sum(byAgency, members);
        return new JsonObject().put("scope", scope).mergeIn(periodJson(period, bounds, now))
            .mergeIn(DossierJson.kpis(DossierKpis.of(counts)));
      });
    });
  }


  private void rankDistricts(RoutingContext ctx) {
    Requests.checked(() -> rankingQuery(ctx))
        .compose(q -> repository.countsByAgency(q.bounds, q.now, null).compose(byAgency -> {
          List<Ranking.Entry> entries = districtEntries(scopes, byAgency);
          JsonObject body = rankingJson(q, Ranking.page(entries, q.by, q.limit, q.offset));
          return !q.compare ? Future.succeededFuture(body) : previous(q).compose(then ->
              repository.overdueByDistrictAt(q.yesterday().to()).map(overdue -> compared(body, code ->
                  new Previous(DossierKpis.of(Scopes.sum(then, scopes.districtMembers(code))).onTimeRate(), overdue.get(code)))));
        }))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void rankAgencies(RoutingContext ctx) {
    Requests.checked(() -> agencyLevel(ctx)).compose(level -> Requests.checked(() -> rankingQuery(ctx))
        .compose(q -> repository.countsByAgency(q.bounds, q.now, null).compose(byAgency -> {
          List<Ranking.Entry> entries = agencyEntries(scopes, level, byAgency);
          JsonObject body = rankingJson(q, Ranking.page(entries, q.by, q.limit, q.offset)).put("level", level);
          return !q.compare ? Future.succeededFuture(body) : previous(q).map(then -> compared(body, code ->
              new Previous(DossierKpis.of(then.getOrDefault(code, DossierCounts.NONE)).onTimeRate(), null)));
        })))
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private record RankingQuery(Ranking.By by, Period period, Period.Bounds bounds, Instant now, int limit, int offset,
                              boolean compare) {
    Period.Bounds yesterday() {
      return period.sameTimeYesterday(now);
    }
  }

  /** An item's figures as they stood 24 hours ago; null when unknown. */
  private record Previous(Double onTimeRate, Long overdueNow) {
  }

  private Future<Map<String, DossierCounts>> previous(RankingQuery q) {
    return repository.countsByAgency(q.yesterday(), q.yesterday().to(), null);
  }

  /** Adds {@code previous} and {@code change} to every item of a ranking. */
  private static JsonObject compared(JsonObject ranking, Function<String, Previous> previousOf) {
    for (Object o : ranking.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      Previous p = previousOf.apply(item.getString("code"));
      Double rate = item.getDouble("onTimeRate");
      long overdue = item.getLong("overdueNow");
      item.put("previous", new JsonObject().put("onTimeRate", p.onTimeRate()).put("overdueNow", p.overdueNow()))
          .put("change", new JsonObject()
              .put("onTimeRate", rate == null || p.onTimeRate() == null ? null : KpiMath.round1(rate - p.onTimeRate()))
              .put("overdueNow", p.overdueNow() == null ? null : overdue - p.overdueNow()));
    }
    return ranking.put("compare", "yesterday");
  }

  private Void mayRead(RoutingContext ctx, String agency) {
    guard.check(ctx, Action.READ_AGENCY_DATA, agency);
    return null;
  }

  /** {@code level}: city, district, commune or (absent) every level. */
  static String agencyLevel(RoutingContext ctx) {
    String level = QueryParams.optional(ctx, "level");
    if (level != null && !Scopes.LEVELS.contains(level)) {
      throw QueryParams.invalid("level", "must be city, district or commune");
    }
    return level;
  }

  private static RankingQuery rankingQuery(RoutingContext ctx) {
    Ranking.By by = QueryParams.choice(ctx, "by", Ranking.By.OVERDUE_NOW, Ranking.By::of, "must be overdueNow or onTimeRate");
    Period period = QueryParams.period(ctx);
    int limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean compare = QueryParams.choice(ctx, "compare", false,
        v -> v.equals("yesterday") ? Optional.of(true) : Optional.empty(), "must be yesterday");
    Instant now = now();
    return new RankingQuery(by, period, period.bounds(now), now, limit, offset, compare);
  }

  /** Every district with the sum of its own and its communes' counts, unsorted: what the district ranking ranks. */
  static List<Ranking.Entry> districtEntries(Scopes scopes, Map<String, DossierCounts> byAgency) {
    return scopes.districts().stream()
        .map(d -> entry(d, Scopes.sum(byAgency, scopes.districtMembers(d.code()))))
        .toList();
  }

  /** Every agency of {@code level} (every agency when null) with its counts, unsorted: what the agency ranking ranks. */
  static List<Ranking.Entry> agencyEntries(Scopes scopes, String level, Map<String, DossierCounts> byAgency) {
    return scopes.agencies(level).stream()
        .map(a -> entry(a, byAgency.getOrDefault(a.code(), DossierCounts.NONE)))
        .toList();
  }

  static Ranking.Entry entry(Agency a, DossierCounts counts) {
    return new Ranking.Entry(a.code(), a.nameVi(), a.nameEn(), a.level(), DossierKpis.of(counts));
  }

  private static JsonObject rankingJson(RankingQuery q, Ranking.Page page) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < page.items().size(); i++) {
      Ranking.Entry e = page.items().get(i);
      items.add(new JsonObject().put("rank", page.offset() + i + 1).put("code", e.code()).put("nameVi", e.nameVi())
          .put("nameEn", e.nameEn()).put("level", e.level()).mergeIn(DossierJson.kpis(e.kpis())));
    }
    return new JsonObject().put("by", q.by.code()).mergeIn(periodJson(q.period, q.bounds, q.now))
        .put("total", page.total()).put("limit", q.limit).put("offset", page.offset()).put("items", items);
  }

  private static JsonObject headlineKpi(Target t, long numerator, long denominator) {
    Double value = KpiMath.percent(numerator, denominator);
    return new JsonObject()
        .put("kpi", t.kpi()).put("nameVi", t.nameVi()).put("nameEn", t.nameEn())
        .put("value", value).put("unit", t.unit()).put("target", t.target())
        .put("gap", KpiMath.gap(value, t.target())).put("met", KpiMath.meets(value, t.target()))
        .put("numerator", numerator).put("denominator", denominator);
  }

  private static Target target(Map<String, Target> targets, String kpi) {
    return Objects.requireNonNull(targets.get(kpi), () -> "kpi_target has no row for '" + kpi + "'");
  }

  private static JsonObject scope(String kind, String code, String nameVi, String nameEn) {
    return new JsonObject().put("kind", kind).put("code", code).put("nameVi", nameVi).put("nameEn", nameEn);
  }

  private static JsonObject periodJson(Period period, Period.Bounds bounds, Instant now) {
    return new JsonObject().put("period", period.code()).put("from", Period.iso(bounds.from()))
        .put("to", Period.iso(bounds.to())).put("asOf", Period.iso(now));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
