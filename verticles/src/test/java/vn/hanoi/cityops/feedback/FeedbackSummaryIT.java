package vn.hanoi.cityops.feedback;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.KpiMath;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.dossier.Today;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback summaries over a known story: nine reports in Cầu Giấy (CG) and Ba Đình (BD) from Zalo, the hotline
 * and the web portal, in three categories; open, overdue, answered today with ratings 5, 2 and 4, answered
 * three days ago with 3, and reports of last year. Each figure is asserted exactly.
 */
@NodeTest
class FeedbackSummaryIT {
  private static final String ENVIRONMENT = "Môi trường";
  private static final String TRAFFIC = "Giao thông";
  private static final String ORDER = "Trật tự đô thị";
  private static Api api;
  private static String operator;
  private static String officer;
  private static Today t;
  /** Seconds from first seen to answer of feedback answered today: all, and Cầu Giấy's. */
  private static double answerSeconds;
  private static double answerSecondsCg;

  /** One feedback's events in time order: {@code steps} alternate status and time. */
  private record Story(String id, String district, String commune, String category, String channel, String agency,
                       Instant due, Integer rating, Object... steps) {
  }

  @BeforeAll
  static void start(Api client) {
    api = client;
    operator = api.token("operator");
    officer = api.token("cg-officer");
    t = Today.begin();
    Instant future = t.inDays(10);
    List<Story> stories = List.of(
        new Story("F1", "CG", "CG-01", ENVIRONMENT, "zalo", null, future, null, "received", t.at(.10)),
        new Story("F2", "CG", "CG-03", TRAFFIC, "hotline", "CG-03", t.at(.30), null,
            "received", t.at(.10), "assigned", t.at(.15), "in_progress", t.at(.20)),
        new Story("F3", "CG", null, ENVIRONMENT, "zalo", "CG", future, 5,
            "received", t.at(.10), "assigned", t.at(.20), "answered", t.at(.40)),
        new Story("F4", "CG", null, ORDER, "web", "CG-01", future, 2, "received", t.at(.20), "answered", t.at(.60)),
        new Story("F5", "BD", null, ENVIRONMENT, "zalo", "BD", t.at(.30), null,
            "received", t.at(.10), "assigned", t.at(.20)),
        new Story("F6", "BD", null, TRAFFIC, "zalo", "BD-02", future, 4, "received", t.at(.10), "answered", t.at(.50)),
        new Story("F7", "BD", null, TRAFFIC, "hotline", null, t.lastYear(24 * 7), null,
            "received", t.lastYear(0), "assigned", t.lastYear(1)),
        new Story("F8", "BD", null, ENVIRONMENT, "web", null, t.lastYear(24 * 7), 1,
            "received", t.lastYear(0), "answered", t.lastYear(48)),
        new Story("F9", "CG", null, TRAFFIC, "zalo", null, t.daysAgo(0, 0).plus(Duration.ofDays(10)), 3,
            "received", t.daysAgo(5, 8), "answered", t.daysAgo(3, 9)));
    // Sources report each change as it happens: one batch per step, in time order.
    TreeMap<Instant, List<JsonObject>> byTime = new TreeMap<>();
    for (Story s : stories) {
      for (int i = 0; i < s.steps().length; i += 2) {
        Instant at = (Instant) s.steps()[i + 1];
        byTime.computeIfAbsent(at, k -> new ArrayList<>()).add(event(s, (String) s.steps()[i], at));
      }
    }
    byTime.values().forEach(FeedbackSummaryIT::post);

    answerSeconds = seconds(t.at(.10), t.at(.40)) + seconds(t.at(.20), t.at(.60)) + seconds(t.at(.10), t.at(.50));
    answerSecondsCg = seconds(t.at(.10), t.at(.40)) + seconds(t.at(.20), t.at(.60));
  }

  private static JsonObject event(Story s, String status, Instant at) {
    JsonObject e = new JsonObject().put("id", "fb-" + s.id() + "-" + status).put("type", "feedback")
        .put("occurredAt", at.atOffset(ZoneOffset.ofHours(7)).toString()).put("feedbackId", s.id())
        .put("channel", s.channel()).put("category", s.category()).put("district", s.district()).put("status", status)
        .put("dueAt", s.due().atOffset(ZoneOffset.ofHours(7)).toString());
    if (s.commune() != null) {
      e.put("commune", s.commune());
    }
    if (s.agency() != null && !"received".equals(status)) {
      e.put("agency", s.agency());
    }
    if ("answered".equals(status)) {
      e.put("rating", s.rating());
    }
    return e;
  }

