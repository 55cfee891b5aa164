package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/**
 * The briefings lobby in headless Chromium against a real node, its invitations through a real SMTP server
 * (GreenMail): a leader schedules a Cầu Giấy briefing (the district with its communes in one click, three agenda
 * items reordered) from the lobby; the invited Cầu Giấy officer sees it in their lobby and receives the invitation
 * with its calendar; the chair starts it from the lobby and the briefing page opens; a time in the past is refused
 * beside the time field in Vietnamese (then English); a cancelled briefing is marked; a copy is next week's; the lobby
 * fits a phone and a laptop.
 */
@NodeTest(config = {"notify.maxPerPersonPerMinute=10000", "notify.timeoutMs=3000"}, configFrom = MeetingLobbyIT.Smtp.class)
class MeetingLobbyIT {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final Duration MAIL = Duration.ofSeconds(20);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static Mailbox mailbox;
  private static Api api;
  private static String base;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return Map.of("notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port());
    }
  }

  @BeforeAll
  static void start(Node node, Api started) {
    api = started;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void aLeaderSchedulesACauGiayBriefingTheOfficerSeesItAndGetsItsCalendarAndTheChairStartsItFromTheLobby() throws Exception {
    String title = "Giao ban Cầu Giấy " + System.nanoTime();
    ZonedDateTime at = ZonedDateTime.of(LocalDate.now(HANOI).plusDays(1), LocalTime.of(9, 0), HANOI);
    long id;
    try (Browser leader = lobby(1366, 768, "leader")) {
      openNewForm(leader);
      type(leader, "title", title);
      new Select(leader.one("#briefing-form select[name='level']")).selectByValue("district");
      dateTime(leader, LOCAL.format(at));
      WebElement duration = leader.one("#briefing-form input[name='durationMinutes']");
      duration.clear();
      duration.sendKeys("90");
      type(leader, "videoUrl", "https://video.hanoi.gov.vn/room/cg");
      type(leader, "invitedPeople", "cg-officer");

      leader.one("#briefing-form input[name='agency-search']").sendKeys("Cầu Giấy");
      leader.await(LOAD, "Cầu Giấy among the matches", d -> !leader.all(".agency-match[data-code='CG']").isEmpty());
      assertEquals(UiMessages.vi("lobby.form.wholeDistrict.other", "8"),
          leader.text(".agency-match[data-code='CG'] button[data-action='whole-district']"));
      leader.one(".agency-match[data-code='CG'] button[data-action='whole-district']").click();
      leader.await(LOAD, "the district and its 8 communes invited", d -> leader.all(".agency-chips .chip").size() == 9);
      assertEquals(UiMessages.vi("lobby.form.invitedCount.other", "9"), leader.text(".agency-count"));

      item(leader, 0, "Hồ sơ quá hạn của quận", "CG");
      leader.one("#briefing-form button[data-action='add-item']").click();
      item(leader, 1, "Phản ánh kiến nghị", "CG-01");
      leader.one("#briefing-form button[data-action='add-item']").click();
      item(leader, 2, "Nhiệm vụ tuần tới", "");
      leader.one(".agenda-item[data-position='3'] button[data-action='up']").click();
      leader.await(LOAD, "the third item moved up", d -> "Nhiệm vụ tuần tới".equals(
          leader.one(".agenda-item[data-position='2'] input[name='agenda.1.title']").getAttribute("value")));
      leader.screenshot("lobby-form-1366.png");
      leader.one("#briefing-form button[data-action='save']").click();

      leader.await(LOAD, "the briefing listed as upcoming", d -> leader.all("#editor:not(.hidden)").isEmpty()
          && listed(leader, "#upcoming", title) != null);
      id = Long.parseLong(listed(leader, "#upcoming", title));
      assertEquals(UiMessages.vi("lobby.state.scheduled"), leader.text("li.briefing[data-id='" + id + "'] .badge.state"));

      JsonObject stored = ok(api, api.token("leader"), "GET", "/api/v1/meetings/" + id, null);
      assertEquals("district", stored.getString("level"));
      assertEquals(90, stored.getInteger("durationMinutes"));
      assertEquals(at.toInstant(), java.time.OffsetDateTime.parse(stored.getString("scheduledAt")).toInstant());
      assertEquals(9, stored.getJsonArray("invitedAgencies").size());
      assertTrue(stored.getJsonArray("invitedAgencies").contains("CG-08"), stored.encode());
      JsonArray agenda = stored.getJsonArray("agenda");
      assertEquals(List.of("Hồ sơ quá hạn của quận", "Nhiệm vụ tuần tới", "Phản ánh kiến nghị"),
          agenda.stream().map(i -> ((JsonObject) i).getString("title")).toList());
      assertEquals("CG", agenda.getJsonObject(0).getString("presenter"));
      assertEquals(null, agenda.getJsonObject(1).getString("presenter"));
      assertEquals("CG-01", agenda.getJsonObject(2).getString("presenter"));

      // the invitation: an iCalendar REQUEST with the meeting's UID
      MimeMessage mail = mailbox.await("cg-officer@localhost", s -> s.contains(title), 1, MAIL).get(0);
      List<String> lines = read(calendarPart(mail)).lines().toList();
      assertTrue(lines.contains("METHOD:REQUEST"), String.join("\n", lines));
      assertTrue(lines.contains("UID:meeting-" + id + "@localhost"), String.join("\n", lines));

      try (Browser officer = lobby(390, 844, "cg-officer")) {
        officer.await(LOAD, "the officer's lobby lists the briefing", d -> listed(officer, "#upcoming", title) != null);
        String theirs = "#upcoming li.briefing[data-id='" + id + "'] ";
        assertEquals(UiMessages.vi("lobby.action.video"), officer.text(theirs + "a[data-action='video']"));
        assertEquals("https://video.hanoi.gov.vn/room/cg", officer.attr(theirs + "a[data-action='video']", "href"));
        assertTrue(officer.all(theirs + "button[data-action='start']").isEmpty(), "only the chair starts it");
        assertTrue(officer.all(theirs + "button[data-action='cancel']").isEmpty(), "an officer does not cancel it");
        officer.screenshot("lobby-officer-390.png");
      }

      leader.one("li.briefing[data-id='" + id + "'] button[data-action='start']").click();
      leader.await(LOAD, "the briefing page open and running", d -> leader.url().endsWith("/meeting.html?id=" + id)
          && !leader.all("#room:not(.hidden) #agenda > *").isEmpty());
      assertEquals("in_progress", ok(api, api.token("leader"), "GET", "/api/v1/meetings/" + id, null).getString("state"));
      leader.one("header a[href='/meetings.html']").click();
      leader.await(LOAD, "back in the lobby, the briefing running", d -> listed(leader, "#running", title) != null);
    }
  }

  @Test
  void aBriefingInThePastIsRefusedBesideItsTimeInThePagesLanguageAndNothingIsSaved() {
    String title = "Giao ban đã qua " + System.nanoTime();
    try (Browser b = lobby(1366, 768, "leader")) {
      openNewForm(b);
      type(b, "title", title);
      dateTime(b, LOCAL.format(ZonedDateTime.now(HANOI).minusDays(1)));
      b.one("#briefing-form button[data-action='save']").click();
      String time = "#briefing-form [data-error-for='scheduledAt']";
      b.await(LOAD, "the refusal beside the time", d -> UiMessages.vi("lobby.err.scheduledAt.past").equals(b.text(time)));
      assertEquals("true", b.attr("#briefing-form input[name='scheduledAt']", "aria-invalid"));
      b.one("#lang").click();
      b.await(LOAD, "the refusal said again in English", d -> UiMessages.en("lobby.err.scheduledAt.past").equals(b.text(time)));
      assertTrue(ok(api, api.token("leader"), "GET", "/api/v1/meetings", null).getJsonArray("items").stream()
          .noneMatch(m -> title.equals(((JsonObject) m).getString("title"))), "nothing saved");
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void aCancelledBriefingIsMarkedAndACopyIsNextWeeksWithTheSameAgenda() {
    String title = "Giao ban Ba Đình " + System.nanoTime();
    ZonedDateTime at = ZonedDateTime.of(LocalDate.now(HANOI).plusDays(2), LocalTime.of(14, 30), HANOI);
    long id = ok(api, api.token("leader"), "POST", "/api/v1/meetings", new JsonObject().put("title", title)
        .put("level", "district").put("scheduledAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at))
        .put("invitedAgencies", new JsonArray().add("BD"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "BD")))).getLong("id");
    try (Browser b = lobby(1366, 768, "leader")) {
      b.await(LOAD, "the briefing listed", d -> listed(b, "#upcoming", title) != null);
      String cancel = "li.briefing[data-id='" + id + "'] button[data-action='cancel']";
      b.one(cancel).click();
      b.await(LOAD, "the cancel asks for a second press", d -> UiMessages.vi("lobby.action.cancelConfirm").equals(b.text(cancel)));
      b.one(cancel).click();
      String item = "li.briefing[data-id='" + id + "']";
      b.await(LOAD, "the briefing marked cancelled", d -> !b.all(item + "[data-state='cancelled']").isEmpty());
      assertEquals(UiMessages.vi("lobby.state.cancelled"), b.text(item + " .badge.state"));
      assertEquals("cancelled", ok(api, api.token("leader"), "GET", "/api/v1/meetings/" + id, null).getString("state"));
      assertTrue(b.all(item + " button[data-action='start'], " + item + " button[data-action='edit']").isEmpty());

      b.one(item + " button[data-action='copy']").click();
      b.await(LOAD, "the form prefilled from the copy", d -> !b.all("#briefing-form[data-mode='create']").isEmpty());
      assertEquals(title, b.one("#briefing-form input[name='title']").getAttribute("value"));
      assertEquals(LOCAL.format(at.plusDays(7)), b.one("#briefing-form input[name='scheduledAt']").getAttribute("value"));
      assertEquals("Hồ sơ quá hạn", b.one("#briefing-form input[name='agenda.0.title']").getAttribute("value"));
      assertEquals(1, b.all(".agency-chips .chip[data-code='BD']").size());
    }
  }

  @Test
  void theLobbyFitsAPhoneAndALaptopWithReadableTextThumbSizedControlsAndNoSeriousAccessibilityProblems() {
    ok(api, api.token("leader"), "POST", "/api/v1/meetings", new JsonObject().put("title", "Giao ban thành phố tuần này")
        .put("level", "city").put("scheduledAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(HANOI).plusDays(3)))
        .put("videoUrl", "https://video.hanoi.gov.vn/room/hn"));
    for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
      try (Browser b = lobby(size[0], size[1], "leader")) {
        b.await(LOAD, "a briefing listed", d -> !b.all("li.briefing").isEmpty());
        openNewForm(b);
        b.one("#briefing-form input[name='agency-search']").sendKeys("Cầu Giấy");
        b.await(LOAD, "the matches", d -> !b.all(".agency-match").isEmpty());
        b.one(".agency-match[data-code='CG'] button[data-action='invite']").click();
        String where = size[0] + "×" + size[1];
        assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scrolling at " + where);
        assertEquals(List.of(), Screen.textSmallerThan(b, 14), "no text below 14 px at " + where);
        if (size[0] < 500) {
          assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "controls at least 44 px at " + where);
        }
        assertEquals(List.of(), Accessibility.seriousViolations(b), "axe at " + where);
        b.screenshot("lobby-" + size[0] + "x" + size[1] + ".png");
        assertEquals(List.of(), b.consoleErrors());
      }
    }
  }

  private static Browser lobby(int width, int height, String user) {
    Browser b = new Browser(width, height, Browser.newProfile());
    b.signIn(base + "/meetings.html", user, TestNodes.DEMO_PASSWORD);
    b.await(LOAD, "the lobby's lists", d -> !b.all("body[data-lobby='ready']").isEmpty());
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

  /** A datetime-local field set as a date picker would (its typed form depends on the browser's locale). */
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

  /** The id of the briefing titled {@code title} in the list {@code list}, or null (read in one go: lists re-render). */
  private static String listed(Browser b, String list, String title) {
    return (String) b.script("const li = [...document.querySelectorAll(arguments[0] + ' li.briefing')]"
        + ".find(e => e.querySelector('.briefing-title').textContent === arguments[1]); return li ? li.dataset.id : null;",
        list, title);
  }

  private static Part calendarPart(Part part) throws Exception {
    if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
      return part;
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        try {
          return calendarPart(multi.getBodyPart(i));
        } catch (AssertionError notHere) {
          // look further
        }
      }
    }
    throw new AssertionError("no text/calendar part in " + part.getContentType());
  }

  private static String read(Part part) throws Exception {
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
