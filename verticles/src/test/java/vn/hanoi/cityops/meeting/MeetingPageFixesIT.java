package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The briefing page's fixes, in headless Chromium at a laptop's 1366×768: ending asks first (cancelling keeps the
 * meeting running) and then links the minutes instead of a raise-hand button; people are named by display name and
 * agency; the chair gives the floor to a raised hand and lowers another; a click on a district in the ranking shares
 * that district, and the district picker shows only for panels of a district; the ranking is drawn as bars as long
 * as their values; a deadline in the past is refused beside the field, in Vietnamese; while the node is away the
 * presence renewal fails without an unhandled rejection and the page says the connection is lost.
 */
@ExtendWith(VertxExtension.class)
class MeetingPageFixesIT {
  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final Duration LIVE = Duration.ofSeconds(3);
  private static final Map<String, Object> CONFIG = Map.of("simulator", "on", "simulator.daySeconds", 600, "simulator.rate", 40);

  private static Node node;
  private static Api api;
  private static String leader;

  @BeforeAll
  static void start(Vertx vertx) {
    node = TestNodes.start(CONFIG);
    api = new Api(vertx, node);
    leader = api.token("leader");
  }

  @AfterAll
  static void stop() {
    api.close();
    TestNodes.stop(node);
  }

  @Test
  void endingAsksFirstThenTheMinutesAreLinkedAndNobodyCanRaiseAHand() {
    long id = startedMeeting(api, leader);
    List<Browser> open = new ArrayList<>();
    try {
      Browser chair = room(open, node, id, "leader");
      Browser operator = room(open, node, id, "operator");
      assertTrue(operator.one("#hand").isDisplayed(), "a participant can raise a hand while the meeting runs");

      chair.one("#end").click();
      chair.await(LIVE, "the confirmation opens", d -> chair.one("#end-dialog").isDisplayed());
      assertEquals(UiMessages.vi("mtg.endConfirmTitle"), chair.text("#end-dialog-title"));
      chair.one("#end-cancel").click();
      chair.await(LIVE, "cancelling closes it", d -> !chair.one("#end-dialog").isDisplayed());
      assertEquals("in_progress", meeting(id).getString("state"), "cancelling keeps the meeting running");
      assertEquals("in_progress", operator.attr("body", "data-state"));

      chair.one("#end").click();
      chair.await(LIVE, "the confirmation opens again", d -> chair.one("#end-dialog").isDisplayed());
      chair.one("#end-confirm").click();
      for (Browser b : open) {
        b.await(LIVE, "the end on every screen, with the minutes linked", d -> "ended".equals(b.attr("body", "data-state"))
            && b.one("#ended").isDisplayed() && String.valueOf(b.attr("#minutes-link", "href")).startsWith("blob:"));
        assertFalse(b.one("#hand").isDisplayed(), "no raise-hand after the end");
        assertEquals(UiMessages.vi("mtg.minutesLink"), b.text("#minutes-link"));
      }
      assertEquals("ended", meeting(id).getString("state"));
      assertFalse(chair.one("#controls").isDisplayed(), "the chair's controls leave with the end");
      operator.screenshot("meeting-ended.png");
      noConsoleErrors(open);
      operator.driver().get(operator.attr("#minutes-link", "href"));
      String minutes = operator.text("body");
      assertTrue(minutes.contains("Giao ban sửa lỗi"), "the link opens this meeting's minutes: "
          + minutes.substring(0, Math.min(minutes.length(), 400)));
    } finally {
      open.forEach(Browser::close);
    }
  }

