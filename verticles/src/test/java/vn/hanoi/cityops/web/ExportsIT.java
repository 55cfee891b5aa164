package vn.hanoi.cityops.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.dossier.Today;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.CsvText;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV exports downloaded over HTTP after real events, parsed back as RFC 4180 and compared figure by figure with
 * the REST answer for the same query; who may export what; bad input answered in JSON before any CSV; a large audit
 * export streamed whole.
 */
@NodeTest
class ExportsIT {
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"xem\")";
  private static final List<String> KPI_FIELDS = List.of("received", "inProgress", "completedOnTime", "completedLate",
      "returned", "backlog", "overdueNow", "onTimeRate", "onlineShare", "avgProcessingHours");
  private static final List<String> FEEDBACK_FIELDS = List.of("received", "open", "overdue", "answered",
      "avgAnswerHours", "satisfactionIndex", "averageRating", "rated");
  private static Api api;
  private static String operator;
  private static String officer;
  private static String admin;

  /** A downloaded CSV file: its head and its records. */
  private record Download(int status, String contentType, String disposition, String transferEncoding,
                          List<List<String>> records, String body) {
    List<String> header() {
      return records.get(0);
    }

    List<List<String>> rows() {
      return records.subList(1, records.size());
    }
  }

  @BeforeAll
  static void start(Api client) {
    api = client;
    operator = api.token("operator");
    officer = api.token("cg-officer");
    admin = api.token("admin");
    Today t = Today.begin();
    Instant future = t.inDays(5);
    List<JsonObject> events = new ArrayList<>();
    dossier(events, "CG", "X1", "online_full", t.at(.1), future, "received", t.at(.1));
    dossier(events, "CG", "X2", "counter", t.at(.1), t.at(.2), "completed", t.at(.4));
    dossier(events, "CG-03", "X3", "online_partial", t.at(.1), t.at(.3), "in_progress", t.at(.2));
    dossier(events, "CG-01", "X4", "counter", t.at(.2), future, "completed", t.at(.5));
    dossier(events, "BD", "X5", "online_full", t.at(.1), t.at(.2), "in_progress", t.at(.15));
    dossier(events, "BD-02", "X6", "counter", t.at(.1), future, "returned", t.at(.3));
    dossier(events, "STP", "X7", "online_full", t.at(.05), future, "completed", t.at(.9));
    feedback(events, "F1", "CG", "zalo", "Môi trường", future, "received", t.at(.1), null);
    feedback(events, "F2", "CG", "hotline", FORMULA, t.at(.3), "received", t.at(.1), null);
    feedback(events, "F3", "BD", "web", "Giao thông", future, "answered", t.at(.4), 4);
    feedback(events, "F4", "BD", "zalo", "Giao thông", t.at(.2), "received", t.at(.1), null);
    HttpResponse<Buffer> r = api.postEvents(Events.array(events.toArray(new JsonObject[0])));
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static void dossier(List<JsonObject> out, String agency, String id, String channel, Instant received,
                              Instant due, String stage, Instant at) {
    JsonObject e = new JsonObject().put("id", "exp-" + id).put("type", "dossier").put("occurredAt", iso(at))
        .put("dossierId", id).put("agency", agency).put("procedure", "1.001193").put("channel", channel)
        .put("stage", stage).put("receivedAt", iso(received)).put("dueAt", iso(due));
    if ("completed".equals(stage)) {
      e.put("completedAt", iso(at));
    }
    out.add(e);
  }

  private static void feedback(List<JsonObject> out, String id, String district, String channel, String category,
                               Instant due, String status, Instant at, Integer rating) {
    JsonObject e = new JsonObject().put("id", "exp-" + id).put("type", "feedback").put("occurredAt", iso(at))
        .put("feedbackId", id).put("channel", channel).put("category", category).put("district", district)
        .put("status", status).put("dueAt", iso(due));
    if (rating != null) {
      e.put("rating", rating);
    }
    out.add(e);
  }

  private static String iso(Instant at) {
    return at.atOffset(ZoneOffset.ofHours(7)).toString();
  }

  private static Download csv(String path, String token) {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, path, token, null);
    assertEquals(200, r.statusCode(), path + ": " + r.bodyAsString());
    byte[] bytes = r.body().getBytes();
    assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3),
        path + " starts with the UTF-8 byte order mark");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return new Download(r.statusCode(), r.getHeader("Content-Type"), r.getHeader("Content-Disposition"),
        r.getHeader("Transfer-Encoding"), CsvText.parse(text), text);
  }

  private static JsonObject json(String path, String token) {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, path, token, null);
    assertEquals(200, r.statusCode(), path + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** A figure as the CSV writes it: empty for null, the number as Java prints it. */
  private static String cell(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void assertFigures(JsonObject expected, List<String> fields, List<String> row, int first, String where) {
    for (int i = 0; i < fields.size(); i++) {
      assertEquals(cell(expected.getValue(fields.get(i))), row.get(first + i), fields.get(i) + " of " + where);
    }
  }

  private static String monthFile(String name) {
    Period.Bounds month = Period.MONTH.bounds(Instant.now());
    LocalDate first = month.from().atZone(Hanoi.ZONE).toLocalDate();
    return "attachment; filename=\"" + name + "_" + first + "_" + first.plusMonths(1).minusDays(1) + ".csv\"";
  }

  @Test
  void districtRankingCsvListsEveryDistrictInTheRankingsOrderWithItsFigures() {
    JsonObject rest = json("/api/v1/rankings/districts?period=month&limit=1000", operator);
    Download csv = csv("/api/v1/exports/rankings/districts?period=month&lang=en", operator);

    assertEquals("text/csv; charset=utf-8", csv.contentType());
    assertEquals(monthFile("district-ranking"), csv.disposition());
    assertEquals(List.of("Rank", "Code", "Name", "Level", "Received", "In progress", "Completed on time",
        "Completed late", "Returned", "Backlog", "Overdue now", "On-time rate (%)", "Online share (%)",
        "Average processing time (hours)"), csv.header());
    JsonArray items = rest.getJsonArray("items");
    assertEquals(rest.getInteger("total"), csv.rows().size());
    assertTrue(items.size() >= 30, "every district of Hanoi is ranked: " + items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      List<String> row = csv.rows().get(i);
      assertEquals(List.of(cell(item.getInteger("rank")), item.getString("code"), item.getString("nameEn"),
          item.getString("level")), row.subList(0, 4));
      assertFigures(item, KPI_FIELDS, row, 4, item.getString("code"));
    }
    assertTrue(csv.rows().stream().anyMatch(row -> row.get(1).equals("CG") && !row.get(4).equals("0")),
        "the story's dossiers are counted: " + csv.rows());
  }

  @Test
  void agencyRankingCsvByOnTimeRateOfCommunesMatchesTheRestRankingAndSpeaksVietnameseByDefault() {
    JsonObject rest = json("/api/v1/rankings/agencies?period=today&by=onTimeRate&level=commune&limit=1000", operator);
    Download csv = csv("/api/v1/exports/rankings/agencies?period=today&by=onTimeRate&level=commune", operator);

    assertEquals(List.of("Hạng", "Mã", "Tên", "Cấp", "Tiếp nhận"), csv.header().subList(0, 5));
    assertTrue(csv.disposition().startsWith("attachment; filename=\"xep-hang-co-quan_"), csv.disposition());
    JsonArray items = rest.getJsonArray("items");
    assertEquals(items.size(), csv.rows().size());
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      List<String> row = csv.rows().get(i);
      assertEquals(List.of(cell(item.getInteger("rank")), item.getString("code"), item.getString("nameVi")),
          row.subList(0, 3));
      assertFigures(item, KPI_FIELDS, row, 4, item.getString("code"));
    }
  }

  @Test
  void agencyKpisCsvOfCauGiayHasEachAgencysFiguresAsItsKpiRoute() {
    Download csv = csv("/api/v1/exports/kpi/agencies?period=today&district=CG&lang=en", operator);

    assertEquals(List.of("Code", "Name", "Level", "District", "Received"), csv.header().subList(0, 5));
    assertTrue(csv.rows().size() > 5, "Cầu Giấy and its communes: " + csv.rows().size());
    assertEquals("CG", csv.rows().get(0).get(0));
    for (List<String> row : csv.rows()) {
      JsonObject rest = json("/api/v1/kpi/agencies/" + row.get(0) + "?period=today", operator);
      assertEquals(rest.getJsonObject("scope").getString("nameEn"), row.get(1));
      assertEquals("CG", row.get(3));
      assertFigures(rest, KPI_FIELDS, row, 4, row.get(0));
    }
    List<String> cg03 = csv.rows().stream().filter(r -> r.get(0).equals("CG-03")).findFirst().orElseThrow();
    assertEquals("1", cg03.get(4), "CG-03 received the story's one dossier");
  }

  @Test
  void agencyKpisCsvWithoutFiltersHasEveryAgencyDepartmentsWithAnEmptyDistrict() {
    Download csv = csv("/api/v1/exports/kpi/agencies", operator);

    assertEquals(633, csv.rows().size(), "the city, 23 departments, 30 districts, 579 communes");
    List<String> justice = csv.rows().stream().filter(r -> r.get(0).equals("STP")).findFirst().orElseThrow();
    assertEquals("", justice.get(3), "a department belongs to no district");
  }

  @Test
  void aPeriodGivenAsDatesGivesTheSameRowsAsTheSameMonthByName() {
    Period.Bounds month = Period.MONTH.bounds(Instant.now());
    LocalDate first = month.from().atZone(Hanoi.ZONE).toLocalDate();
    Download byName = csv("/api/v1/exports/kpi/agencies?period=month&level=district", operator);
    Download byDates = csv("/api/v1/exports/kpi/agencies?level=district&from=" + first + "&to="
        + first.plusMonths(1).minusDays(1), operator);

    assertEquals(byName.records(), byDates.records());
    assertEquals(byName.disposition(), byDates.disposition());
    assertTrue(byName.rows().stream().allMatch(r -> r.get(2).equals("district")), "only districts");
  }

  @Test
  void feedbackCsvHasTheSummarysTotalAndEveryBreakdownInItsOrder() {
    JsonObject rest = json("/api/v1/feedback/summary?period=today", operator);
    Download csv = csv("/api/v1/exports/feedback/summary?period=today&lang=en", operator);

    assertEquals(List.of("Group", "Code", "Name", "Received", "Open", "Overdue", "Answered",
        "Average answer time (hours)", "Satisfaction index (0-100)", "Average rating (1-5)", "Rated"), csv.header());
    List<List<String>> rows = csv.rows();
    assertEquals(List.of("Total", "", "All"), rows.get(0).subList(0, 3));
    assertFigures(rest, FEEDBACK_FIELDS, rows.get(0), 3, "total");
    int r = 1;
    for (String[] group : new String[][]{{"byDistrict", "District", "code"}, {"byCategory", "Category", "category"},
        {"byChannel", "Channel", "channel"}}) {
      JsonArray items = rest.getJsonArray(group[0]);
      assertFalse(items.isEmpty(), group[0]);
      for (int i = 0; i < items.size(); i++, r++) {
        JsonObject item = items.getJsonObject(i);
        assertEquals(group[1], rows.get(r).get(0));
        String key = item.getString(group[2]);
        assertEquals(key.startsWith("=") ? "'" + key : key, rows.get(r).get(1));
        assertFigures(item, FEEDBACK_FIELDS, rows.get(r), 3, group[0] + " " + key);
      }
    }
    assertEquals(rows.size(), r, "no rows beyond the summary's");
  }

  @Test
  void aFormulaInACategoryArrivesAsTextNotAsAFormula() {
    Download csv = csv("/api/v1/exports/feedback/summary?period=today", operator);

    List<String> row = csv.rows().stream().filter(r -> r.get(1).contains("HYPERLINK")).findFirst().orElseThrow();
    assertEquals("'" + FORMULA, row.get(1));
    assertEquals("'" + FORMULA, row.get(2));
    assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"xem\"\")\""),
        "quoted with its quotes doubled, the apostrophe first");
    assertTrue(csv.body().contains("\r\n") && !csv.body().replace("\r\n", "").contains("\n"), "records end with CRLF");
  }

  @Test
  void aDistrictOfficerExportsOnlyTheirDistrictAndIsRefusedCityWideExports() {
    Download own = csv("/api/v1/exports/kpi/agencies?period=today&district=CG", officer);
    assertTrue(own.rows().stream().allMatch(r -> r.get(0).equals("CG") || r.get(0).startsWith("CG-")),
        "only Cầu Giấy and its communes");
    Download ownAgency = csv("/api/v1/exports/kpi/agencies?period=today&agency=CG-03", officer);
    assertEquals(List.of("CG-03"), ownAgency.rows().stream().map(r -> r.get(0)).toList());
    Download feedback = csv("/api/v1/exports/feedback/summary?period=today&district=CG", officer);
    assertTrue(feedback.rows().stream().filter(r -> r.get(0).equals("Quận/huyện")).allMatch(r -> r.get(1).equals("CG")));

    for (String path : List.of("/api/v1/exports/kpi/agencies?period=today", "/api/v1/exports/kpi/agencies?district=BD",
        "/api/v1/exports/kpi/agencies?agency=BD-02", "/api/v1/exports/rankings/districts",
        "/api/v1/exports/rankings/agencies", "/api/v1/exports/feedback/summary",
        "/api/v1/exports/feedback/summary?district=BD", "/api/v1/exports/audit")) {
      HttpResponse<Buffer> r = api.send(HttpMethod.GET, path, officer, null);
      assertEquals(403, r.statusCode(), path + ": " + r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("error"), path);
    }
    assertEquals(401, api.send(HttpMethod.GET, "/api/v1/exports/rankings/districts", null, null).statusCode());
    assertEquals(403, api.send(HttpMethod.GET, "/api/v1/exports/audit", operator, null).statusCode());
  }

  @Test
  void badInputIsAJsonErrorNamingTheFieldBeforeAnyCsv() {
    String[][] cases = {
        {"/api/v1/exports/kpi/agencies?agency=XX-99", "agency"},
        {"/api/v1/exports/kpi/agencies?district=CG-03", "district"},
        {"/api/v1/exports/kpi/agencies?district=CG&agency=CG-03", "agency"},
        {"/api/v1/exports/feedback/summary?district=NOPE", "district"},
        {"/api/v1/exports/feedback/summary?channel=fax", "channel"},
        {"/api/v1/exports/rankings/districts?from=2026-11-30&to=2026-11-01", "to"},
        {"/api/v1/exports/rankings/districts?from=2026-13-01&to=2026-12-01", "from"},
        {"/api/v1/exports/rankings/districts?from=2026-11-01", "to"},
        {"/api/v1/exports/rankings/districts?from=2024-01-01&to=2026-11-30", "to"},
        {"/api/v1/exports/rankings/districts?period=month&from=2026-11-01&to=2026-11-30", "period"},
        {"/api/v1/exports/rankings/districts?period=week", "period"},
        {"/api/v1/exports/rankings/agencies?level=ward", "level"},
        {"/api/v1/exports/rankings/agencies?by=name", "by"},
        {"/api/v1/exports/feedback/summary?lang=fr", "lang"},
        {"/api/v1/exports/audit?from=yesterday", "from"},
        {"/api/v1/exports/audit?outcome=maybe", "outcome"}};
    for (String[] c : cases) {
      String token = c[0].contains("/audit") ? admin : operator;
      HttpResponse<Buffer> r = api.send(HttpMethod.GET, c[0], token, null);
      assertEquals(400, r.statusCode(), c[0] + ": " + r.bodyAsString());
      assertTrue(r.getHeader("Content-Type").startsWith("application/json"), c[0]);
      JsonObject body = r.bodyAsJsonObject();
      assertEquals("invalid_parameter", body.getString("error"), c[0]);
      assertEquals(c[1], body.getJsonArray("details").getJsonObject(0).getString("field"), c[0]);
      assertNull(r.getHeader("Content-Disposition"), c[0]);
    }
    assertEquals(200, api.send(HttpMethod.GET, "/api/v1/exports/rankings/districts?from=2025-12-01&to=2026-11-30",
        operator, null).statusCode(), "366 days, both included, are allowed");
  }

  @Test
  void auditCsvHasTheEntriesOfTheAuditRouteForTheSameFilter() {
    JsonArray rest = json("/api/v1/audit?action=auth.login&limit=500", admin).getJsonArray("items");
    Download csv = csv("/api/v1/exports/audit?action=auth.login&lang=en", admin);

    assertEquals(List.of("Id", "Time", "Actor", "Actor kind", "Action", "Target", "Outcome", "Address", "Details"),
        csv.header());
    assertTrue(rest.size() >= 3, "the sign-ins of this test: " + rest.size());
    assertTrue(csv.rows().size() >= rest.size(), "the export may have later sign-ins, not fewer");
    List<List<String>> tail = csv.rows().subList(csv.rows().size() - rest.size(), csv.rows().size());
    for (int i = 0; i < rest.size(); i++) {
      JsonObject e = rest.getJsonObject(i);
      List<String> row = tail.get(i);
      assertEquals(cell(e.getLong("id")), row.get(0));
      assertEquals(OffsetDateTime.parse(e.getString("at")).toInstant(), OffsetDateTime.parse(row.get(1)).toInstant());
      assertTrue(row.get(1).endsWith("+07:00"), "Hanoi time: " + row.get(1));
      assertEquals(List.of(cell(e.getString("actor")), e.getString("actorKind"), e.getString("action"),
          cell(e.getString("target")), e.getString("outcome"), cell(e.getString("address"))), row.subList(2, 8));
      assertEquals(e.getJsonObject("details"), new JsonObject(row.get(8)));
    }
  }

  @Test
  void twentyThousandAuditEntriesStreamWholeInChunksWithFormulasEscaped() {
    long inserted = api.count("WITH added AS (INSERT INTO audit_log (actor, actor_kind, action, target, outcome, details) "
        + "SELECT 'bulk-' || g, 'system', 'test.bulk', '=1+' || g, 'success', jsonb_build_object('n', g, 'note', 'a, \"b\"') "
        + "FROM generate_series(1, 20000) g RETURNING 1) SELECT count(*) FROM added");
    assertEquals(20_000, inserted);

    long started = System.nanoTime();
    Download csv = csv("/api/v1/exports/audit?action=test.bulk&outcome=success", admin);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals("chunked", csv.transferEncoding(), "written as it is read, not sized up front");
    assertEquals(20_000, csv.rows().size());
    assertEquals("bulk-20000", csv.rows().get(0).get(2), "newest first");
    assertEquals("bulk-1", csv.rows().get(19_999).get(2));
    assertTrue(csv.rows().stream().allMatch(r -> r.get(5).startsWith("'=1+")), "every formula escaped");
    assertEquals(new JsonObject().put("n", 1).put("note", "a, \"b\""), new JsonObject(csv.rows().get(19_999).get(8)));
    System.out.println("audit export of 20000 rows: " + csv.body().length() + " chars in " + millis + " ms");
  }
}
