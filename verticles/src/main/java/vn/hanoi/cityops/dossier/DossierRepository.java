package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dossier figures from {@code dossier_state} and the procedure catalogue; the SQL is in
 * {@code sql/dossier/*.sql}, read once. Answers counts, never rates: {@link DossierKpis} derives those.
 */
public final class DossierRepository {
  private static final String COUNTS = Sql.load("dossier/counts-by-agency.sql");
  private static final String CATALOGUE = Sql.load("dossier/procedure-catalogue.sql");
  private static final String TARGETS = Sql.load("dossier/kpi-targets.sql");
  private static final String OVERDUE_AT = Sql.load("dossier/overdue-at.sql");

  /** The national procedure catalogue: how many procedures, how many on the national portal. */
  public record Catalogue(long procedures, long onNationalPortal) {
  }

  /** A KPI target of {@code kpi_target}. */
  public record Target(String kpi, double target, String unit, String nameVi, String nameEn) {
  }

  private final Pool pool;

  public DossierRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Counts per agency for {@code period} as of {@code now}, of {@code agencies} (every agency when null);
   * an agency with nothing to count has no entry.
   */
  public Future<Map<String, DossierCounts>> countsByAgency(Period.Bounds period, Instant now, List<String> agencies) {
    return pool.preparedQuery(COUNTS)
        .execute(Tuple.of(utc(period.from()), utc(period.to()), utc(now),
            agencies == null ? null : agencies.toArray(new String[0])))
        .map(rows -> {
          Map<String, DossierCounts> byAgency = new HashMap<>();
          for (Row r : rows) {
            byAgency.put(r.getString("agency_code"), counts(r));
          }
          return byAgency;
        });
  }

  public Future<Catalogue> catalogue() {
    return pool.query(CATALOGUE).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new Catalogue(r.getLong("procedures"), r.getLong("on_national_portal"));
    });
  }

  /** Every target, by its {@code kpi} key. */
  public Future<Map<String, Target>> targets() {
    return pool.query(TARGETS).execute().map(rows -> {
      Map<String, Target> targets = new HashMap<>();
      for (Row r : rows) {
        targets.put(r.getString("kpi"), new Target(r.getString("kpi"), r.getNumeric("target").doubleValue(),
            r.getString("unit"), r.getString("name_vi"), r.getString("name_en")));
      }
      return targets;
    });
  }

  private static DossierCounts counts(Row r) {
    return new DossierCounts(r.getLong("received"), r.getLong("in_progress"), r.getLong("received_online"),
        r.getLong("completed_on_time"), r.getLong("completed_late"), r.getNumeric("processing_seconds").doubleValue(),
        r.getLong("returned"), r.getLong("backlog"), r.getLong("overdue_now"));
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  /** Overdue dossiers per district code as the history sampled them at {@code at}; unsampled districts are absent. */
  public Future<Map<String, Long>> overdueByDistrictAt(Instant at) {
    return pool.preparedQuery(OVERDUE_AT).execute(Tuple.of(utc(at))).map(rows -> {
      Map<String, Long> byDistrict = new HashMap<>();
      for (Row r : rows) {
        String scope = r.getString("scope");
        if (scope.startsWith("district:")) {
          byDistrict.put(scope.substring("district:".length()), Math.round(r.getDouble("value")));
        }
      }
      return byDistrict;
    });
  }
}