  @Test
  void peopleAreNamedByDisplayNameAndTheChairGivesTheFloorAndLowersAHand() {
    long id = startedMeeting(api, leader);
    List<Browser> open = new ArrayList<>();
    try {
      Browser chair = room(open, node, id, "leader");
      Browser operator = room(open, node, id, "operator");
      Browser officer = room(open, node, id, "cg-officer");
      operator.one("#hand").click();
      officer.one("#hand").click();
      chair.await(LIVE, "both hands reach the chair", d -> chair.all("#hands li[data-user]").size() == 2);
      String operatorLine = chair.text("#hands li[data-user='operator']");
      assertTrue(operatorLine.contains("Cán bộ trực Trung tâm điều hành"), operatorLine);
      assertFalse(operatorLine.startsWith("operator"), "not by username: " + operatorLine);
      chair.await(LIVE, "the present named with their agency",
          d -> chair.text("#presence li[data-user='cg-officer']").contains("Cán bộ UBND quận Cầu Giấy (Cầu Giấy)"));
      operator.await(LIVE, "every participant sees names too",
          d -> operator.text("#hands").contains("Cán bộ UBND quận Cầu Giấy"));

      chair.one("#hands li[data-user='operator'] button.give-floor").click();
      for (Browser b : open) {
        b.await(LIVE, "who has the floor, on every screen", d -> "operator".equals(b.attr("#floor", "data-user"))
            && b.text("#floor").contains("Cán bộ trực Trung tâm điều hành"));
      }
      operator.await(LIVE, "the speaker's hand is lowered", d -> operator.all("#hands li[data-user='operator']").isEmpty()
          && UiMessages.vi("mtg.raiseHand").equals(operator.text("#hand")));

      chair.one("#hands li[data-user='cg-officer'] button.lower-hand").click();
      officer.await(LIVE, "the chair lowered the officer's hand", d -> officer.all("#hands li[data-user]").isEmpty()
          && UiMessages.vi("mtg.raiseHand").equals(officer.text("#hand")));
      assertTrue(operator.all("#hands li[data-user] button").isEmpty(), "only those who drive give the floor");
      chair.screenshot("meeting-floor.png");
      noConsoleErrors(open);
    } finally {
      open.forEach(Browser::close);
    }
  }

