package vn.hanoi.cityops.dossier;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city KPI query on a year of dossiers (100,000 rows of {@code dossier_state} spread over the last 365 days
 * across every agency, about 2,600 open): right, and fast enough to run on demand and, later, every second.
 * Prints the timings it measured. A correctness test with a ceiling, not a benchmark (those are in {@code bench/}):
 * each limit is about five times the median measured on the 2-core CI machine, loaded by a parallel build, so a
 * lost index or a plan gone wrong fails it and a busy machine does not. The node's statement timeout is raised:
 * the 100,000-row insert outlasts the default (2 x pg.timeoutMs).
 */
@NodeTest(config = "pg.timeoutMs=30000")
class DossierKpiLoadIT {
  private static final int ROWS = 100_000;
  private static final int RUNS = 30;
  /*
   * Medians measured 2026-12-03 on the CI machine (2 cores, a parallel build running), three runs, in ms:
   *   city query, SQL:  today 8.0 / 7.1 / 10.5, month 7.5 / 11.0 / 10.8, year 66.1 / 43.0 / 65.7
   *   city query, HTTP: today 15.0 / 11.0 / 14.7, month 12.8 / 14.1 / 15.5, year 70.1 / 48.4 / 67.6
   *   live recompute (today): every agency 10.8 / 7.7 / 11.4, the 20 that changed 3.1 / 2.7 / 4.2 (2.7 to 3.5 times
   *   less; 14.8 against 3.2 in an earlier measurement)
   * The limits: about five times the slowest median of each.
   */
  /** The city query's median limits by period, SQL alone. */
  private static final Map<Period, Double> SQL_LIMIT_MS = Map.of(Period.TODAY, 50.0, Period.MONTH, 50.0, Period.YEAR, 300.0);
  /** …and through HTTP (sign-in check, routing, JSON) on the same node. */
  private static final Map<Period, Double> HTTP_LIMIT_MS = Map.of(Period.TODAY, 75.0, Period.MONTH, 75.0, Period.YEAR, 350.0);
  /** Limits with room for the second test JVM that shares the two cores (`it.forks`). */
  private static final double EVERY_AGENCY_LIMIT_MS = 80;
  private static final double CHANGED_AGENCIES_LIMIT_MS = 35;
  /**
   * Reading the agencies that changed costs at most this share of reading every agency (measured: a third to a fifth
   * on an idle machine, a half with another test JVM busy on the same cores).
   */
  private static final double CHANGED_SHARE = 0.7;
  private static Node node;
  private static Api api;
  private static String operator;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    operator = api.token("operator");
    // Deterministic spread: agency, age, channel, outcome and durations all follow from the row number.
    Api.await(node.database().pool().query("""
        WITH ag AS (SELECT array_agg(code ORDER BY code) AS codes FROM agency WHERE code <> 'HN'),
        src AS (
            SELECT g::int AS g, ag.codes[(1 + (g * 7919) % 632)::int] AS agency_code,
                   now() - ((g * 104729) % 100000) * interval '315.36 seconds' AS received_at,
                   ((g * 31) % 1000)::int AS u
            FROM generate_series(1::bigint, $ROWS) AS g, ag
        )
        INSERT INTO dossier_state (agency_code, dossier_id, procedure_code, channel, stage, received_at, due_at,
                                   completed_at, occurred_at, event_seq)
        SELECT agency_code, 'LOAD-' || g, '1.001193',
               (ARRAY['online_full', 'online_partial', 'counter', 'counter', 'counter', 'counter'])[1 + g % 6],
               stage, received_at, received_at + make_interval(days => 1 + g % 15),
               CASE WHEN stage = 'completed' THEN least(now(), received_at + make_interval(hours => 4 + g % 400)) END,
               received_at + interval '2 hours', g
        FROM src CROSS JOIN LATERAL (SELECT CASE
            WHEN received_at > now() - interval '12 days' AND u < 600 THEN (ARRAY['received', 'in_progress'])[1 + g % 2]
            WHEN u < 5 THEN 'in_progress'
            WHEN u < 45 THEN 'returned'
            ELSE 'completed' END AS stage) s""".replace("$ROWS", String.valueOf(ROWS))).execute());
    Api.await(node.database().pool().query("ANALYZE dossier_state").execute());
  }

  @Test
  void cityQueryOnAHundredThousandDossiersIsRightAndFast() {
    assertEquals(ROWS, api.count("SELECT count(*) FROM dossier_state"));
    DossierRepository repository = new DossierRepository(node.database().pool());
    for (Period period : Period.values()) {
      double[] sql = new double[RUNS];
      double[] http = new double[RUNS];
      for (int i = -5; i < RUNS; i++) { // five warm-up runs: prepared statement, plan, caches
        Instant now = Instant.now();
        long start = System.nanoTime();
        Api.await(repository.countsByAgency(period.bounds(now), now, null));
        long between = System.nanoTime();
        HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/kpi/city?period=" + period.code(), operator, null);
        long end = System.nanoTime();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        if (i >= 0) {
          sql[i] = (between - start) / 1e6;
          http[i] = (end - between) / 1e6;
        }
      }
      JsonObject city = api.send(HttpMethod.GET, "/api/v1/kpi/city?period=" + period.code(), operator, null)
          .bodyAsJsonObject();
      Period.Bounds b = period.bounds(Instant.now());
      assertEquals(api.count("SELECT count(*) FROM dossier_state WHERE received_at >= $1 AND received_at < $2",
          b.from().atOffset(ZoneOffset.UTC), b.to().atOffset(ZoneOffset.UTC)), city.getLong("received"));
      assertEquals(api.count("SELECT count(*) FROM dossier_state WHERE stage IN ('received', 'in_progress')"),
          city.getLong("backlog"));
      System.out.printf("dossier_kpi_load rows=%d period=%s sql_median_ms=%.1f sql_p95_ms=%.1f http_median_ms=%.1f "
              + "http_p95_ms=%.1f received=%d backlog=%d%n", ROWS, period.code(), median(sql), p95(sql), median(http),
          p95(http), city.getLong("received"), city.getLong("backlog"));
      assertTrue(median(sql) < SQL_LIMIT_MS.get(period), period + ": the city query's median took " + median(sql)
          + " ms (limit " + SQL_LIMIT_MS.get(period) + " ms)");
      assertTrue(median(http) < HTTP_LIMIT_MS.get(period), period + ": GET /api/v1/kpi/city's median took " + median(http)
          + " ms (limit " + HTTP_LIMIT_MS.get(period) + " ms)");
    }
  }

  @Test
  void liveRecomputeOfTheAgenciesThatChangedCostsLessThanReadingEveryAgency() {
    DossierRepository repository = new DossierRepository(node.database().pool());
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // the agencies of about a second of simulator traffic
      changed.add(api.row("SELECT code FROM agency WHERE code <> 'HN' ORDER BY code OFFSET $1 LIMIT 1", i * 31)
          .getString("code"));
    }
    double[] all = new double[RUNS];
    double[] some = new double[RUNS];
    for (int i = -5; i < RUNS; i++) {
      Instant now = Instant.now();
      long start = System.nanoTime();
      Map<String, DossierCounts> every = Api.await(repository.countsByAgency(Period.TODAY.bounds(now), now, null));
      long between = System.nanoTime();
      Map<String, DossierCounts> few = Api.await(repository.countsByAgency(Period.TODAY.bounds(now), now, changed));
      long end = System.nanoTime();
      for (String agency : changed) {
        assertEquals(every.get(agency), few.get(agency), agency);
      }
      if (i >= 0) {
        all[i] = (between - start) / 1e6;
        some[i] = (end - between) / 1e6;
      }
    }
    System.out.printf("dossier_live_recompute rows=%d every_agency_median_ms=%.2f changed_%d_median_ms=%.2f%n",
        ROWS, median(all), changed.size(), median(some));
    assertTrue(median(some) < CHANGED_AGENCIES_LIMIT_MS, "the changed agencies' read took " + median(some) + " ms (limit "
        + CHANGED_AGENCIES_LIMIT_MS + " ms)");
    assertTrue(median(all) < EVERY_AGENCY_LIMIT_MS, "reading every agency took " + median(all) + " ms (limit "
        + EVERY_AGENCY_LIMIT_MS + " ms)");
    assertTrue(median(some) <= CHANGED_SHARE * median(all), "reading the " + changed.size() + " agencies that changed ("
        + median(some) + " ms) costs well under reading every agency (" + median(all) + " ms)");
  }

  private static double median(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double p95(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(s.length * 0.95) - 1];
  }
}
