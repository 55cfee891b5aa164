package vn.hanoi.cityops.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin page's alerting sections in headless Chromium against a real node: an SRE schedules a maintenance window
 * for tomorrow (listed by the on-call API with the times entered, Hanoi time); changes a rule's threshold out of range
 * and sees the refusal beside the field with nothing saved, then to a valid value that is saved; turns a rule off;
 * tests a rule against the last hour and sees when it would have fired (the answer checked against events posted
 * 20 minutes in the past, over REST too: nothing stored); silences alerts for longer than allowed (refused beside
 * the field), then for 90 minutes, and ends the silence; creates a latency rule (an unknown subject and a taken code
 * refused beside their fields) and deletes it after the confirm step. An operator sees none of these sections.
 */
@NodeTest
class AdminAlertingIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final String RULES = "/api/v1/alert-rules";

  private static Api api;
  private static String base;
  private static String sre;

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
    sre = api.token("sre");
  }

  @Test
  void anSreSchedulesAMaintenanceWindowForTomorrowAndTheOnCallApiListsItWithTheTimesEntered() {
    LocalDate tomorrow = LocalDate.now(HANOI).plusDays(1);
    LocalDateTime starts = tomorrow.atTime(22, 0);
    LocalDateTime ends = tomorrow.atTime(23, 30);
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
      click(b, "#windows-panel button[data-action='add-window']");
      click(b, "#window-form input[name='allSystems']");
      click(b, "#window-form input[name='systems'][value='DVC-PORTAL']");
      setValue(b, "#window-form input[name='startsAt']", starts.format(LOCAL));
      setValue(b, "#window-form input[name='endsAt']", ends.format(LOCAL));
      type(b, "#window-form input[name='reason']", "Nâng cấp cơ sở dữ liệu cổng DVC");
      click(b, "#window-form button[data-action='save']");
      b.await(LOAD, "the window listed, not yet holding pages", d -> b.all("#windows li.window").size() == 1 && b.all("#window-form").isEmpty());
      assertEquals(UiMessages.vi("oc.window.next"), b.text("#windows li.window .badge.window-next"));
      assertEquals("Cổng dịch vụ công trực tuyến thành phố", b.text("#windows li.window .facts dd"));
      b.screenshot("admin-window-vi-1366.png");
      assertEquals(List.of(), b.consoleErrors());
    }
    JsonArray windows = ok(api.send(HttpMethod.GET, "/api/v1/oncall/maintenance-windows", sre, null)).getJsonArray("items");
    assertEquals(1, windows.size());
    JsonObject w = windows.getJsonObject(0);
    assertEquals(starts.toInstant(HANOI), OffsetDateTime.parse(w.getString("startsAt")).toInstant());
    assertEquals(ends.toInstant(HANOI), OffsetDateTime.parse(w.getString("endsAt")).toInstant());
    assertEquals(List.of("DVC-PORTAL"), w.getJsonArray("systems").getList());
    assertEquals("Nâng cấp cơ sở dữ liệu cổng DVC", w.getString("reason"));
  }

  @Test
  void anSreSeesAnOutOfRangeThresholdRefusedBesideItsFieldWithNothingSavedThenSavesAValidOneAndTurnsARuleOff() {
    String rule = "li[data-rule='on-time-below.city']";
    String form = rule + " form.rule-form";
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
      click(b, rule + " button[data-action='edit']");
      assertEquals("90", b.one(form + " input[name='threshold']").getAttribute("value"));
      type(b, form + " input[name='threshold']", "150");
      click(b, form + " button[data-action='save']");
      awaitText(b, form + " [data-error-for='threshold']", UiMessages.vi("adm.alert.err.threshold.agency_on_time_below"));
      assertEquals("true", b.attr(form + " input[name='threshold']", "aria-invalid"));
      assertEquals(90.0, rule("on-time-below.city").getDouble("threshold"), "nothing saved");
      b.screenshot("admin-rule-refused-vi-1366.png");
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='threshold']", UiMessages.en("adm.alert.err.threshold.agency_on_time_below"));
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='threshold']", UiMessages.vi("adm.alert.err.threshold.agency_on_time_below"));

      type(b, form + " input[name='threshold']", "85");
      type(b, form + " input[name='forSeconds']", "120");
      click(b, form + " button[data-action='save']");
      b.await(LOAD, "the form closed and the rule shows its new threshold", d -> b.all(form).isEmpty()
          && String.valueOf(b.text(rule + " [data-fact='threshold']")).contains("85%"));
      JsonObject saved = rule("on-time-below.city");
      assertEquals(85.0, saved.getDouble("threshold"));
      assertEquals(120, saved.getInteger("forSeconds"));
      assertEquals(92.0, saved.getDouble("clearThreshold"), "a field left as it was stays");

      String degraded = "li[data-rule='system-degraded.cks']";
      assertEquals(UiMessages.vi("adm.rules.enabled"), b.text(degraded + " .badge.state"));
      click(b, degraded + " button[data-action='toggle']");
      b.await(LOAD, "the rule shown off", d -> UiMessages.vi("adm.rules.disabled").equals(b.text(degraded + " .badge.state")));
      assertFalse(rule("system-degraded.cks").getBoolean("enabled"));
      assertEquals(UiMessages.vi("adm.rules.enable"), b.text(degraded + " button[data-action='toggle']"));
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void anSreCreatesALatencyRuleSeeingOnlyItsKindsFieldsAndEachRefusalBesideItsFieldThenDeletesItAfterConfirming() {
    String form = "#new-rule-form";
    String code = "latency-high.wan.strict";
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
      click(b, "#rules-panel button[data-action='add-rule']");
      // A windowed KPI kind shows its window and watches the city; an agency is typed, and an unknown one is refused.
      choose(b, form + " select[name='kind']", "kpi_drop_rate");
      assertFalse(b.all(form + " input[name='windowMinutes']").isEmpty(), "a KPI rate has a window");
      assertEquals(List.of("", "HN"), options(b, form + " select[name='subject']"));
      choose(b, form + " select[name='kind']", "agency_on_time_below");
      type(b, form + " input[name='code']", "on-time-below.khong-co");
      type(b, form + " input[name='subject']", "KHONG-CO");
      type(b, form + " input[name='threshold']", "80");
      type(b, form + " input[name='windowMinutes']", "60");
      click(b, form + " button[data-action='save']");
      awaitText(b, form + " [data-error-for='subject']", UiMessages.vi("adm.alert.err.code.unknown_reference.agency_on_time_below"));

      // Latency: a system to pick, thresholds, no window; the threshold typed stays when the kind changes.
      choose(b, form + " select[name='kind']", "latency_high");
      assertTrue(b.all(form + " input[name='windowMinutes']").isEmpty(), "a latency rule has no window");
      assertEquals("80", b.one(form + " input[name='threshold']").getAttribute("value"));
      assertTrue(options(b, form + " select[name='subject']").contains("WAN"));
      choose(b, form + " select[name='subject']", "WAN");
      type(b, form + " input[name='code']", "latency-high.wan");
      type(b, form + " input[name='threshold']", "2500");
      type(b, form + " input[name='clearThreshold']", "1800");
      type(b, form + " input[name='forSeconds']", "30");
      click(b, form + " button[data-action='save']");
      awaitText(b, form + " [data-error-for='code']", UiMessages.vi("adm.alert.err.code.conflict"));
      assertEquals("true", b.attr(form + " input[name='code']", "aria-invalid"));
      assertTrue(rules().stream().noneMatch(r -> "latency-high.wan".equals(r.getString("code")) && r.getDouble("threshold") == 2500));
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='code']", UiMessages.en("adm.alert.err.code.conflict"));
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='code']", UiMessages.vi("adm.alert.err.code.conflict"));

      type(b, form + " input[name='code']", code);
      click(b, form + " button[data-action='save']");
      String item = "li[data-rule='" + code + "']";
      b.await(LOAD, "the rule listed and the form closed", d -> !b.all(item).isEmpty() && b.all(form).isEmpty());
      assertTrue(b.text(item + " [data-fact='threshold']").contains("2.500 ms"), b.text(item + " [data-fact='threshold']"));
      JsonObject created = rule(code);
      assertEquals("latency_high", created.getString("kind"));
      assertEquals("WAN", created.getString("subject"));
      assertEquals(2500.0, created.getDouble("threshold"));
      assertEquals(1800.0, created.getDouble("clearThreshold"));
      assertEquals(30, created.getInteger("forSeconds"));
      assertNull(created.getInteger("windowMinutes"));
      b.screenshot("admin-rule-created-vi-1366.png");

      // Deleting asks first, saying its open alerts are resolved; keeping it changes nothing.
      click(b, item + " button[data-action='delete']");
      awaitText(b, item + " .rule-delete-confirm .confirm-text", UiMessages.vi("adm.rules.deleteQuestion", code));
      click(b, item + " button[data-action='cancel-delete']");
      b.await(LOAD, "the confirm gone", d -> b.all(item + " .rule-delete-confirm").isEmpty());
      assertEquals(code, rule(code).getString("code"), "kept");
      click(b, item + " button[data-action='delete']");
      click(b, item + " button[data-action='confirm-delete']");
      b.await(LOAD, "the rule gone from the list", d -> b.all(item).isEmpty());
      assertTrue(rules().stream().noneMatch(r -> code.equals(r.getString("code"))), "REST no longer lists it");
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void anSreTestsARuleAgainstTheLastHourAndSeesWhenItWouldHaveFiredWithNothingStored() {
    Instant downAt = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    health("WAN", "up", downAt.minus(20, ChronoUnit.MINUTES));
    health("WAN", "down", downAt);
    long down = rule("system-down.wan").getLong("id");
    long latency = rule("latency-high.wan").getLong("id");

    JsonObject answer = ok(api.send(HttpMethod.POST, RULES + "/" + down + "/test", sre, null));
    JsonArray firings = answer.getJsonArray("firings");
    assertEquals(1, firings.size(), answer.encodePrettily());
    JsonObject fired = firings.getJsonObject(0);
    assertEquals("WAN", fired.getString("subject"));
    assertEquals(downAt, Instant.parse(fired.getString("firedAt")), "fired when the system went down");
    assertEquals(1.0, fired.getDouble("value"));
    assertNull(fired.getString("clearedAt"), "still down at the end of the hour");
    assertEquals(false, answer.getBoolean("stored"));

    JsonObject never = ok(api.send(HttpMethod.POST, RULES + "/" + latency + "/test", sre, new JsonObject()));
    assertEquals(0, never.getJsonArray("firings").size(), "120 ms never crossed 3,000 ms: " + never.encodePrettily());
    assertTrue(never.getInteger("observations") >= 2, never.encodePrettily());
    JsonObject lower = ok(api.send(HttpMethod.POST, RULES + "/" + latency + "/test", sre,
        new JsonObject().put("threshold", 100).put("clearThreshold", 50)));
    assertEquals("WAN", lower.getJsonArray("firings").getJsonObject(0).getString("subject"), "an unsaved lower threshold fires");
    assertEquals(3000.0, rule("latency-high.wan").getDouble("threshold"), "a test saves nothing");
    HttpResponse<Buffer> invalid = api.send(HttpMethod.POST, RULES + "/" + latency + "/test", sre,
        new JsonObject().put("threshold", -1));
    assertEquals(400, invalid.statusCode(), invalid.bodyAsString());
    assertEquals("threshold", invalid.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    assertEquals(403, api.send(HttpMethod.POST, RULES + "/" + down + "/test", api.token("operator"), null).statusCode());
    JsonObject kpi = ok(api.send(HttpMethod.POST, RULES + "/" + rule("feedback-overdue-above").getLong("id") + "/test", sre, null));
    assertEquals(60, kpi.getInteger("observations"), "a KPI rule observed at each minute of the hour: " + kpi.encodePrettily());
    assertEquals(0, kpi.getJsonArray("firings").size(), "no overdue feedback in a fresh city");

    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
      String wan = "li[data-rule='system-down.wan']";
      click(b, wan + " button[data-action='test']");
      String firing = wan + " .rule-test li.firing[data-subject='WAN']";
      b.await(LOAD, "the would-have-fired list", d -> !b.all(firing).isEmpty());
      assertEquals(downAt, Instant.parse(b.attr(firing, "data-fired-at")));
      assertEquals(UiMessages.vi("adm.rules.test.stillFiring"), b.text(firing + " .firing-end"));
      assertTrue(b.text(firing + " .firing-subject").startsWith("Mạng diện rộng WAN thành phố"), b.text(firing));

      String high = "li[data-rule='latency-high.wan']";
      click(b, high + " button[data-action='edit']");
      type(b, high + " form input[name='threshold']", "100");
      type(b, high + " form input[name='clearThreshold']", "50");
      click(b, high + " button[data-action='test-edited']");
      b.await(LOAD, "the edited rule would have fired", d -> !b.all(high + " .rule-test li.firing[data-subject='WAN']").isEmpty());
      assertEquals(UiMessages.vi("adm.rules.test.edited"), b.text(high + " .rule-test p.hint"));
      type(b, high + " form input[name='threshold']", "5000");
      type(b, high + " form input[name='clearThreshold']", "4000");
      click(b, high + " button[data-action='test-edited']");
      b.await(LOAD, "a threshold never crossed: no firing", d -> "0".equals(b.attr(high + " .rule-test .summary", "data-firings")));
      assertEquals(UiMessages.vi("adm.rules.test.none"), b.text(high + " .rule-test .summary"));
      b.screenshot("admin-rule-test-vi-1366.png");
      assertEquals(3000.0, rule("latency-high.wan").getDouble("threshold"), "testing saved nothing");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void anSreSilencesAlertsForTooLongAndIsRefusedBesideTheFieldThenSilencesAndEndsIt() {
    HttpResponse<Buffer> tooFar = api.send(HttpMethod.POST, "/api/v1/silences", sre, new JsonObject().put("subject", "WAN")
        .put("endsAt", OffsetDateTime.now(HANOI).plusDays(31).toString()).put("reason", "quá dài"));
    assertEquals(400, tooFar.statusCode(), tooFar.bodyAsString());
    assertEquals("endsAt", tooFar.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
      click(b, "button[data-action='add-silence']");
      type(b, "#silence-form input[name='subject']", "WAN");
      type(b, "#silence-form input[name='durationMinutes']", "50000");
      type(b, "#silence-form input[name='reason']", "Khắc phục sự cố mạng WAN");
      click(b, "#silence-form button[data-action='save']");
      awaitText(b, "#silence-form [data-error-for='durationMinutes']", UiMessages.vi("adm.alert.err.durationMinutes"));
      assertEquals(0, activeSilences().size(), "nothing stored");

      new Select(b.one("#silence-form select[name='endBy']")).selectByValue("time");
      setValue(b, "#silence-form input[name='endsAt']", LocalDateTime.now(HANOI).plusDays(40).format(LOCAL));
      click(b, "#silence-form button[data-action='save']");
      awaitText(b, "#silence-form [data-error-for='endsAt']", UiMessages.vi("adm.alert.err.endsAt"));
      assertEquals(0, activeSilences().size(), "nothing stored");

      new Select(b.one("#silence-form select[name='endBy']")).selectByValue("duration");
      type(b, "#silence-form input[name='durationMinutes']", "90");
      click(b, "#silence-form button[data-action='save']");
      b.await(LOAD, "the silence listed", d -> b.all("#silences li.silence").size() == 1 && b.all("#silence-form").isEmpty());
      assertTrue(b.text("#silences li.silence [data-fact='subject']").startsWith("Mạng diện rộng WAN thành phố"));
      JsonArray active = activeSilences();
      assertEquals(1, active.size());
      JsonObject silence = active.getJsonObject(0);
      assertEquals("WAN", silence.getString("subject"));
      assertEquals("sre", silence.getString("createdBy"));
      long seconds = Duration.between(Instant.parse(silence.getString("startsAt")), Instant.parse(silence.getString("endsAt"))).toSeconds();
      assertTrue(Math.abs(seconds - 5400) <= 5, "ninety minutes: " + seconds + " s");
      b.screenshot("admin-silence-vi-1366.png");

      click(b, "#silences li.silence button[data-action='end']");
      b.await(LOAD, "no silence left", d -> b.all("#silences li.silence").isEmpty());
      assertEquals(0, activeSilences().size());
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void anOperatorSeesNoAlertingSectionAndAnAdminReadsTheRulesWithoutControls() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "operator", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the page started", d -> !b.all("#admin:not(.hidden)").isEmpty());
      assertEquals(List.of(), b.all("#rules-panel, #silences-panel, #windows-panel"));
      assertEquals(List.of(), b.consoleErrors());
    }
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the rules listed", d -> !b.all("#rules li.rule").isEmpty() && !b.all("#silences-panel").isEmpty());
      assertEquals(UiMessages.vi("adm.rules.readOnly"), b.text("#rules-panel > p.hint"));
      assertEquals(List.of(), b.all("#rules-panel button, #silences-panel button"), "an admin reads rules and silences");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void theSectionsFitALaptopAndAPhoneWithReadableTextThumbSizedControlsAndNoSeriousAccessibilityProblem() {
    for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
      try (Browser b = new Browser(size[0], size[1], Browser.newProfile())) {
        b.signIn(base + "/admin.html", "sre", TestNodes.DEMO_PASSWORD);
        click(b, "li[data-rule='latency-high.dvc-portal'] button[data-action='edit']");
        click(b, "li[data-rule='system-down.dvc-portal'] button[data-action='test']");
        click(b, "button[data-action='add-silence']");
        click(b, "#windows-panel button[data-action='add-window']");
        click(b, "#rules-panel button[data-action='add-rule']");
        click(b, "li[data-rule='system-down.dvc-portal'] button[data-action='delete']");
        b.await(LOAD, "the forms and the test open", d -> b.all("form.rule-form, #silence-form, #window-form").size() == 4
            && !b.all(".rule-delete-confirm").isEmpty()
            && !b.all(".rule-test").isEmpty());
        String where = size[0] + "×" + size[1];
        assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scrolling at " + where);
        assertEquals(List.of(), Screen.textSmallerThan(b, 14), "no text below 14 px at " + where);
        if (size[0] < 500) {
          assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "controls at least 44 px at " + where);
        }
        assertEquals(List.of(), Accessibility.seriousViolations(b), "axe at " + where);
        b.screenshot("admin-alerting-" + size[0] + "x" + size[1] + ".png");
        assertEquals(List.of(), b.consoleErrors());
      }
    }
  }

  private static void health(String system, String status, Instant at) {
    HttpResponse<Buffer> r = api.postEvents(Events.health("adm-" + UUID.randomUUID(), system, status)
        .put("occurredAt", at.atOffset(HANOI).toString()).encode());
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  private static JsonObject rule(String code) {
    return rules().stream().filter(r -> code.equals(r.getString("code"))).findFirst().orElseThrow();
  }

  private static List<JsonObject> rules() {
    return ok(api.send(HttpMethod.GET, RULES, sre, null)).getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static void choose(Browser b, String css, String value) {
    b.await(LOAD, css, d -> !b.all(css).isEmpty());
    new Select(b.one(css)).selectByValue(value);
  }

  @SuppressWarnings("unchecked")
  private static List<String> options(Browser b, String css) {
    return (List<String>) b.script("return [...document.querySelector(arguments[0]).options].map(o => o.value)", css);
  }

  private static JsonArray activeSilences() {
    return ok(api.send(HttpMethod.GET, "/api/v1/silences", sre, null)).getJsonArray("items");
  }

  private static JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Clicks {@code css} once it is shown; a list drawn again meanwhile (a section's first render) is clicked again. */
  private static void click(Browser b, String css) {
    b.await(LOAD, css, d -> {
      try {
        if (b.all(css).isEmpty() || !b.one(css).isDisplayed() || !b.one(css).isEnabled()) {
          return false;
        }
        b.one(css).click();
        return true;
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
  }

  private static void type(Browser b, String css, String text) {
    b.await(LOAD, css, d -> {
      try {
        if (b.all(css).isEmpty()) {
          return false;
        }
        var input = b.one(css);
        input.clear();
        input.sendKeys(text);
        return true;
      } catch (StaleElementReferenceException redrawn) {
        return false;
      }
    });
  }

  /** A date-time picker's value, set as the picker would (typing into one depends on the browser's locale). */
  private static void setValue(Browser b, String css, String value) {
    b.await(LOAD, css, d -> !b.all(css).isEmpty());
    b.script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    assertEquals(value, b.script("return document.querySelector(arguments[0]).value", css), css);
  }

  private static void awaitText(Browser b, String css, String expected) {
    b.await(LOAD, "'" + expected + "' in " + css + " (seen '" + b.text(css) + "')", d -> expected.equals(b.text(css)));
  }
}
