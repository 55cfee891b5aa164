package vn.hanoi.cityops.dossier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code compare=yesterday}: each ranked district and department also shows its on-time rate over the same
 * period as it stood 24 hours ago and its overdue count as the history sampled it then, and the change.
 */
@NodeTest
class RankingCompareIT {
  private static Node node;
  private static Api api;
  private static String token;

  @BeforeAll
  static void start(Vertx vertx, Node started, Api client) {
    node = started;
    api = client;
    token = api.token("operator");
    Instant now = Today.begin().now;
    Instant dayAgo = now.minus(Duration.ofDays(1));
    Instant yesterdayMid = mid(Period.TODAY.bounds(dayAgo).from(), dayAgo);
    Instant todayMid = mid(Period.TODAY.bounds(now).from(), now);
    JsonArray events = new JsonArray();
    // Cầu Giấy (a commune of it, CG-02, counts for the district): yesterday 3 on time and 1 late (75 %), today 2 on time (100 %).
    for (int i = 0; i < 4; i++) {
      events.add(completed("y" + i, i % 2 == 0 ? "CG" : "CG-02", yesterdayMid, i < 3));
    }
    for (int i = 0; i < 2; i++) {
      events.add(completed("t" + i, "CG", todayMid, true));
    }
    // …and 2 overdue now; the history sampled 5 at this time yesterday.
    for (int i = 0; i < 2; i++) {
      events.add(Events.dossier("rc-o" + i, "CG", "H-rc-o" + i, "in_progress").put("occurredAt", iso(todayMid))
          .put("receivedAt", iso(todayMid.minus(Duration.ofHours(1)))).put("dueAt", iso(now.minus(Duration.ofMinutes(5)))));
    }
    // Sở Y tế: 1 late yesterday (0 %), 1 on time today (100 %).
    events.add(completed("sy", "SYT", yesterdayMid, false));
    events.add(completed("st", "SYT", todayMid, true));
    assertEquals(events.size(), api.postEvents(events.encode()).bodyAsJsonObject().getInteger("accepted"));
    Api.await(node.database().pool().preparedQuery("INSERT INTO kpi_rollup_minute (bucket, scope, kpi, value) VALUES ($1, 'district:CG', 'dossiers_overdue', 5)")
        .execute(io.vertx.sqlclient.Tuple.of(dayAgo.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC))));
  }

  @Test
  void aDistrictShowsItsOnTimeRateAndOverdueCountAgainstTheSameTimeYesterday() {
    JsonObject cg = item(get("/api/v1/rankings/districts?limit=30&compare=yesterday"), "CG");
    assertEquals(100.0, cg.getDouble("onTimeRate"));
    assertEquals(2L, cg.getLong("overdueNow"));
    assertEquals(75.0, cg.getJsonObject("previous").getDouble("onTimeRate"));
    assertEquals(5L, cg.getJsonObject("previous").getLong("overdueNow"));
    assertEquals(25.0, cg.getJsonObject("change").getDouble("onTimeRate"));
    assertEquals(-3L, cg.getJsonObject("change").getLong("overdueNow"));
  }

  @Test
  void aDistrictWithoutHistoryHasNoChangeRatherThanAMadeUpOne() {
    JsonObject ba = item(get("/api/v1/rankings/districts?limit=30&compare=yesterday"), "BD");
    assertNull(ba.getJsonObject("previous").getValue("overdueNow"));
    assertNull(ba.getJsonObject("change").getValue("overdueNow"));
    assertNull(ba.getJsonObject("change").getValue("onTimeRate"));
  }

  @Test
  void aDepartmentComparesItsOnTimeRate() {
    JsonObject syt = item(get("/api/v1/rankings/agencies?level=city&limit=100&compare=yesterday"), "SYT");
    assertEquals(0.0, syt.getJsonObject("previous").getDouble("onTimeRate"));
    assertEquals(100.0, syt.getJsonObject("change").getDouble("onTimeRate"));
  }

  @Test
  void withoutCompareTheRankingIsUnchangedAndABadCompareIsA400() {
    JsonObject plain = item(get("/api/v1/rankings/districts?limit=30"), "CG");
    assertEquals(null, plain.getValue("previous"));
    var bad = api.send(HttpMethod.GET, "/api/v1/rankings/districts?compare=lastweek", token, null);
    assertEquals(400, bad.statusCode());
    assertEquals("invalid_parameter", bad.bodyAsJsonObject().getString("error"));
  }

  private static JsonObject get(String path) {
    var r = api.send(HttpMethod.GET, path, token, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static JsonObject item(JsonObject ranking, String code) {
    return ranking.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> code.equals(i.getString("code"))).findFirst().orElseThrow(() -> new AssertionError("no " + code));
  }

  private static JsonObject completed(String id, String agency, Instant at, boolean onTime) {
    return Events.dossier("rc-" + id, agency, "H-rc-" + id, "completed").put("occurredAt", iso(at))
        .put("receivedAt", iso(at.minus(Duration.ofHours(2)))).put("completedAt", iso(at))
        .put("dueAt", iso(onTime ? at.plus(Duration.ofDays(1)) : at.minus(Duration.ofMinutes(30))));
  }

  private static Instant mid(Instant from, Instant to) {
    return from.plus(Duration.between(from, to).dividedBy(2));
  }

  private static String iso(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(7)).toString();
  }
}
