package vn.hanoi.cityops.dossier;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.Csv.Column;
import vn.hanoi.cityops.web.CsvResponse;
import vn.hanoi.cityops.web.ExportPeriod;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dossier figures as CSV downloads ({@link CsvResponse}), each for an {@link ExportPeriod} ({@code period} or
 * {@code from}/{@code to} dates) in {@code lang} vi or en:
 * <ul>
 *   <li>{@code GET /api/v1/exports/rankings/districts?by=} and {@code /rankings/agencies?by=&level=}: every ranked
 *       district or agency, in the order and with the figures of {@code GET /api/v1/rankings/...} for the same query
 *       (city-wide data);</li>
 *   <li>{@code GET /api/v1/exports/kpi/agencies?level=&district=&agency=}: the KPIs of each agency, as
 *       {@code GET /api/v1/kpi/agencies/:code} answers them; with {@code district} (the district and its communes) or
 *       {@code agency} an agency officer may export their own, without either it is city-wide data.</li>
 * </ul>
 * At most the 633 agencies: the rows are summed and sorted by the same code as the REST answers, then streamed.
 */
public final class DossierExportRoutes implements Routes {
  private static final String EXPORTS = "/api/v1/exports";

  private final DossierRepository repository;
  private final ReferenceData reference;
  private final Scopes scopes;
  private final Guard guard;

  DossierExportRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new DossierRepository(pool);
    this.reference = reference;
    this.scopes = new Scopes(reference);
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(EXPORTS + "/rankings/districts"), "Districts ranked, as a CSV file").produces("text/csv")
        .errors(400).access(guard.may(Action.READ_CITY_DATA)).handler(this::districtRanking);
    ApiDoc.on(router.get(EXPORTS + "/rankings/agencies"), "Agencies ranked, as a CSV file").produces("text/csv")
        .errors(400).access(guard.may(Action.READ_CITY_DATA)).handler(this::agencyRanking);
    ApiDoc.on(router.get(EXPORTS + "/kpi/agencies"), "Dossier KPIs of each agency for a period, as a CSV file")
        .produces("text/csv").errors(400, 403).access(guard.signedIn()).handler(this::agencyKpis);
  }

  private record Ask(ExportPeriod period, String lang, Ranking.By by) {
  }

  private static Ask ask(RoutingContext ctx) {
    Ranking.By by = QueryParams.choice(ctx, "by", Ranking.By.OVERDUE_NOW, Ranking.By::of, "must be overdueNow or onTimeRate");
    return new Ask(ExportPeriod.of(ctx), CsvResponse.lang(ctx), by);
  }

  private void districtRanking(RoutingContext ctx) {
    ranking(ctx, "xep-hang-quan-huyen", "district-ranking", byAgency -> DossierRoutes.districtEntries(scopes, byAgency));
  }

  private void agencyRanking(RoutingContext ctx) {
    Requests.checked(() -> DossierRoutes.agencyLevel(ctx))
        .onSuccess(level -> ranking(ctx, "xep-hang-co-quan", "agency-ranking",
            byAgency -> DossierRoutes.agencyEntries(scopes, level, byAgency)))
        .onFailure(ctx::fail);
  }

  private void ranking(RoutingContext ctx, String nameVi, String nameEn,
                       Function<Map<String, DossierCounts>, List<Ranking.Entry>> entries) {
    Requests.checked(() -> ask(ctx))
        .compose(a -> repository.countsByAgency(a.period().bounds(), a.period().now(), null).compose(byAgency -> {
          List<Ranking.Entry> sorted = Ranking.sort(entries.apply(byAgency), a.by());
          List<Column> columns = DossierCsv.columns(new Column("Hạng", "Rank"), new Column("Mã", "Code"),
              new Column("Tên", "Name"), new Column("Cấp", "Level"));
          int[] rank = {0};
          return CsvResponse.start(ctx, filename(a, nameVi, nameEn), columns, a.lang())
              .all(sorted, e -> DossierCsv.cells(e.kpis(), ++rank[0], e.code(), name(a.lang(), e.nameVi(), e.nameEn()),
                  e.level()));
        }))
        .onFailure(ctx::fail);
  }

  private void agencyKpis(RoutingContext ctx) {
    Requests.checked(() -> kpiScope(ctx)).compose(s -> repository.countsByAgency(s.ask().period().bounds(),
            s.ask().period().now(), s.query()).compose(byAgency -> {
          List<Column> columns = DossierCsv.columns(new Column("Mã", "Code"), new Column("Tên", "Name"),
              new Column("Cấp", "Level"), new Column("Quận/huyện", "District"));
          return CsvResponse.start(ctx, filename(s.ask(), "chi-so-ho-so-theo-co-quan", "dossier-kpis-by-agency"), columns,
                  s.ask().lang())
              .all(s.agencies(), a -> DossierCsv.cells(DossierKpis.of(byAgency.getOrDefault(a.code(), DossierCounts.NONE)),
                  a.code(), name(s.ask().lang(), a.nameVi(), a.nameEn()), a.level(), reference.districtOf(a.code())));
        }))
        .onFailure(ctx::fail);
  }

  /** The agencies an export of KPIs covers, and which to ask the database for (null: every agency). */
  private record KpiScope(Ask ask, List<Agency> agencies, List<String> query) {
  }

  private KpiScope kpiScope(RoutingContext ctx) {
    String level = DossierRoutes.agencyLevel(ctx);
    String district = QueryParams.optional(ctx, "district");
    String agency = QueryParams.optional(ctx, "agency");
    if (district != null && agency != null) {
      throw QueryParams.invalid("agency", "must not be given with district");
    }
    if (district != null && !scopes.isDistrict(district)) {
      throw QueryParams.invalid("district", "must be the code of a district, e.g. CG");
    }
    if (agency != null && scopes.agency(agency).isEmpty()) {
      throw QueryParams.invalid("agency", "must be the code of an agency, e.g. CG-03");
    }
    Ask ask = ask(ctx);
    if (district == null && agency == null) {
      guard.check(ctx, Action.READ_CITY_DATA, null);
      return new KpiScope(ask, scopes.agencies(level), null);
    }
    String own = district != null ? district : agency;
    guard.check(ctx, Action.READ_AGENCY_DATA, own);
    List<String> members = district != null ? scopes.districtMembers(district) : List.of(agency);
    List<Agency> agencies = members.stream().map(code -> scopes.agency(code).orElseThrow())
        .filter(a -> level == null || level.equals(a.level())).toList();
    return new KpiScope(ask, agencies, members);
  }

  private static String name(String lang, String vi, String en) {
    return "en".equals(lang) ? en : vi;
  }

  private static String filename(Ask a, String nameVi, String nameEn) {
    return ("en".equals(a.lang()) ? nameEn : nameVi) + "_" + a.period().label() + ".csv";
  }
}