  @Test
  void theRankingIsDrawnAsBarsAndAClickOnADistrictSharesThatDistrict() {
    long id = startedMeeting(api, leader);
    List<Browser> open = new ArrayList<>();
    try {
      Browser chair = room(open, node, id, "leader");
      Browser operator = room(open, node, id, "operator");
      new Select(chair.one("#kind")).selectByValue("district-ranking");
      assertFalse(chair.one("#district-field").isDisplayed(), "no district picker for the ranking");
      new Select(chair.one("#kind")).selectByValue("district-dossiers");
      assertTrue(chair.one("#district-field").isDisplayed(), "the picker for a district's dossiers");
      new Select(chair.one("#kind")).selectByValue("district-ranking");
      chair.one("#share").click();
      operator.await(LOAD, "the ranking as bars", d -> "district-ranking".equals(operator.attr("#panel", "data-kind"))
          && operator.all("#panel .bar-row").size() >= 2);

      // read at once: the panel's numbers move live (the simulator) and the bars are redrawn
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) operator.script("""
          return [...document.querySelectorAll('#panel .bar-row')].map(r => ({value: Number(r.dataset.value),
            pct: Number(r.querySelector('.bar').dataset.pct), zero: r.querySelector('.bar').classList.contains('zero'),
            width: r.querySelector('.bar').getBoundingClientRect().width,
            track: r.querySelector('.bar-track').getBoundingClientRect().width, text: r.textContent}));""");
      double max = rows.stream().mapToDouble(r -> ((Number) r.get("value")).doubleValue()).max().orElseThrow();
      for (Map<String, Object> r : rows) {
        double value = ((Number) r.get("value")).doubleValue();
        double pct = ((Number) r.get("pct")).doubleValue();
        double expected = max > 0 && value > 0 ? Math.max(1, 100 * value / max) : 0;
        assertEquals(expected, pct, 0.1, "a bar as long as its value: " + r.get("text"));
        if (value == 0) {
          assertTrue((Boolean) r.get("zero"), "a zero is neutral, not red: " + r.get("text"));
        }
        double track = ((Number) r.get("track")).doubleValue();
        assertEquals(pct / 100 * track, ((Number) r.get("width")).doubleValue(), 2.0, "drawn at that length: " + r.get("text"));
      }
      assertTrue(operator.all("#panel table").isEmpty(), "a chart, not a table");
      assertTrue(operator.all("#panel button").isEmpty(), "a participant's chart is not clickable");

      String district = chair.attr("#panel .bar-row:nth-child(2)", "data-code");
      // clicked in one step: the panel is redrawn when its figures move
      chair.script("document.querySelector('#panel .bar-row:nth-child(2) button').click()");
      operator.await(LIVE, "the clicked district shared on every screen",
          d -> "district-dossiers".equals(operator.attr("#panel", "data-kind")) && district.equals(operator.attr("#panel", "data-district")));
      operator.await(LIVE, "its communes as bars", d -> !operator.all("#panel .bar-row").isEmpty());
      operator.screenshot("meeting-district-bars.png");
      noConsoleErrors(open);
    } finally {
      open.forEach(Browser::close);
    }
  }

  @Test
  void aDeadlineInThePastIsRefusedBesideTheFieldInVietnamese() {
    long id = startedMeeting(api, leader);
    var refused = api.send(HttpMethod.POST, "/api/v1/meetings/" + id + "/tasks", leader, new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo").put("deadline", OffsetDateTime.now().minusHours(2).toString()));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertEquals("validation_failed", refused.bodyAsJsonObject().getString("error"));
    assertEquals("deadline", refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));

    List<Browser> open = new ArrayList<>();
    try {
      Browser chair = room(open, node, id, "leader");
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
      String min = chair.attr("#task-deadline", "min");
      assertTrue(min.equals(today.toString()) || min.equals(today.plusDays(1).toString()), "the date input starts today: " + min);
      chair.one("#task-text").sendKeys("Rà soát hồ sơ tồn đọng");
      chair.script("document.getElementById('task-deadline').value = arguments[0]", today.minusDays(1).toString());
      chair.one("#assign").click();
      chair.await(LIVE, "the refusal beside the deadline",
          d -> UiMessages.vi("mtg.err.deadline.past").equals(chair.text("#task-deadline-error")));
      assertEquals("true", chair.attr("#task-deadline", "aria-invalid"));
      assertEquals("", chair.text("#control-error"), "not as a sentence of the node's elsewhere");
      assertTrue(chair.all("#tasks li[data-task]").isEmpty(), "no task was assigned");
      assertEquals(List.of(), chair.consoleErrors().stream().filter(e -> !e.contains("/tasks - Failed to load resource: the server "
          + "responded with a status of 400")).toList(), "nothing but the refusal the test asked for");
    } finally {
      open.forEach(Browser::close);
    }
  }

  @Test
  void whileTheNodeIsAwayThePresenceRenewalFailsQuietlyAndThePageSaysTheConnectionIsLost(Vertx vertx) {
    Node away = TestNodes.start(Map.of("meeting.presenceTimeoutMs", 1500));
    Api awayApi = new Api(vertx, away);
    boolean stopped = false;
    try (Browser chair = new Browser(1366, 768, Browser.newProfile())) {
      long id = startedMeeting(awayApi, awayApi.token("leader"));
      enter(chair, away, id, "leader");
      chair.await(LIVE, "the presence renewed", d -> "renewed".equals(chair.attr("body", "data-presence")));
      awayApi.close();
      TestNodes.stop(away);
      stopped = true;
      chair.await(Duration.ofSeconds(10), "a renewal failed and the page says the connection is lost",
          d -> "failed".equals(chair.attr("body", "data-presence")) && chair.one("#banner").isDisplayed()
              && "lost".equals(chair.attr("#banner", "data-kind")));
      List<String> uncaught = chair.consoleErrors().stream().filter(e -> e.contains("Uncaught") || e.contains("in promise")).toList();
      assertEquals(List.of(), uncaught, "no unhandled rejection while the node is away");
    } finally {
      if (!stopped) {
        awayApi.close();
        TestNodes.stop(away);
      }
    }
  }

  private static long startedMeeting(Api api, String leader) {
    var created = api.send(HttpMethod.POST, "/api/v1/meetings", leader, new JsonObject().put("title", "Giao ban sửa lỗi")
        .put("level", "city").put("scheduledAt", OffsetDateTime.now().toString())
        .put("invitedAgencies", new JsonArray().add("CG").add("DA")).put("invitedPeople", new JsonArray().add("operator"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "CG"))));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long id = created.bodyAsJsonObject().getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + id + "/start", leader, new JsonObject()).statusCode());
    return id;
  }

  private static JsonObject meeting(long id) {
    return api.send(HttpMethod.GET, "/api/v1/meetings/" + id, leader, null).bodyAsJsonObject();
  }

  private static Browser room(List<Browser> open, Node at, long id, String user) {
    Browser b = new Browser(1366, 768, Browser.newProfile());
    open.add(b);
    enter(b, at, id, user);
    return b;
  }

  private static void enter(Browser b, Node at, long id, String user) {
    b.signIn("http://127.0.0.1:" + at.config().httpPort() + "/meeting.html?id=" + id, user, TestNodes.DEMO_PASSWORD);
    b.await(LOAD, user + " in the room, live", d -> "live".equals(b.attr("body", "data-connection"))
        && b.attr("body", "data-seq") != null);
  }

  private static void noConsoleErrors(List<Browser> open) {
    for (Browser b : open) {
      assertEquals(List.of(), b.consoleErrors());
    }
  }
}