  private static void post(List<JsonObject> events) {
    HttpResponse<Buffer> r = api.postEvents(Events.array(events.toArray(new JsonObject[0])));
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static HttpResponse<Buffer> get(String query, String token) {
    return api.send(HttpMethod.GET, "/api/v1/feedback/summary" + query, token, null);
  }

  private static JsonObject ok(String query, String token) {
    HttpResponse<Buffer> r = get(query, token);
    assertEquals(200, r.statusCode(), query + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** received, open, overdue, answered, satisfactionIndex. */
  private static void assertCounts(JsonObject c, long received, long open, long overdue, long answered,
                                   Double satisfaction) {
    String where = c.encode();
    assertEquals(received, c.getLong("received"), "received in " + where);
    assertEquals(open, c.getLong("open"), "open in " + where);
    assertEquals(overdue, c.getLong("overdue"), "overdue in " + where);
    assertEquals(answered, c.getLong("answered"), "answered in " + where);
    assertEquals(satisfaction, c.getDouble("satisfactionIndex"), "satisfactionIndex in " + where);
  }

  private static JsonObject item(JsonArray items, String key, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (value.equals(items.getJsonObject(i).getString(key))) {
        return items.getJsonObject(i);
      }
    }
    throw new AssertionError("no " + key + "=" + value + " in " + items.encode());
  }

  private static List<String> keys(JsonArray items, String key) {
    List<String> keys = new ArrayList<>();
    items.forEach(i -> keys.add(((JsonObject) i).getString(key)));
    return keys;
  }

  @Test
  void cityTodayCountsReceivedOpenOverdueAnsweredAndSatisfaction() {
    JsonObject s = ok("?period=today", operator);

    // received F1-F6; open F1 F2 F5 and last year's F7; overdue F2 F5 F7; answered today F3 (5) F4 (2) F6 (4)
    assertCounts(s, 6, 4, 3, 3, 66.7);
    assertEquals(3.67, s.getDouble("averageRating"));
    assertEquals(3, s.getLong("rated"));
    assertEquals("0-100", s.getString("satisfactionScale"));
    assertEquals(KpiMath.averageHours(answerSeconds, 3), s.getDouble("avgAnswerHours"));
    assertEquals(Period.iso(t.start), s.getString("from"));
  }

  @Test
  void breakdownsByDistrictCategoryAndChannelPutTheMostOverdueFirst() {
    JsonObject s = ok("", operator);
    JsonArray districts = s.getJsonArray("byDistrict");
    JsonArray categories = s.getJsonArray("byCategory");
    JsonArray channels = s.getJsonArray("byChannel");

    assertEquals(List.of("BD", "CG"), keys(districts, "code"));
    assertCounts(item(districts, "code", "BD"), 2, 2, 2, 1, 75.0);
    assertCounts(item(districts, "code", "CG"), 4, 2, 1, 2, 62.5);
    assertEquals("Cầu Giấy", item(districts, "code", "CG").getString("nameVi"));
    assertEquals("Cau Giay District", item(districts, "code", "CG").getString("nameEn"));
    assertEquals(KpiMath.averageHours(answerSecondsCg, 2), item(districts, "code", "CG").getDouble("avgAnswerHours"));

    assertEquals(List.of(TRAFFIC, ENVIRONMENT, ORDER), keys(categories, "category"));
    assertCounts(item(categories, "category", TRAFFIC), 2, 2, 2, 1, 75.0);
    assertCounts(item(categories, "category", ENVIRONMENT), 3, 2, 1, 1, 100.0);
    assertCounts(item(categories, "category", ORDER), 1, 0, 0, 1, 25.0);

    assertEquals(List.of("hotline", "zalo", "web"), keys(channels, "channel"));
    assertCounts(item(channels, "channel", "hotline"), 1, 2, 2, 0, null);
    assertCounts(item(channels, "channel", "zalo"), 4, 2, 1, 2, 87.5);
    assertCounts(item(channels, "channel", "web"), 1, 0, 0, 1, 25.0);
    assertEquals("Đường dây nóng", item(channels, "channel", "hotline").getString("nameVi"));
  }

  @Test
  void satisfactionTrendHasFourteenDaysWithTodaysAndThreeDaysAgosIndex() {
    JsonArray trend = ok("", operator).getJsonArray("satisfactionTrend");

    assertEquals(14, trend.size());
    JsonObject today = trend.getJsonObject(13);
    assertEquals(t.now.atZone(Hanoi.ZONE).toLocalDate().toString(), today.getString("date"));
    assertEquals(66.7, today.getDouble("satisfactionIndex"));
    assertEquals(3, today.getLong("rated"));
    JsonObject threeDaysAgo = trend.getJsonObject(10);
    assertEquals(50.0, threeDaysAgo.getDouble("satisfactionIndex"), trend.encode());
    assertEquals(1, threeDaysAgo.getLong("rated"));
    for (int i : new int[]{0, 5, 9, 11, 12}) {
      assertNull(trend.getJsonObject(i).getDouble("satisfactionIndex"), "no ratings that day: " + trend.encode());
      assertEquals(0, trend.getJsonObject(i).getLong("rated"));
    }
  }

  @Test
  void filtersNarrowTheSummaryTheBreakdownsAndTheTrend() {
    JsonObject cg = ok("?district=CG", operator);
    JsonObject traffic = ok("?category=" + encoded(TRAFFIC), operator);
    JsonObject hotline = ok("?channel=hotline", operator);
    JsonObject assigned = ok("?agency=CG-03", operator);
    JsonObject bdZalo = ok("?district=BD&channel=zalo", operator);

    assertCounts(cg, 4, 2, 1, 2, 62.5);
    assertEquals(List.of("CG"), keys(cg.getJsonArray("byDistrict"), "code"));
    assertEquals(62.5, cg.getJsonArray("satisfactionTrend").getJsonObject(13).getDouble("satisfactionIndex"));
    assertEquals(50.0, cg.getJsonArray("satisfactionTrend").getJsonObject(10).getDouble("satisfactionIndex"));
    assertEquals("CG", cg.getJsonObject("filters").getString("district"));
    assertCounts(traffic, 2, 2, 2, 1, 75.0);
    assertCounts(hotline, 1, 2, 2, 0, null);
    assertNull(hotline.getDouble("avgAnswerHours"));
    assertNull(hotline.getJsonArray("satisfactionTrend").getJsonObject(13).getDouble("satisfactionIndex"));
    assertCounts(assigned, 1, 1, 1, 0, null);
    assertCounts(bdZalo, 2, 1, 1, 1, 75.0);
  }

  @Test
  void longerPeriodsKeepTodayAndLeaveOutLastYear() {
    for (String period : new String[]{"month", "year"}) {
      JsonObject s = ok("?period=" + period, operator);
      assertEquals(period, s.getString("period"));
      // F9 (received five days ago, answered three days ago) may fall in this month or the last
      assertTrue(s.getLong("received") == 6 || s.getLong("received") == 7, s.encode());
      assertEquals(4, s.getLong("open"));
      assertEquals(3, s.getLong("overdue"));
      assertTrue(s.getLong("answered") == 3 || s.getLong("answered") == 4, s.encode());
    }
  }

  @Test
  void agencyOfficerReadsTheirDistrictOnly() {
    assertCounts(ok("?district=CG", officer), 4, 2, 1, 2, 62.5);
    for (String query : List.of("?district=BD", "", "?channel=zalo", "?agency=CG")) {
      HttpResponse<Buffer> r = get(query, officer);
      assertEquals(403, r.statusCode(), query + ": " + r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("error"));
    }
    assertEquals(401, get("?district=CG", null).statusCode());
  }

  @Test
  void badFiltersAre400NamingTheField() {
    Map<String, String> cases = Map.of(
        "?channel=fax", "channel",
        "?period=week", "period",
        "?district=XX", "district",
        "?district=CG-03", "district",
        "?agency=NOPE", "agency",
        "?category=", "category",
        "?district=", "district");
    cases.forEach((query, field) -> {
      HttpResponse<Buffer> r = get(query, operator);
      assertEquals(400, r.statusCode(), query + ": " + r.bodyAsString());
      assertEquals("invalid_parameter", r.bodyAsJsonObject().getString("error"), query);
      assertEquals(field, r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"), query);
    });
  }
}
