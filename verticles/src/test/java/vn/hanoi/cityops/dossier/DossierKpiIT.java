package vn.hanoi.cityops.dossier;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.KpiMath;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Dossier KPIs over a known story: 18 dossiers of the district Cầu Giấy (CG), two of its communes (CG-01,
 * CG-03), the district Ba Đình (BD) and the Department of Justice (STP); received, in progress, completed
 * on time and late, returned, overdue; today and last year; every channel. Each figure is asserted exactly.
 */
@NodeTest
class DossierKpiIT {
  private static Api api;
  private static String operator;
  private static String officer;
  private static Today t;
  /** Seconds from reception to completion of every dossier completed today, by scope. */
  private static final List<Double> CITY_HOURS = new ArrayList<>();
  private static final List<Double> CG_HOURS = new ArrayList<>();

  @BeforeAll
  static void start(Api client) {
    api = client;
    operator = api.token("operator");
    officer = api.token("cg-officer");
    t = Today.begin();
    Instant future = t.inDays(5);

    List<JsonObject> events = new ArrayList<>();
    // Cầu Giấy's own People's Committee
    story(events, "CG", "D1", "online_full", t.at(.10), future, "received", t.at(.10));
    story(events, "CG", "D2", "counter", t.at(.10), future, "received", t.at(.10), "in_progress", t.at(.20));
    story(events, "CG", "D3", "online_partial", t.at(.10), future,
        "received", t.at(.10), "in_progress", t.at(.15), "completed", t.at(.50));
    story(events, "CG", "D4", "counter", t.at(.10), t.at(.20),
        "received", t.at(.10), "in_progress", t.at(.15), "completed", t.at(.40));
    // two of its communes
    story(events, "CG-01", "D5", "counter", t.at(.10), future,
        "received", t.at(.10), "in_progress", t.at(.12), "returned", t.at(.30));
    story(events, "CG-01", "D6", "online_full", t.at(.10), t.at(.25), "received", t.at(.10), "in_progress", t.at(.15));
    story(events, "CG-03", "D7", "online_full", t.at(.20), future, "received", t.at(.20), "completed", t.at(.60));
    story(events, "CG-03", "D8", "counter", t.lastYear(0), t.lastYear(48),
        "received", t.lastYear(0), "in_progress", t.lastYear(2));
    // Ba Đình
    story(events, "BD", "D9", "counter", t.at(.10), t.at(.30), "received", t.at(.10), "completed", t.at(.50));
    story(events, "BD", "D10", "online_partial", t.at(.10), t.at(.30), "received", t.at(.10), "in_progress", t.at(.20));
    story(events, "BD", "D11", "online_full", t.at(.10), t.at(.20), "received", t.at(.10));
    story(events, "BD", "D15", "counter", t.at(.10), t.at(.40), "received", t.at(.10), "in_progress", t.at(.20));
    story(events, "BD", "D16", "online_full", t.at(.10), future, "received", t.at(.10), "completed", t.at(.30));
    story(events, "BD", "D17", "online_partial", t.at(.20), future, "received", t.at(.20), "completed", t.at(.70));
    story(events, "BD", "D18", "counter", t.at(.30), future, "received", t.at(.30), "completed", t.at(.80));
    // the Department of Justice, a city-level agency
    story(events, "STP", "D12", "online_full", t.at(.05), future, "received", t.at(.05), "completed", t.at(.90));
    story(events, "STP", "D13", "counter", t.lastYear(0), t.lastYear(48),
        "received", t.lastYear(0), "completed", t.lastYear(5));
    story(events, "STP", "D14", "counter", t.lastYear(0), t.lastYear(48),
        "received", t.lastYear(0), "in_progress", t.lastYear(1), "completed", t.at(.50));
    post(events);
    // A late, older event must not reopen a completed dossier.
    post(List.of(dossier("CG", "D3", "online_partial", t.at(.10), future, "in_progress", t.at(.20), "late")));

    hours(CITY_HOURS, CG_HOURS, t.at(.10), t.at(.50));   // D3
    hours(CITY_HOURS, CG_HOURS, t.at(.10), t.at(.40));   // D4
    hours(CITY_HOURS, CG_HOURS, t.at(.20), t.at(.60));   // D7
    hours(CITY_HOURS, null, t.at(.10), t.at(.50));       // D9
    hours(CITY_HOURS, null, t.at(.10), t.at(.30));       // D16
    hours(CITY_HOURS, null, t.at(.20), t.at(.70));       // D17
    hours(CITY_HOURS, null, t.at(.30), t.at(.80));       // D18
    hours(CITY_HOURS, null, t.at(.05), t.at(.90));       // D12
    hours(CITY_HOURS, null, t.lastYear(0), t.at(.50));   // D14
  }

