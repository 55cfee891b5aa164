package vn.hanoi.cityops.history;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.history.Buckets.Step;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.history.TimedEvents.dossier;
import static vn.hanoi.cityops.history.TimedEvents.feedback;
import static vn.hanoi.cityops.history.TimedEvents.health;
import static vn.hanoi.cityops.history.TimedEvents.utc;

/**
 * The rollups over a known story in the previous minute (P) and the current one (C), in Cầu Giấy (CG, the
 * district and its commune CG-01), Ba Đình (BD, and BD-02) and a department (SYT, no district):
 * <pre>
 *   P+5s   D7 received at CG-01 (counter), due two days ago: open and overdue
 *   P+10s  D1 received at CG-01 (online_full)             P+20s  D2 received at CG (counter)
 *   P+30s  D3 received at SYT (online_partial)            P+40s  F1 feedback received in BD
 *   P+50s  WAN down                                       C-1ms  D4 received at BD-02 (counter): still P
 *   C      D1 completed on time (the minute's first instant)
 *   C+1s   D5 completed at BD, late                       C+2s   D6 returned at CG
 *   C+3s   F1 answered                                    C+4s   F2 feedback received in CG
 *   C+5s   DVC-PORTAL down
 * </pre>
 * Every value is asserted exactly.
 */
