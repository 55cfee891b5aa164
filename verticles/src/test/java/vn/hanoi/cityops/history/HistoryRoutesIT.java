package vn.hanoi.cityops.history;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.history.Buckets.Step;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.history.TimedEvents.dossier;

/**
 * {@code GET /api/v1/series} over dossiers received in Cầu Giấy (two at C-5min, one at C-2min) and Ba Đình (one at
 * C-2min), C being the current minute, rolled up once; and who may read which series.
 */
@NodeTest
class HistoryRoutesIT {
  private static Node node;
  private static Api api;
  private static String operator;
  private static String officer;
  private static Instant now;
  private static Instant c;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    operator = api.token("operator");
    officer = api.token("cg-officer");
    now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    c = Step.MINUTE.floor(now);
    Instant five = c.minus(Duration.ofMinutes(5));
    Instant two = c.minus(Duration.ofMinutes(2));
    Instant due = c.plus(Duration.ofDays(10));
    HttpResponse<Buffer> r = api.postEvents(Events.array(
        dossier("a", five.plusSeconds(1), "CG", "A", "received", "counter", five, due),
        dossier("b", five.plusSeconds(59), "CG-02", "B", "received", "online_full", five, due),
        dossier("c", two.plusSeconds(30), "CG-03", "C", "received", "counter", two, due),
        dossier("d", two.plusSeconds(30), "BD", "D", "received", "counter", two, due)));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    TimedEvents.rollUp(new Rollups(node.database().pool()), now);
  }

  private static String q(Instant t) {
    return URLEncoder.encode(Period.iso(t), StandardCharsets.UTF_8);
  }

  private static HttpResponse<Buffer> get(String query, String token) {
    return api.send(HttpMethod.GET, "/api/v1/series" + query, token, null);
  }

  private static JsonObject ok(String query, String token) {
    HttpResponse<Buffer> r = get(query, token);
    assertEquals(200, r.statusCode(), query + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static List<Long> values(JsonObject series) {
    List<Long> values = new ArrayList<>();
    series.getJsonArray("points").forEach(p -> values.add(((JsonObject) p).getLong("v")));
    return values;
  }

  private static List<String> times(JsonObject series) {
    List<String> times = new ArrayList<>();
    series.getJsonArray("points").forEach(p -> times.add(((JsonObject) p).getString("t")));
    return times;
  }

  @Test
  void aDistrictSeriesHasEveryMinuteWithTheEmptyOnesAtZero() {
    JsonObject s = ok("?kpi=dossiers_received&scope=district:CG&from=" + q(c.minus(Duration.ofMinutes(6)))
        + "&to=" + q(c.plus(Duration.ofMinutes(1))) + "&step=minute", officer);
    assertEquals("dossiers_received", s.getString("kpi"));
    assertEquals("district:CG", s.getString("scope"));
    assertEquals("minute", s.getString("step"));
    assertEquals(List.of(0L, 2L, 0L, 0L, 1L, 0L, 0L), values(s));
    List<String> expected = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      expected.add(Period.iso(c.minus(Duration.ofMinutes(i))));
    }
    assertEquals(expected, times(s), "Hanoi time, one point per minute, oldest first");
  }

  @Test
  void theCitySeriesCountsEveryDistrict() {
    JsonObject s = ok("?kpi=dossiers_received&scope=city&from=" + q(c.minus(Duration.ofMinutes(5)))
        + "&to=" + q(c.minus(Duration.ofMinutes(1))), operator);
    assertEquals("minute", s.getString("step"), "a short range defaults to minutes");
    assertEquals(List.of(2L, 0L, 0L, 2L), values(s));
    assertEquals(List.of(1L, 0L, 0L, 0L), values(ok("?kpi=dossiers_received_online&scope=city&from="
        + q(c.minus(Duration.ofMinutes(5))) + "&to=" + q(c.minus(Duration.ofMinutes(1))), operator)));
  }

  @Test
  void hoursSumTheirMinutesAndLongRangesDefaultToHours() {
    JsonObject s = ok("?kpi=dossiers_received&scope=city&from=" + q(now.minus(Duration.ofDays(3))) + "&to=" + q(now), operator);
    assertEquals("hour", s.getString("step"));
    assertEquals(73, s.getJsonArray("points").size(), "72 hours back, to the current hour");
    long total = values(s).stream().mapToLong(Long::longValue).sum();
    assertEquals(4, total);
    assertEquals(Period.iso(Step.HOUR.floor(now)), times(s).get(72));
  }

  @Test
  void aGaugeHasPointsOnlyWhereItWasSampled() {
    JsonObject before = ok("?kpi=dossiers_backlog&scope=city&from=" + q(c.minus(Duration.ofMinutes(30)))
        + "&to=" + q(c.minus(Duration.ofMinutes(20))), operator);
    assertEquals("gauge", before.getString("kind"));
    assertEquals(new JsonArray(), before.getJsonArray("points"), "nothing was sampled before the node started");
    JsonObject sampled = ok("?kpi=dossiers_backlog&scope=district:CG&from=" + q(c) + "&to=" + q(c.plusSeconds(60)), officer);
    assertEquals(List.of(3L), values(sampled));
  }

  @Test
  void anUnencodedPlusInTheOffsetIsStillReadAsTheOffset() {
    JsonObject s = ok("?kpi=dossiers_received&scope=district:BD&from=" + Period.iso(c.minus(Duration.ofMinutes(2)))
        + "&to=" + Period.iso(c.minus(Duration.ofMinutes(1))), operator);
    assertEquals(List.of(1L), values(s));
  }

  @Test
  void badParametersAre400sNamingTheField() {
    String range = "&from=" + q(c.minus(Duration.ofMinutes(5))) + "&to=" + q(c);
    Map<String, String> cases = Map.ofEntries(
        Map.entry("?scope=city" + range, "kpi"),
        Map.entry("?kpi=dossiers_lost&scope=city" + range, "kpi"),
        Map.entry("?kpi=dossiers_received" + range, "scope"),
        Map.entry("?kpi=dossiers_received&scope=district:XX" + range, "scope"),
        Map.entry("?kpi=dossiers_received&scope=district:CG-01" + range, "scope"),
        Map.entry("?kpi=dossiers_received&scope=CG" + range, "scope"),
        Map.entry("?kpi=systems_down&scope=district:CG" + range, "scope"),
        Map.entry("?kpi=dossiers_received&scope=city&step=day" + range, "step"),
        Map.entry("?kpi=dossiers_received&scope=city&from=yesterday", "from"),
        Map.entry("?kpi=dossiers_received&scope=city&from=" + q(c) + "&to=" + q(c.minusSeconds(60)), "from"),
        Map.entry("?kpi=dossiers_received&scope=city&step=minute&from=" + q(now.minus(Duration.ofHours(49))), "to"),
        Map.entry("?kpi=dossiers_received&scope=city&step=hour&from=" + q(now.minus(Duration.ofDays(91))), "to"),
        Map.entry("?kpi=dossiers_received&scope=city&from=" + q(now.minus(Duration.ofDays(91))), "to"));
    cases.forEach((query, field) -> {
      HttpResponse<Buffer> r = get(query, operator);
      assertEquals(400, r.statusCode(), query + ": " + r.bodyAsString());
      JsonObject body = r.bodyAsJsonObject();
      assertEquals("invalid_parameter", body.getString("error"), query);
      assertEquals(field, body.getJsonArray("details").getJsonObject(0).getString("field"), query + ": " + body);
    });
  }

  @Test
  void aSeriesNeedsASignedInUser() {
    assertEquals(401, get("?kpi=dossiers_received&scope=city", null).statusCode());
    assertEquals(401, get("?kpi=dossiers_received&scope=district:CG", null).statusCode());
    assertEquals(401, api.send(HttpMethod.GET, "/api/v1/series/kpis", null, null).statusCode());
  }

  @Test
  void aDistrictOfficerReadsTheirOwnDistrictOnly() {
    ok("?kpi=dossiers_received&scope=district:CG", officer);
    for (String scope : List.of("district:BD", "city")) {
      HttpResponse<Buffer> r = get("?kpi=dossiers_received&scope=" + scope, officer);
      assertEquals(403, r.statusCode(), scope + ": " + r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("error"));
    }
    ok("?kpi=dossiers_received&scope=district:BD", operator);
    ok("?kpi=dossiers_received&scope=city", operator);
  }

  @Test
  void anOfficerAskingForAnotherDistrictWithBadParametersLearns403NotWhichParameterIsWrong() {
    for (String query : List.of("?kpi=nope&scope=district:BD", "?kpi=dossiers_received&scope=district:BD&step=week",
        "?kpi=dossiers_received&scope=district:BD&from=yesterday", "?scope=city&kpi=nope", "?kpi=dossiers_received&scope=district:NOPE")) {
      HttpResponse<Buffer> r = get(query, officer);
      assertEquals(403, r.statusCode(), query + ": " + r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("error"));
    }
    HttpResponse<Buffer> own = get("?kpi=nope&scope=district:CG", officer);
    assertEquals(400, own.statusCode(), "their own district: the parameter is named " + own.bodyAsString());
    assertEquals(400, get("?kpi=nope&scope=district:BD", operator).statusCode(), "a city reader is told what is wrong");
  }

  @Test
  void theKpiListNamesEveryKpiInBothLanguagesWithItsUnit() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/series/kpis", officer, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray kpis = r.bodyAsJsonObject().getJsonArray("kpis");
    assertEquals(Kpi.values().length, kpis.size());
    JsonObject received = kpis.getJsonObject(0);
    assertEquals("dossiers_received", received.getString("kpi"));
    assertEquals("Hồ sơ tiếp nhận", received.getString("nameVi"));
    assertEquals("Dossiers received", received.getString("nameEn"));
    assertEquals("dossiers", received.getString("unitEn"));
    assertEquals("count", received.getString("kind"));
    JsonObject systemsDown = kpis.stream().map(JsonObject.class::cast)
        .filter(k -> k.getString("kpi").equals("systems_down")).findFirst().orElseThrow();
    assertEquals("gauge", systemsDown.getString("kind"));
    assertEquals(new JsonArray().add("city"), systemsDown.getJsonArray("scopes"));
    kpis.forEach(k -> assertTrue(!((JsonObject) k).getString("nameVi").isBlank() && !((JsonObject) k).getString("unitVi").isBlank()));
  }
}
