package vn.hanoi.cityops.screens;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader's summary page in Chromium against a node fed over its API: every section with the node's data on a
 * phone, an outage on screen within 2 s of its report and gone when the system is back, the leader landing on it
 * from a phone (not from the wall's screen), English without Vietnamese, an agency officer's own view, and the page
 * fitting a phone (one thumb-scroll: at most three screen heights), a laptop and a 1080p screen.
 */
@NodeTest
class SummaryPageIT {
  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final Pattern VIETNAMESE = Pattern.compile(
      "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", Pattern.CASE_INSENSITIVE);
  /** A system down since the start, its alert acknowledged by the operator. */
  private static final String DOWN = "QLVB";
  /** The system the live test takes down and brings back. */
  private static final String FLAKY = "CKS";
  private static final String LOADED = "#summary:not(.hidden) #outages li.outage";

  private static Api api;
  private static String base;
  private static String today;
  private static long meetingToday;

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
    health(DOWN, "down");
    String operator = api.token("operator");
    JsonObject alert = Wait.until(Duration.ofSeconds(10), () -> api.send(HttpMethod.GET, "/api/v1/alerts?state=firing&system=" + DOWN,
        operator, null).bodyAsJsonObject().getJsonArray("items"), items -> !items.isEmpty(), "the alert of " + DOWN).getJsonObject(0);
    HttpResponse<Buffer> ack = api.send(HttpMethod.POST, "/api/v1/alerts/" + alert.getLong("id") + "/acknowledge", operator,
        new JsonObject().put("note", "đang xử lý"));
    assertEquals(200, ack.statusCode(), ack.bodyAsString());

    String pastDue = now().minusHours(2).toString();
    JsonObject dossier = Events.dossier("sum-d-" + UUID.randomUUID(), "CG", "HS-SUM-1", "received")
        .put("occurredAt", now().toString()).put("receivedAt", now().minusDays(3).toString()).put("dueAt", pastDue);
    JsonObject feedback = Events.feedback("sum-f-" + UUID.randomUUID(), "CG", "received")
        .put("occurredAt", now().toString()).put("dueAt", pastDue);
    assertEquals(202, api.postEvents(Events.array(dossier, feedback)).statusCode());

    String leader = api.token("leader");
    today = "Giao ban sáng nay " + UUID.randomUUID().toString().substring(0, 6);
    long meeting = meeting(leader, today, now());
    meetingToday = meeting;
    meeting(leader, "Giao ban tuần sau", now().plusDays(7));
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + meeting + "/start", leader, new JsonObject()).statusCode());
    HttpResponse<Buffer> task = api.send(HttpMethod.POST, "/api/v1/meetings/" + meeting + "/tasks", leader, new JsonObject()
        .put("agency", "CG").put("description", "Giải quyết hồ sơ tồn đọng").put("deadline", now().plusSeconds(2).toString()));
    assertEquals(201, task.statusCode(), task.bodyAsString());
    Wait.until(Duration.ofSeconds(10), () -> api.send(HttpMethod.GET, "/api/v1/tasks?overdue=true", leader, null)
        .bodyAsJsonObject().getJsonArray("items"), items -> !items.isEmpty(), "the task past its deadline");
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MILLIS);
  }

  private static void health(String system, String status) {
    HttpResponse<Buffer> r = api.postEvents(Events.health("sum-" + UUID.randomUUID(), system, status)
        .put("occurredAt", now().toString()).encode());
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static long meeting(String leader, String title, OffsetDateTime at) {
    HttpResponse<Buffer> created = api.send(HttpMethod.POST, "/api/v1/meetings", leader, new JsonObject().put("title", title)
        .put("level", "city").put("scheduledAt", at.toString()).put("invitedAgencies", new JsonArray().add("CG"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn"))));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject().getLong("id");
  }

  private static Browser leaderOnSummary(int width, int height) {
    Browser b = new Browser(width, height, Browser.newProfile());
    b.signIn(base + "/summary.html", "leader", TestNodes.DEMO_PASSWORD);
    b.await(LOAD, "the summary with its outages", d -> !b.all(LOADED).isEmpty());
    return b;
  }

  @Test
  void onAPhoneEverySectionShowsTheNodesDataWithinThreeScreenHeights() {
    try (Browser b = leaderOnSummary(390, 844)) {
      b.await(LOAD, "every section filled", d -> b.all("#outages [data-key='system:" + DOWN + "'] .ack").size() == 1
          && !b.all("#worst-districts li.worst-row[data-code='CG']").isEmpty()
          && b.all("#kpis li.kpi").size() == 3
          && !b.all("#briefings li.briefing.in_progress").isEmpty()
          && !b.all("#tasks li.task").isEmpty());
      b.screenshot("summary/phone-vi.png");
      String outage = b.text("#outages [data-key='system:" + DOWN + "']");
      assertTrue(outage.contains("Hệ thống quản lý văn bản và điều hành") && outage.contains("operator")
          && outage.contains(UiMessages.vi("sum.kind.down")), outage);
      assertTrue(Integer.parseInt(b.attr("#overdue-dossiers", "data-value")) >= 1);
      assertTrue(Integer.parseInt(b.attr("#overdue-feedback", "data-value")) >= 1);
      assertTrue(b.text("#worst-districts").contains("Cầu Giấy"), b.text("#worst-districts"));
      assertTrue(b.text("#kpis").contains(UiMessages.vi("kpi.portal")) && b.text("#kpis").contains("18,7%"), b.text("#kpis"));
      String briefings = b.text("#briefings");
      assertTrue(briefings.contains(today) && briefings.contains("Giao ban tuần sau"), briefings);
      assertEquals(base + "/meeting.html?id=" + b.attr("#briefings li.in_progress", "data-id"),
          b.script("return document.querySelector('#briefings li.in_progress a').href;"));
      assertTrue(b.text("#tasks").contains("Giải quyết hồ sơ tồn đọng"), b.text("#tasks"));
      assertEquals(UiMessages.vi("sum.tasksCity"), b.script("return document.getElementById('tasks-heading').textContent;"),
          "HN, the city: every agency's tasks");
      long height = (Long) b.script("return document.documentElement.scrollHeight;");
      System.out.println("summary_phone_height px=" + height);
      assertTrue(height <= 3 * 844, "one thumb-scroll: the page is " + height + " px long on a 844 px phone");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void anOutageReportedThroughTheApiIsOnTheOpenSummaryWithinTwoSecondsAndLeavesWhenTheSystemIsBack() {
    try (Browser b = leaderOnSummary(390, 844)) {
      String row = "#outages [data-key='system:" + FLAKY + "']";
      assertTrue(b.all(row).isEmpty());
      long sent = System.nanoTime();
      health(FLAKY, "down");
      b.await(Duration.ofSeconds(5), "the outage on screen", d -> !b.all(row).isEmpty());
      long ms = (System.nanoTime() - sent) / 1_000_000;
      System.out.println("summary_outage_on_screen ms=" + ms);
      assertTrue(ms < 2_000, "down report → summary took " + ms + " ms");
      assertTrue(b.text(row).contains(UiMessages.vi("sum.notAcked")), b.text(row));
      sent = System.nanoTime();
      health(FLAKY, "up");
      b.await(Duration.ofSeconds(5), "the outage gone", d -> b.all(row).isEmpty());
      System.out.println("summary_outage_cleared ms=" + (System.nanoTime() - sent) / 1_000_000);
      assertTrue(b.all("#outages [data-key='system:" + DOWN + "']").size() == 1, "the other outage stays");
    }
  }

  @Test
  void aTaskAssignedWhileTheSummaryIsOpenShowsAsOverdueOnceItsDeadlinePassesWithoutAReload() {
    try (Browser b = leaderOnSummary(390, 844)) {
      b.await(LOAD, "the overdue task of the setup", d -> !b.all("#tasks li.task").isEmpty());
      String description = "Rà soát hồ sơ " + UUID.randomUUID().toString().substring(0, 6);
      HttpResponse<Buffer> task = api.send(HttpMethod.POST, "/api/v1/meetings/" + meetingToday + "/tasks", api.token("leader"),
          new JsonObject().put("agency", "DA").put("description", description).put("deadline", now().plusSeconds(2).toString()));
      assertEquals(201, task.statusCode(), task.bodyAsString());
      b.await(Duration.ofSeconds(20), "the new task overdue on screen", d -> b.text("#tasks").contains(description));
      assertEquals(UiMessages.vi("sum.taskCount.other", 2), b.text("#tasks-count"));
    }
  }

  @Test
  void aLeaderSigningInAtTheRootLandsOnTheSummaryOnAPhoneAndStaysOnTheWallOnA1080pScreen() {
    try (Browser phone = new Browser(390, 844, Browser.newProfile())) {
      phone.signIn(base + "/", "leader", TestNodes.DEMO_PASSWORD);
      phone.await(LOAD, "the summary", d -> !phone.all(LOADED).isEmpty());
      assertEquals(base + "/summary.html", phone.url());
    }
    try (Browser wall = new Browser(1920, 1080, Browser.newProfile())) {
      wall.signIn(base + "/", "leader", TestNodes.DEMO_PASSWORD);
      wall.await(LOAD, "the wall", d -> !wall.all("#wall:not(.hidden) #system-tiles > *").isEmpty());
      assertEquals(base + "/", wall.url());
    }
    try (Browser operator = new Browser(390, 844, Browser.newProfile())) {
      operator.signIn(base + "/", "operator", TestNodes.DEMO_PASSWORD);
      operator.await(LOAD, "the wall", d -> !operator.all("#wall:not(.hidden)").isEmpty());
      assertEquals(base + "/", operator.url(), "only the leader lands on the summary");
    }
    try (Browser shortAddress = new Browser(390, 844, Browser.newProfile())) {
      shortAddress.open(base + "/summary");
      shortAddress.await(LOAD, "the summary's sign-in", d -> !shortAddress.all("#sign-in").isEmpty());
      assertEquals(base + "/summary.html", shortAddress.url());
    }
  }

  @Test
  void whileTheLiveConnectionIsLostTheLiveSectionsSaySoAndStopSayingItOnceReconnected() {
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      // The page's WebSockets, kept where the test can close them, and sent nowhere while blocked.
      b.cdp("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
          const Native = WebSocket;
          window.testSockets = [];
          window.testBlockSockets = false;
          window.WebSocket = function (url, protocols) {
            const ws = new Native(window.testBlockSockets ? url.replace(/\\/ws$/, '/ws-blocked') : url, protocols);
            window.testSockets.push(ws);
            return ws;
          };
          window.WebSocket.prototype = Native.prototype;"""));
      b.signIn(base + "/summary.html", "leader", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the summary with its outages", d -> !b.all(LOADED).isEmpty());
      assertFalse(b.one("#sum-outages .stale-note").isDisplayed());
      b.script("window.testBlockSockets = true; window.testSockets.forEach(ws => ws.close());");
      b.await(Duration.ofSeconds(5), "the stale marks", d -> b.one("#sum-outages .stale-note").isDisplayed()
          && b.one("#sum-overdue .stale-note").isDisplayed() && b.one("#banner").isDisplayed());
      assertTrue(b.all(LOADED).size() >= 1, "what was shown stays, marked");
      assertEquals(UiMessages.vi("disconnected"), b.text("#connection"));
      b.screenshot("summary/phone-lost.png");
      b.script("window.testBlockSockets = false;");
      b.await(Duration.ofSeconds(15), "live again", d -> !b.one("#sum-outages .stale-note").isDisplayed()
          && UiMessages.vi("connected").equals(b.text("#connection")));
    }
  }

  @Test
  void theEnglishSwitchLeavesNoVietnameseOutsideWhatPeopleTyped() {
    try (Browser b = leaderOnSummary(390, 844)) {
      b.await(LOAD, "tasks and briefings", d -> !b.all("#tasks li.task").isEmpty() && !b.all("#briefings li.briefing").isEmpty());
      b.one("#lang").click();
      b.await(LOAD, "English", d -> UiMessages.en("sum.title").equals(b.text(".brand h1"))
          && b.text("#outages").contains(UiMessages.en("sum.kind.down")));
      b.screenshot("summary/phone-en.png");
      String visible = (String) b.script("""
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('.user-text, script, .hidden').forEach(e => e.remove());
          document.body.append(copy);
          const text = copy.innerText;
          copy.remove();
          return text;""");
      assertFalse(VIETNAMESE.matcher(visible).find(), visible);
      assertTrue(b.text("#outages").contains("Document management and operations system"), b.text("#outages"));
      assertEquals("en", b.attr("html", "lang"));
    }
  }

  @Test
  void anAgencyOfficerSeesTheirOwnAgencysFiguresWithoutTheCityWideSections() {
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.signIn(base + "/summary.html", "cg-officer", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the officer's summary", d -> !b.all("#summary:not(.hidden) #tasks li.task").isEmpty()
          && b.attr("#overdue-dossiers", "data-value") != null && !b.attr("#overdue-dossiers", "data-value").isEmpty());
      assertTrue(b.one("#scope-note").isDisplayed());
      assertTrue(b.text("#scope-note").contains("CG"), b.text("#scope-note"));
      assertFalse(b.one("#sum-outages").isDisplayed(), "outages are city-wide data");
      assertFalse(b.one("#sum-kpis").isDisplayed(), "headline KPIs are city-wide data");
      assertTrue(Integer.parseInt(b.attr("#overdue-dossiers", "data-value")) >= 1);
      b.await(LOAD, "the district's feedback", d -> !"".equals(b.attr("#overdue-feedback", "data-value")));
      assertTrue(Integer.parseInt(b.attr("#overdue-feedback", "data-value")) >= 1);
      assertTrue(b.text("#briefings").contains(today), "CG is invited: " + b.text("#briefings"));
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void thePageFitsAPhoneALaptopAnd1080pWithReadableTextReachableControlsAndNoAccessibilityFault() {
    List<String> problems = new ArrayList<>();
    for (int[] size : new int[][]{{390, 844}, {1366, 768}, {1920, 1080}}) {
      try (Browser b = leaderOnSummary(size[0], size[1])) {
        b.await(LOAD, "every section filled", d -> !b.all("#tasks li.task").isEmpty() && b.all("#kpis li.kpi").size() == 3);
        String where = size[0] + "×" + size[1] + " ";
        b.screenshot("summary/" + size[0] + "x" + size[1] + ".png");
        Screen.sidewaysScroll(b).forEach(p -> problems.add(where + "sideways: " + p));
        Screen.textSmallerThan(b, 14).forEach(p -> problems.add(where + "text: " + p));
        if (size[0] < 500) {
          Screen.touchTargetsSmallerThan(b, 44).forEach(p -> problems.add(where + "control: " + p));
        }
        Accessibility.seriousViolations(b).forEach(p -> problems.add(where + "axe: " + p));
        b.consoleErrors().forEach(p -> problems.add(where + "console: " + p));
      }
    }
    assertEquals(List.of(), problems);
    assertNotNull(base);
  }
}
