package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.meeting.Meetings.call;
import static vn.hanoi.cityops.meeting.Meetings.expect;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/**
 * What the lobby prepares and what the briefing page then shows, in headless Chromium against a real node: a prepared
 * panel picked per agenda item in the lobby (a district ranking, Cầu Giấy's dossiers) is what a participant's screen
 * shows when the chair moves to that item; a panel's bad parameter is refused beside its field; a cancelled
 * briefing's page says so with the way back and nothing to join or drive, and an open page turns cancelled live;
 * "Join video" is beside the panel with the meeting's link, and absent without one.
 */
@NodeTest
class MeetingPreparedPanelsIT {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final String VIDEO = "https://video.hanoi.gov.vn/room/cg-7";
  private static Api api;
  private static String base;

  @BeforeAll
  static void start(Node node, Api started) {
    api = started;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @Test
  void aRankingPanelPreparedInTheLobbyIsWhatAParticipantSeesWhenTheChairMovesToItsItem() {
    String title = "Giao ban Cầu Giấy có bảng số liệu " + System.nanoTime();
    long id;
    try (Browser leader = signedIn(1366, 768, "leader", "/meetings.html")) {
      leader.await(LOAD, "the lobby's lists", d -> !leader.all("body[data-lobby='ready']").isEmpty());
      openNewForm(leader);
      type(leader, "title", title);
      new Select(leader.one("#briefing-form select[name='level']")).selectByValue("district");
      dateTime(leader, LOCAL.format(ZonedDateTime.of(LocalDate.now(HANOI).plusDays(1), LocalTime.of(8, 0), HANOI)));
      type(leader, "invitedPeople", "cg-officer");
      leader.one("#briefing-form input[name='agency-search']").sendKeys("Cầu Giấy");
      leader.await(LOAD, "Cầu Giấy among the matches", d -> !leader.all(".agency-match[data-code='CG']").isEmpty());
      leader.one(".agency-match[data-code='CG'] button[data-action='invite']").click();

      item(leader, 0, "Tình hình chung", "");
      leader.one("#briefing-form button[data-action='add-item']").click();
      item(leader, 1, "Xếp hạng các quận, huyện", "CG");
      panelKind(leader, 1, "district-ranking");
      assertEquals("overdueNow", new Select(leader.one("select[name='agenda[1].panel.by']")).getFirstSelectedOption().getAttribute("value"));
      assertTrue(leader.all("select[name='agenda[1].panel.district']").isEmpty(), "a ranking names no district");
      leader.one("#briefing-form button[data-action='add-item']").click();
      item(leader, 2, "Hồ sơ của Cầu Giấy", "CG");
      panelKind(leader, 2, "district-dossiers");
      assertEquals("CG", new Select(leader.one("select[name='agenda[2].panel.district']")).getFirstSelectedOption()
          .getAttribute("value"), "the district picker starts on the presenting district");
      leader.screenshot("lobby-prepared-panels-1366.png");
      leader.one("#briefing-form button[data-action='save']").click();
      leader.await(LOAD, "the briefing saved and listed", d -> leader.all("#editor:not(.hidden)").isEmpty()
          && listed(leader, title) != null);
      id = Long.parseLong(listed(leader, title));

      JsonArray agenda = ok(api, api.token("leader"), "GET", "/api/v1/meetings/" + id, null).getJsonArray("agenda");
      assertEquals(null, agenda.getJsonObject(0).getJsonObject("panel"));
      assertEquals(new JsonObject().put("kind", "district-ranking").put("by", "overdueNow"), agenda.getJsonObject(1).getJsonObject("panel"));
      assertEquals(new JsonObject().put("kind", "district-dossiers").put("district", "CG"), agenda.getJsonObject(2).getJsonObject("panel"));
      long rankingItem = agenda.getJsonObject(1).getLong("id");
      long dossiersItem = agenda.getJsonObject(2).getLong("id");

      // the chair starts it from the lobby; the participant follows on their own screen
      leader.one("li.briefing[data-id='" + id + "'] button[data-action='start']").click();
      leader.await(LOAD, "the chair's briefing page", d -> !leader.all("body[data-drives='true'] #agenda li[data-item]").isEmpty());
      try (Browser officer = signedIn(390, 844, "cg-officer", "/meeting.html?id=" + id)) {
        officer.await(LOAD, "the participant's page on the first item, no panel",
            d -> !officer.all("#room:not(.hidden) #agenda li.current").isEmpty());
        assertEquals("", officer.attr("#panel", "data-kind"));

        leader.one("#agenda li[data-item='" + rankingItem + "'] button").click();
        officer.await(LOAD, "the prepared ranking on the participant's screen",
            d -> officer.all("#panel[data-kind='district-ranking'] [data-code]").size() == 30);
        assertEquals(UiMessages.vi("mtg.kind.district-ranking"), words(officer, "#panel-title"));
        assertEquals(String.valueOf(rankingItem), officer.attr("#agenda li.current", "data-item"));
        assertFalse(officer.all("#panel [data-code='CG']").isEmpty(), "Cầu Giấy ranked among the districts");
        officer.screenshot("meeting-prepared-ranking-390.png");

        leader.one("#agenda li[data-item='" + dossiersItem + "'] button").click();
        officer.await(LOAD, "Cầu Giấy's dossiers on the participant's screen",
            d -> !officer.all("#panel[data-kind='district-dossiers'][data-district='CG']").isEmpty());
        assertTrue(words(officer, "#panel-title").startsWith(UiMessages.vi("mtg.kind.district-dossiers")), words(officer, "#panel-title"));
        assertEquals(List.of(), officer.consoleErrors());
      }
    }
  }

  @Test
  void aBadPanelParameterIsRefusedBesideItsFieldInThePagesLanguageAndAnUnknownDistrictNamesItsItem() {
    String title = "Giao ban xu hướng " + System.nanoTime();
    try (Browser b = signedIn(1366, 768, "leader", "/meetings.html")) {
      b.await(LOAD, "the lobby's lists", d -> !b.all("body[data-lobby='ready']").isEmpty());
      openNewForm(b);
      type(b, "title", title);
      dateTime(b, LOCAL.format(ZonedDateTime.now(HANOI).plusDays(1)));
      item(b, 0, "Xu hướng hồ sơ", "");
      panelKind(b, 0, "kpi-trend");
      WebElement days = b.one("input[name='agenda[0].panel.days']");
      days.clear();
      days.sendKeys("45");
      b.one("#briefing-form button[data-action='save']").click();
      String beside = ".agenda-item[data-position='1'] [data-error-for='agenda[0].panel.days']";
      b.await(LOAD, "the refusal beside the days", d -> UiMessages.vi("lobby.err.agenda.panel.days").equals(b.text(beside)));
      assertEquals("true", b.attr("input[name='agenda[0].panel.days']", "aria-invalid"));
      b.one("#lang").click();
      b.await(LOAD, "said again in English", d -> UiMessages.en("lobby.err.agenda.panel.days").equals(b.text(beside)));
    }
    assertTrue(ok(api, api.token("leader"), "GET", "/api/v1/meetings", null).getJsonArray("items").stream()
        .noneMatch(m -> title.equals(((JsonObject) m).getString("title"))), "nothing saved");

    // the node names the item whose panel it refuses, so the form shows it beside that item's district
    var refused = call(api, api.token("leader"), "POST", "/api/v1/meetings", briefing(title).put("agenda", new JsonArray()
        .add(new JsonObject().put("title", "Mở đầu"))
        .add(new JsonObject().put("title", "Hồ sơ").put("panel", new JsonObject().put("kind", "district-dossiers").put("district", "XX")))));
    expect(422, "unknown_reference", refused);
    assertEquals("agenda[1].panel.district", refused.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
  }

  @Test
  void aCancelledBriefingsPageSaysSoWithNoControlsAndAnOpenPageTurnsCancelledLive() {
    String title = "Giao ban bị hủy " + System.nanoTime();
    long id = ok(api, api.token("leader"), "POST", "/api/v1/meetings", briefing(title).put("videoUrl", VIDEO)).getLong("id");
    String path = "/meeting.html?id=" + id;
    try (Browser officer = signedIn(390, 844, "cg-officer", path)) {
      officer.await(LOAD, "the scheduled briefing's page", d -> !officer.all("#room:not(.hidden) #agenda li[data-item]").isEmpty());
      officer.await(LOAD, "Join video offered before the start", d -> !officer.all("#join-video:not(.hidden)").isEmpty());

      ok(api, api.token("leader"), "POST", "/api/v1/meetings/" + id + "/cancel", null);
      officer.await(LOAD, "the open page turned cancelled", d -> !officer.all("#cancelled:not(.hidden)").isEmpty());
      assertEquals(UiMessages.vi("mtg.cancelledTitle"), words(officer, "#cancelled-title"));
      assertEquals(UiMessages.vi("mtg.state.cancelled"), words(officer, "#meeting-state"));
      assertTrue(officer.all("#join-video:not(.hidden)").isEmpty(), "no video room for a cancelled briefing");
      assertTrue(officer.all(".meeting-grid:not(.hidden)").isEmpty(), "no agenda, hand or panel to act on");
      officer.screenshot("meeting-cancelled-live-390.png");
      fits(officer, true);
    }
    try (Browser chair = signedIn(1366, 768, "leader", path)) {
      chair.await(LOAD, "the cancelled state on opening", d -> !chair.all("#cancelled:not(.hidden)").isEmpty());
      String at = DateTimeFormatter.ofPattern("HH:mm").format(java.time.OffsetDateTime.parse(ok(api, api.token("leader"),
          "GET", "/api/v1/meetings/" + id, null).getString("scheduledAt")).atZoneSameInstant(HANOI));
      assertTrue(chair.text("#cancelled-facts").contains(at), "when it was to be held: " + chair.text("#cancelled-facts"));
      assertEquals(UiMessages.vi("mtg.backToLobby"), chair.text("#lobby-link"));
      assertTrue(chair.attr("#lobby-link", "href").endsWith("/meetings.html"));
      for (String control : List.of("#start", "#end", "#share", "#hand", "#join-video")) {
        assertFalse(chair.one(control).isDisplayed(), control + " is not offered");
      }
      chair.one("#lang").click();
      chair.await(LOAD, "said in English", d -> UiMessages.en("mtg.cancelledTitle").equals(words(chair, "#cancelled-title")));
      chair.screenshot("meeting-cancelled-1366.png");
      assertEquals(List.of(), chair.consoleErrors());
    }
    assertEquals(0L, api.count("SELECT count(*) FROM meeting_attendance WHERE meeting_id = " + id + " AND username = 'leader'"),
        "opening a cancelled briefing joins nothing");
  }

  @Test
  void joinVideoIsBesideThePanelWithTheMeetingsLinkAndAbsentWithoutOne() {
    String leader = api.token("leader");
    long withVideo = ok(api, leader, "POST", "/api/v1/meetings", briefing("Giao ban có video " + System.nanoTime())
        .put("videoUrl", VIDEO)).getLong("id");
    long without = ok(api, leader, "POST", "/api/v1/meetings", briefing("Giao ban không video " + System.nanoTime())).getLong("id");
    ok(api, leader, "POST", "/api/v1/meetings/" + withVideo + "/start", null);
    ok(api, leader, "POST", "/api/v1/meetings/" + without + "/start", null);
    try (Browser officer = signedIn(1366, 768, "cg-officer", "/meeting.html?id=" + withVideo)) {
      officer.await(LOAD, "Join video beside the panel", d -> !officer.all(".shared #join-video:not(.hidden)").isEmpty());
      assertEquals(UiMessages.vi("mtg.joinVideo"), officer.text("#join-video"));
      assertEquals(VIDEO, officer.attr("#join-video", "href"));
      assertEquals("_blank", officer.attr("#join-video", "target"));
      assertTrue(officer.attr("#join-video", "rel").contains("noopener"), officer.attr("#join-video", "rel"));
      officer.screenshot("meeting-join-video-1366.png");
      fits(officer, false);

      officer.open(base + "/meeting.html?id=" + without);
      officer.await(LOAD, "the other briefing's page", d -> !officer.all("#room:not(.hidden) #agenda li.current").isEmpty());
      assertTrue(officer.all("#join-video:not(.hidden)").isEmpty(), "no Join video without a video room");
      assertEquals(List.of(), officer.consoleErrors());
    }
    // the node takes only absolute http(s) links
    for (String bad : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,hi", "//video.hanoi.gov.vn/r")) {
      var r = call(api, leader, "POST", "/api/v1/meetings", briefing("Video lạ").put("videoUrl", bad));
      expect(400, "validation_failed", r);
      assertEquals("videoUrl", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"), bad);
    }
  }

  /** The page as every screen must be: no sideways scroll, text ≥ 14 px, (a phone) 44 px controls, axe, no errors. */
  private static void fits(Browser b, boolean phone) {
    assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scrolling");
    assertEquals(List.of(), Screen.textSmallerThan(b, 14), "no text below 14 px");
    if (phone) {
      assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "controls at least 44 px");
    }
    assertEquals(List.of(), Accessibility.seriousViolations(b), "axe");
    assertEquals(List.of(), b.consoleErrors());
  }

  private static JsonObject briefing(String title) {
    return new JsonObject().put("title", title).put("level", "district")
        .put("scheduledAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(HANOI).plusDays(1)))
        .put("invitedAgencies", new JsonArray().add("CG")).put("invitedPeople", new JsonArray().add("cg-officer"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "CG")));
  }

  private static Browser signedIn(int width, int height, String user, String path) {
    Browser b = new Browser(width, height, Browser.newProfile());
    b.signIn(base + path, user, TestNodes.DEMO_PASSWORD);
    return b;
  }

  private static void openNewForm(Browser b) {
    b.one("#new-briefing").click();
    b.await(LOAD, "the briefing form", d -> !b.all("#editor:not(.hidden) #briefing-form").isEmpty());
  }

  private static void type(Browser b, String name, String text) {
    WebElement input = b.one("#briefing-form input[name='" + name + "']");
    input.clear();
    input.sendKeys(text);
  }

  private static void dateTime(Browser b, String local) {
    b.script("const i = document.querySelector(\"#briefing-form input[name='scheduledAt']\"); i.value = arguments[0];"
        + " i.dispatchEvent(new Event('input', {bubbles: true}));", local);
  }

  private static void item(Browser b, int index, String title, String presenter) {
    b.await(LOAD, "agenda item " + (index + 1), d -> !b.all("input[name='agenda." + index + ".title']").isEmpty());
    WebElement input = b.one("input[name='agenda." + index + ".title']");
    input.clear();
    input.sendKeys(title);
    new Select(b.one("select[name='agenda[" + index + "].presenter']")).selectByValue(presenter);
  }

  private static void panelKind(Browser b, int index, String kind) {
    new Select(b.one("select[name='agenda[" + index + "].panel.kind']")).selectByValue(kind);
    b.await(LOAD, "the " + kind + " parameters", d -> kind.equals(b.script(
        "const e = document.querySelector(arguments[0]); return e ? e.value : null;", "select[name='agenda[" + index + "].panel.kind']")));
  }

  /** The words of an element as written (a heading's capitals are the style's). */
  private static String words(Browser b, String css) {
    return (String) b.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
  }

  private static String listed(Browser b, String title) {
    return (String) b.script("const li = [...document.querySelectorAll('#upcoming li.briefing')]"
        + ".find(e => e.querySelector('.briefing-title').textContent === arguments[0]); return li ? li.dataset.id : null;",
        title);
  }
}