  /** The events of one dossier: pairs of stage and time after its fixed fields. */
  private static void story(List<JsonObject> out, String agency, String id, String channel, Instant received,
                            Instant due, Object... stages) {
    for (int i = 0; i < stages.length; i += 2) {
      out.add(dossier(agency, id, channel, received, due, (String) stages[i], (Instant) stages[i + 1], ""));
    }
  }

  private static JsonObject dossier(String agency, String id, String channel, Instant received, Instant due,
                                    String stage, Instant at, String suffix) {
    JsonObject e = new JsonObject().put("id", "kpi-" + id + "-" + stage + suffix).put("type", "dossier")
        .put("occurredAt", iso(at)).put("dossierId", id).put("agency", agency).put("procedure", "1.001193")
        .put("channel", channel).put("stage", stage).put("receivedAt", iso(received)).put("dueAt", iso(due));
    if ("completed".equals(stage)) {
      e.put("completedAt", iso(at));
    }
    return e;
  }

  private static String iso(Instant at) {
    return at.atOffset(ZoneOffset.ofHours(7)).toString();
  }

  private static void post(List<JsonObject> events) {
    HttpResponse<Buffer> r = api.postEvents(Events.array(events.toArray(new JsonObject[0])));
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static void hours(List<Double> city, List<Double> district, Instant received, Instant completed) {
    double seconds = Duration.between(received, completed).toMillis() / 1000.0;
    city.add(seconds);
    if (district != null) {
      district.add(seconds);
    }
  }

  private static Double averageHours(List<Double> seconds) {
    return KpiMath.averageHours(seconds.stream().mapToDouble(Double::doubleValue).sum(), seconds.size());
  }

  private static HttpResponse<Buffer> get(String path, String token) {
    return api.send(HttpMethod.GET, path, token, null);
  }

  private static JsonObject ok(String path, String token) {
    HttpResponse<Buffer> r = get(path, token);
    assertEquals(200, r.statusCode(), path + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** received, inProgress, completedOnTime, completedLate, returned, backlog, overdueNow, onTimeRate, onlineShare. */
  private static void assertKpis(JsonObject k, long received, long inProgress, long onTime, long late, long returned,
                                 long backlog, long overdue, Double onTimeRate, Double onlineShare) {
    String where = k.encode();
    assertEquals(received, k.getLong("received"), "received in " + where);
    assertEquals(inProgress, k.getLong("inProgress"), "inProgress in " + where);
    assertEquals(onTime, k.getLong("completedOnTime"), "completedOnTime in " + where);
    assertEquals(late, k.getLong("completedLate"), "completedLate in " + where);
    assertEquals(returned, k.getLong("returned"), "returned in " + where);
    assertEquals(backlog, k.getLong("backlog"), "backlog in " + where);
    assertEquals(overdue, k.getLong("overdueNow"), "overdueNow in " + where);
    assertEquals(onTimeRate, k.getDouble("onTimeRate"), "onTimeRate in " + where);
    assertEquals(onlineShare, k.getDouble("onlineShare"), "onlineShare in " + where);
  }

  @Test
  void cityTodayCountsEveryStageOverdueAndChannelExactly() {
    JsonObject city = ok("/api/v1/kpi/city?period=today", operator);

    assertKpis(city, 15, 6, 6, 3, 1, 7, 5, 66.7, 60.0);
    assertEquals(averageHours(CITY_HOURS), city.getDouble("avgProcessingHours"));
    assertEquals("today", city.getString("period"));
    assertEquals(Period.iso(t.start), city.getString("from"));
    assertEquals(new JsonObject().put("kind", "city").put("code", "HN").put("nameVi", "UBND thành phố Hà Nội")
        .put("nameEn", "Hanoi People's Committee"), city.getJsonObject("scope"));
  }

  @Test
  void cityFiguresEqualALatestEventPerDossierQueryOfTheEventLog() {
    JsonObject city = ok("/api/v1/kpi/city", operator);
    Period.Bounds today = Period.TODAY.bounds(Instant.now());

    JsonObject fromLog = api.row("""
        WITH latest AS (
            SELECT DISTINCT ON (agency_code, payload ->> 'dossierId')
                   status AS stage, channel, (payload ->> 'receivedAt')::timestamptz AS received_at,
                   (payload ->> 'dueAt')::timestamptz AS due_at, (payload ->> 'completedAt')::timestamptz AS completed_at,
                   occurred_at
            FROM event
            WHERE type = 'dossier'
            ORDER BY agency_code, payload ->> 'dossierId', occurred_at DESC, seq DESC
        ), today AS (
            SELECT *, received_at >= $1 AND received_at < $2 AS received_today,
                   stage = 'completed' AND completed_at >= $1 AND completed_at < $2 AS completed_today,
                   stage IN ('received', 'in_progress') AS open
            FROM latest
        )
        SELECT count(*) FILTER (WHERE received_today) AS received,
               count(*) FILTER (WHERE received_today AND open) AS in_progress,
               count(*) FILTER (WHERE completed_today AND completed_at <= due_at) AS on_time,
               count(*) FILTER (WHERE completed_today AND completed_at > due_at) AS late,
               count(*) FILTER (WHERE stage = 'returned' AND occurred_at >= $1 AND occurred_at < $2) AS returned,
               count(*) FILTER (WHERE open) AS backlog,
               count(*) FILTER (WHERE open AND due_at < now()) AS overdue,
               round(100.0 * count(*) FILTER (WHERE completed_today AND completed_at <= due_at)
                     / nullif(count(*) FILTER (WHERE completed_today), 0), 1)::float8 AS on_time_rate,
               round(100.0 * count(*) FILTER (WHERE received_today AND channel <> 'counter')
                     / nullif(count(*) FILTER (WHERE received_today), 0), 1)::float8 AS online_share,
               round((avg(extract(epoch FROM completed_at - received_at)) FILTER (WHERE completed_today)
                     / 3600)::numeric, 1)::float8 AS avg_hours
        FROM today""", today.from().atOffset(ZoneOffset.UTC), today.to().atOffset(ZoneOffset.UTC));

    assertEquals(15, fromLog.getLong("received"), "the story itself: " + fromLog.encode());
    assertKpis(city, fromLog.getLong("received"), fromLog.getLong("in_progress"), fromLog.getLong("on_time"),
        fromLog.getLong("late"), fromLog.getLong("returned"), fromLog.getLong("backlog"), fromLog.getLong("overdue"),
        fromLog.getDouble("on_time_rate"), fromLog.getDouble("online_share"));
    assertEquals(fromLog.getDouble("avg_hours"), city.getDouble("avgProcessingHours"));
  }

  @Test
  void monthAndYearHoldTodayButNotLastYear() {
    JsonObject today = ok("/api/v1/kpi/city?period=today", operator);
    for (String period : new String[]{"month", "year"}) {
      JsonObject k = ok("/api/v1/kpi/city?period=" + period, operator);
      assertEquals(period, k.getString("period"));
      for (String field : List.of("received", "inProgress", "completedOnTime", "completedLate", "returned", "backlog",
          "overdueNow", "onTimeRate", "onlineShare", "avgProcessingHours")) {
        assertEquals(today.getValue(field), k.getValue(field), field + " of " + period);
      }
    }
  }

  @Test
  void districtIncludesItsCommunes() {
    JsonObject cg = ok("/api/v1/kpi/districts/CG", operator);

    assertKpis(cg, 7, 3, 2, 1, 1, 4, 2, 66.7, 57.1);
    assertEquals(averageHours(CG_HOURS), cg.getDouble("avgProcessingHours"));
    assertEquals("Cầu Giấy", cg.getJsonObject("scope").getString("nameVi"));
    assertEquals("Cau Giay District", cg.getJsonObject("scope").getString("nameEn"));
    assertKpis(ok("/api/v1/kpi/districts/BD", operator), 7, 3, 3, 1, 0, 3, 3, 75.0, 57.1);
    assertKpis(ok("/api/v1/kpi/districts/HK", operator), 0, 0, 0, 0, 0, 0, 0, null, null);
  }

  @Test
  void agencyCountsOnlyItsOwnDossiers() {
    JsonObject commune = ok("/api/v1/kpi/agencies/CG-03", operator);
    JsonObject district = ok("/api/v1/kpi/agencies/CG", operator);
    JsonObject department = ok("/api/v1/kpi/agencies/STP", operator);

    // D7 received and completed on time today; D8 received last year, still open and overdue
    assertKpis(commune, 1, 0, 1, 0, 0, 1, 1, 100.0, 100.0);
    assertEquals("commune", commune.getJsonObject("scope").getString("level"));
    assertEquals("Phường 03 - Cầu Giấy", commune.getJsonObject("scope").getString("nameVi"));
    assertKpis(district, 4, 2, 1, 1, 0, 2, 0, 50.0, 50.0);
    // D14 was received last year and completed late today: it counts as completed, not as received
    assertKpis(department, 1, 0, 1, 1, 0, 0, 0, 50.0, 100.0);
  }

  @Test
  void levelsSplitTheCityIntoItsThreeTiers() {
    JsonObject city = ok("/api/v1/kpi/levels/city", operator);
    JsonObject district = ok("/api/v1/kpi/levels/district", operator);
    JsonObject commune = ok("/api/v1/kpi/levels/commune", operator);

    assertKpis(city, 1, 0, 1, 1, 0, 0, 0, 50.0, 100.0);
    assertKpis(district, 11, 5, 4, 2, 0, 5, 3, 66.7, 54.5);
    assertKpis(commune, 3, 1, 1, 0, 1, 2, 2, 100.0, 66.7);
    assertEquals(new JsonObject().put("kind", "level").put("code", "commune").put("nameVi", "Cấp xã")
        .put("nameEn", "Commune level"), commune.getJsonObject("scope"));
  }

  @Test
  void headlineShowsPortalShareAgainstThirtyPercentAndOnlineShareAgainstPlan() {
    JsonObject headline = ok("/api/v1/kpi/headline", operator);
    JsonObject portal = headline.getJsonObject("proceduresOnNationalPortal");
    JsonObject online = headline.getJsonObject("dossiersOnlineShare");
    JsonObject onTime = headline.getJsonObject("onTimeRate");

    assertEquals(18.7, portal.getDouble("value"));
    assertEquals(30.0, portal.getDouble("target"));
    assertEquals(-11.3, portal.getDouble("gap"));
    assertFalse(portal.getBoolean("met"));
    assertEquals(187, portal.getLong("numerator"));
    assertEquals(api.count("SELECT count(*) FROM procedure"), portal.getLong("denominator"));
    assertEquals("%", portal.getString("unit"));
    assertEquals("Share of procedures integrated and published on the national public-service portal",
        portal.getString("nameEn"));
    assertEquals(60.0, online.getDouble("value"));
    assertEquals(30.0, online.getDouble("target"));
    assertEquals(9, online.getLong("numerator"));
    assertEquals(15, online.getLong("denominator"));
    assertEquals("year", online.getString("period"));
    assertEquals(66.7, onTime.getDouble("value"));
    assertEquals(95.0, onTime.getDouble("target"));
    assertFalse(onTime.getBoolean("met"));
  }

  @Test
  void catalogueStartsWithAThousandProceduresOfWhich187OnThePortalIncludingTheSimulatorsCodes() {
    assertEquals(187, api.count("SELECT count(*) FROM procedure WHERE on_national_portal"));
    assertEquals(1000, api.count("SELECT count(*) FROM procedure WHERE name_vi LIKE 'Thủ tục hành chính %'"));
    assertEquals(40, api.count("SELECT count(*) FROM procedure WHERE code = ANY ($1::text[])", (Object) new String[]{
        "1.000123", "1.000419", "1.000656", "1.000748", "1.000894", "1.001010", "1.001022", "1.001193", "1.001604",
        "1.001612", "1.001695", "1.002425", "1.003005", "1.003622", "1.004227", "1.004493", "1.004837", "1.004873",
        "1.004963", "1.005326", "1.006391", "1.008004", "1.008901", "1.009994", "1.010735", "2.000040", "2.000123",
        "2.000256", "2.000305", "2.000720", "2.000884", "2.000889", "2.000908", "2.000986", "2.001157", "2.001263",
        "2.001485", "2.001823", "2.002161", "2.002182"}));
  }

  @Test
  void procedureFirstSeenInADossierCountsAsNotOnThePortal() {
    JsonObject before = ok("/api/v1/kpi/headline", operator).getJsonObject("proceduresOnNationalPortal");
    // completed last year: it changes no dossier figure of this year, only the catalogue
    post(List.of(dossier("SXD", "D-new-code", "counter", t.lastYear(0), t.lastYear(48), "completed", t.lastYear(3), "")
        .put("procedure", "9.000001")));

    JsonObject after = ok("/api/v1/kpi/headline", operator).getJsonObject("proceduresOnNationalPortal");

    assertEquals(before.getLong("denominator") + 1, after.getLong("denominator"));
    assertEquals(187, after.getLong("numerator"));
    assertEquals(1, api.count("SELECT count(*) FROM procedure WHERE code = '9.000001' AND NOT on_national_portal"));
  }

  @Test
  void districtsFallingBehindRankByOverdueOrByOnTimeRate() {
    JsonObject byOverdue = ok("/api/v1/rankings/districts", operator);
    JsonObject byRate = ok("/api/v1/rankings/districts?by=onTimeRate", operator);
    JsonObject secondPage = ok("/api/v1/rankings/districts?by=overdueNow&limit=1&offset=1", operator);

    assertEquals(30, byOverdue.getInteger("total"));
    assertEquals(10, byOverdue.getJsonArray("items").size());
    assertEquals(List.of("BD", "CG"), codes(byOverdue, 2));
    JsonObject first = byOverdue.getJsonArray("items").getJsonObject(0);
    assertEquals(1, first.getInteger("rank"));
    assertEquals("Ba Đình", first.getString("nameVi"));
    assertEquals("Ba Dinh District", first.getString("nameEn"));
    assertEquals(3, first.getLong("overdueNow"));
    assertEquals(List.of("CG", "BD"), codes(byRate, 2));
    assertEquals(66.7, byRate.getJsonArray("items").getJsonObject(0).getDouble("onTimeRate"));
    assertNull(byRate.getJsonArray("items").getJsonObject(2).getDouble("onTimeRate"), "no rate ranks after every rate");
    assertEquals(List.of("CG"), codes(secondPage, 1));
    assertEquals(2, secondPage.getJsonArray("items").getJsonObject(0).getInteger("rank"));
  }

  @Test
  void agenciesFallingBehindRankWithinALevel() {
    JsonObject communes = ok("/api/v1/rankings/agencies?level=commune", operator);
    JsonObject all = ok("/api/v1/rankings/agencies?by=onTimeRate&limit=4", operator);

    assertEquals(579, communes.getInteger("total"));
    assertEquals("commune", communes.getString("level"));
    // one overdue each; CG-03 completed what it did (100%), CG-01 completed nothing (no rate, ranks after)
    assertEquals(List.of("CG-03", "CG-01"), codes(communes, 2));
    assertEquals(633, all.getInteger("total"));
    assertEquals(List.of("CG", "STP", "BD", "CG-03"), codes(all, 4));
    assertEquals("Sở Tư pháp", all.getJsonArray("items").getJsonObject(1).getString("nameVi"));
    assertEquals("city", all.getJsonArray("items").getJsonObject(1).getString("level"));
  }

  private static List<String> codes(JsonObject ranking, int n) {
    JsonArray items = ranking.getJsonArray("items");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      codes.add(items.getJsonObject(i).getString("code"));
    }
    return codes;
  }

  @Test
  void agencyOfficerReadsTheirDistrictAndItsCommunesButNoOtherAndNothingCityWide() {
    assertKpis(ok("/api/v1/kpi/districts/CG", officer), 7, 3, 2, 1, 1, 4, 2, 66.7, 57.1);
    assertEquals(200, get("/api/v1/kpi/agencies/CG-03", officer).statusCode());
    assertEquals(200, get("/api/v1/kpi/agencies/CG", officer).statusCode());
    for (String path : List.of("/api/v1/kpi/districts/BD", "/api/v1/kpi/agencies/BD", "/api/v1/kpi/agencies/BD-01",
        "/api/v1/kpi/agencies/STP", "/api/v1/kpi/city", "/api/v1/kpi/headline", "/api/v1/kpi/levels/district",
        "/api/v1/rankings/districts", "/api/v1/rankings/agencies?level=commune")) {
      HttpResponse<Buffer> r = get(path, officer);
      assertEquals(403, r.statusCode(), path + ": " + r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("error"), path);
    }
  }

  @Test
  void withoutSignInEveryKpiRouteAnswers401() {
    for (String path : List.of("/api/v1/kpi/headline", "/api/v1/kpi/city", "/api/v1/kpi/levels/city",
        "/api/v1/kpi/districts/CG", "/api/v1/kpi/agencies/CG", "/api/v1/rankings/districts",
        "/api/v1/rankings/agencies")) {
      assertEquals(401, get(path, null).statusCode(), path);
    }
  }

  @Test
  void unknownDistrictOrAgencyIs404() {
    for (String path : List.of("/api/v1/kpi/districts/XX", "/api/v1/kpi/districts/CG-03", "/api/v1/kpi/districts/STP",
        "/api/v1/kpi/agencies/NOPE")) {
      HttpResponse<Buffer> r = get(path, operator);
      assertEquals(404, r.statusCode(), path + ": " + r.bodyAsString());
      assertEquals("not_found", r.bodyAsJsonObject().getString("error"), path);
    }
  }

  @Test
  void badParametersAre400NamingTheField() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("/api/v1/kpi/city?period=week", "period"),
        Map.entry("/api/v1/kpi/districts/CG?period=", "period"),
        Map.entry("/api/v1/kpi/agencies/CG-03?period=YEAR", "period"),
        Map.entry("/api/v1/kpi/levels/province", "level"),
        Map.entry("/api/v1/rankings/districts?by=worst", "by"),
        Map.entry("/api/v1/rankings/districts?limit=0", "limit"),
        Map.entry("/api/v1/rankings/districts?limit=1001", "limit"),
        Map.entry("/api/v1/rankings/districts?limit=ten", "limit"),
        Map.entry("/api/v1/rankings/agencies?offset=-1", "offset"),
        Map.entry("/api/v1/rankings/agencies?level=province", "level"),
        Map.entry("/api/v1/rankings/agencies?level=", "level"));
    cases.forEach((path, field) -> {
      HttpResponse<Buffer> r = get(path, operator);
      assertEquals(400, r.statusCode(), path + ": " + r.bodyAsString());
      JsonObject body = r.bodyAsJsonObject();
      assertEquals("invalid_parameter", body.getString("error"), path);
      assertEquals(field, body.getJsonArray("details").getJsonObject(0).getString("field"), path);
    });
  }
}