@NodeTest
class RollupIT {
  private static Node node;
  private static Api api;
  private static Pool pool;
  private static Rollups rollups;
  private static Instant now;
  private static Instant c;
  private static Instant p;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    pool = node.database().pool();
    now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    c = Step.MINUTE.floor(now);
    p = c.minus(Duration.ofMinutes(1));
    Instant future = c.plus(Duration.ofDays(30));
    Instant tenDaysAgo = c.minus(Duration.ofDays(10));
    post(dossier("d7-r", p.plusSeconds(5), "CG-01", "D7", "received", "counter", tenDaysAgo, c.minus(Duration.ofDays(2))),
        dossier("d1-r", p.plusSeconds(10), "CG-01", "D1", "received", "online_full", p.plusSeconds(10), future),
        dossier("d2-r", p.plusSeconds(20), "CG", "D2", "received", "counter", p.plusSeconds(20), future),
        dossier("d3-r", p.plusSeconds(30), "SYT", "D3", "received", "online_partial", p.plusSeconds(30), future),
        feedback("f1-r", p.plusSeconds(40), "F1", "BD", "received"),
        health("h1", p.plusSeconds(50), "WAN", "down"),
        dossier("d4-r", c.minusMillis(1), "BD-02", "D4", "received", "counter", c.minusMillis(1), future));
    post(dossier("d1-c", c, "CG-01", "D1", "completed", "online_full", p.plusSeconds(10), future),
        dossier("d5-c", c.plusSeconds(1), "BD", "D5", "completed", "counter", tenDaysAgo, c.minus(Duration.ofDays(1))),
        dossier("d6-x", c.plusSeconds(2), "CG", "D6", "returned", "counter", c.minus(Duration.ofDays(1)), future),
        feedback("f1-a", c.plusSeconds(3), "F1", "BD", "answered"),
        feedback("f2-r", c.plusSeconds(4), "F2", "CG", "received"),
        health("h2", c.plusSeconds(5), "DVC-PORTAL", "down"));
    rollups = new Rollups(pool);
    TimedEvents.rollUp(rollups, now);
  }

  private static void post(JsonObject... events) {
    HttpResponse<Buffer> r = api.postEvents(Events.array(events));
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static Map<String, Double> expected(Object... scopeKpiValue) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < scopeKpiValue.length; i += 3) {
      m.put(scopeKpiValue[i] + "|" + scopeKpiValue[i + 1], ((Number) scopeKpiValue[i + 2]).doubleValue());
    }
    return m;
  }

  private static final Map<String, Double> COUNTS_P = expected(
      "city", "dossiers_received", 5, "city", "dossiers_received_online", 2, "city", "feedback_received", 1,
      "city", "system_down_events", 1,
      "district:CG", "dossiers_received", 3, "district:CG", "dossiers_received_online", 1,
      "district:BD", "dossiers_received", 1, "district:BD", "feedback_received", 1);

  private static final Map<String, Double> COUNTS_C = expected(
      "city", "dossiers_completed", 2, "city", "dossiers_completed_late", 1, "city", "dossiers_returned", 1,
      "city", "feedback_answered", 1, "city", "feedback_received", 1, "city", "system_down_events", 1,
      "district:CG", "dossiers_completed", 1, "district:CG", "dossiers_returned", 1, "district:CG", "feedback_received", 1,
      "district:BD", "dossiers_completed", 1, "district:BD", "dossiers_completed_late", 1,
      "district:BD", "feedback_answered", 1);

  private static Map<String, Double> counts(String table, Instant bucket) {
    return TimedEvents.rows(pool, table, bucket).entrySet().stream()
        .filter(e -> Kpi.of(e.getKey().split("\\|")[1]).orElseThrow().kind() == Kpi.Kind.COUNT)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map<String, Double> gauges(String table, Instant bucket) {
    return TimedEvents.rows(pool, table, bucket).entrySet().stream()
        .filter(e -> Kpi.of(e.getKey().split("\\|")[1]).orElseThrow().kind() == Kpi.Kind.GAUGE)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void eachMinuteCountsItsEventsForTheCityAndTheirDistrictAndStoresNoZeros() {
    assertEquals(COUNTS_P, counts("kpi_rollup_minute", p));
    assertEquals(COUNTS_C, counts("kpi_rollup_minute", c));
  }

  @Test
  void gaugesAreSampledForTheCurrentMinuteForTheCityAndEveryDistrictZerosIncluded() {
    Map<String, Double> g = gauges("kpi_rollup_minute", c);
    assertEquals(4 + 30 * 3, g.size(), g.toString());
    assertEquals(4.0, g.get("city|dossiers_backlog"), "D2, D3, D4, D7 are open");
    assertEquals(1.0, g.get("city|dossiers_overdue"), "D7");
    assertEquals(1.0, g.get("city|feedback_open"), "F2");
    assertEquals(2.0, g.get("city|systems_down"), "WAN, DVC-PORTAL");
    assertEquals(2.0, g.get("district:CG|dossiers_backlog"), "D2 at the district, D7 at its commune");
    assertEquals(1.0, g.get("district:CG|dossiers_overdue"));
    assertEquals(1.0, g.get("district:CG|feedback_open"));
    assertEquals(1.0, g.get("district:BD|dossiers_backlog"));
    assertEquals(0.0, g.get("district:BD|dossiers_overdue"));
    assertEquals(0.0, g.get("district:BD|feedback_open"), "F1 is answered");
    assertEquals(0.0, g.get("district:HK|dossiers_backlog"));
    assertNull(g.get("district:CG|systems_down"), "the city systems belong to no district");
  }

  @Test
  void anHourSumsItsMinutesCountsAndKeepsTheLastGaugeSample() {
    Map<Instant, Map<String, Double>> byHour = new HashMap<>();
    for (var minute : List.of(Map.entry(p, COUNTS_P), Map.entry(c, COUNTS_C))) {
      Map<String, Double> hour = byHour.computeIfAbsent(Step.HOUR.floor(minute.getKey()), h -> new HashMap<>());
      minute.getValue().forEach((k, v) -> hour.merge(k, v, Double::sum));
    }
    byHour.forEach((hour, sums) -> assertEquals(sums, counts("kpi_rollup_hour", hour), "hour " + hour));
    Map<String, Double> lastSample = gauges("kpi_rollup_minute", c);
    assertEquals(lastSample, gauges("kpi_rollup_hour", Step.HOUR.floor(c)));
  }

  @Test
  void runningAgainChangesNoRow() {
    List<String> before = snapshot();
    Api.await(rollups.run(now));
    Api.await(rollups.run(now));
    TimedEvents.rollUp(new Rollups(pool), now);
    assertEquals(before, snapshot());
  }

  /** Every row of both tables up to the story's minute and hour (a running node samples later minutes by itself). */
  private static List<String> snapshot() {
    List<String> rows = new ArrayList<>();
    for (var upTo : List.of(Map.entry("kpi_rollup_minute", c), Map.entry("kpi_rollup_hour", Step.HOUR.floor(c)))) {
      for (Row r : Api.await(pool.preparedQuery("SELECT bucket, scope, kpi, value FROM " + upTo.getKey()
          + " WHERE bucket <= $1 ORDER BY bucket, scope, kpi").execute(Tuple.of(utc(upTo.getValue()))))) {
        rows.add(upTo.getKey() + " " + r.getOffsetDateTime(0).toInstant() + " " + r.getString(1) + " " + r.getString(2)
            + " " + r.getDouble(3));
      }
    }
    assertTrue(rows.size() > 100, "the story wrote rows: " + rows.size());
    return rows;
  }

  @Test
  void aLateEventIsCountedInItsOwnMinuteAndHourEvenHoursBack() {
    Instant late = c.minus(Duration.ofHours(3)).plusSeconds(17);
    // returned: counted, yet no gauge changes, so the other tests' figures stay as they are
    post(dossier("d8-x", late, "HK-01", "D8", "returned", "counter", late.minus(Duration.ofDays(1)), late.plus(Duration.ofDays(9))));
    Api.await(rollups.run(now));
    Instant minute = Step.MINUTE.floor(late);
    assertEquals(expected("city", "dossiers_returned", 1, "district:HK", "dossiers_returned", 1),
        counts("kpi_rollup_minute", minute));
    assertEquals(expected("city", "dossiers_returned", 1, "district:HK", "dossiers_returned", 1),
        counts("kpi_rollup_hour", Step.HOUR.floor(late)));
  }

  @Test
  void minutesOlderThan48HoursAndHoursOlderThan90DaysAreDeleted() {
    Instant oldMinute = Step.MINUTE.oldestKept(now);
    Instant oldHour = Step.HOUR.oldestKept(now);
    Api.await(pool.preparedQuery("INSERT INTO kpi_rollup_minute (bucket, scope, kpi, value) VALUES "
            + "($1, 'city', 'feedback_received', 7), ($2, 'city', 'feedback_received', 8)")
        .execute(Tuple.of(utc(oldMinute.minus(Duration.ofMinutes(1))), utc(oldMinute))));
    Api.await(pool.preparedQuery("INSERT INTO kpi_rollup_hour (bucket, scope, kpi, value) VALUES "
            + "($1, 'city', 'feedback_received', 7), ($2, 'city', 'feedback_received', 8)")
        .execute(Tuple.of(utc(oldHour.minus(Duration.ofHours(1))), utc(oldHour))));
    Api.await(rollups.hours(now));
    assertEquals(List.of(8.0), values("kpi_rollup_minute", oldMinute.minus(Duration.ofHours(1)), oldMinute));
    assertEquals(List.of(8.0), values("kpi_rollup_hour", oldHour.minus(Duration.ofDays(1)), oldHour));
  }

  private static List<Double> values(String table, Instant from, Instant to) {
    List<Double> values = new ArrayList<>();
    for (Row r : Api.await(pool.preparedQuery("SELECT value FROM " + table
        + " WHERE bucket BETWEEN $1 AND $2 AND scope = 'city' AND kpi = 'feedback_received' ORDER BY bucket")
        .execute(Tuple.of(utc(from), utc(to))))) {
      values.add(r.getDouble(0));
    }
    return values;
  }

  @Test
  void theNodeRollsUpByItselfEveryTenSeconds() {
    Wait.until(Duration.ofSeconds(25), Duration.ofMillis(500), () -> api.count("SELECT count(*) FROM kpi_rollup_minute "
        + "WHERE bucket >= $1 AND scope = 'city' AND kpi = 'systems_down' AND value = 2", utc(Step.MINUTE.floor(Instant.now()))),
        sampled -> sampled == 1, "a sample of the current minute (systems down: 2) by the node itself");
  }
}
