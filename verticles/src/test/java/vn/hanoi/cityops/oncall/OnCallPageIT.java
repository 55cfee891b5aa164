package vn.hanoi.cityops.oncall;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The on-call page in headless Chromium against a real development node (its team {@code sre-dc} owns every
 * system): an SRE makes a team through the page (a taken code and a system another team owns refused beside their
 * fields, in Vietnamese), gives it a weekly rotation and sees who is on call now and the next shifts, puts someone
 * on cover and sees them on call, makes a two-step escalation policy and has the team page by it, schedules a
 * maintenance window (one ending before it starts refused, in Vietnamese and after the switch in English) and ends
 * it. An operator reads the same page without a control to change anything, and the node refuses them too. The page
 * fits a laptop and a phone.
 */
@NodeTest
class OnCallPageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final String TEAMS = "/api/v1/oncall/teams";
  private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static Api api;
  private static String base;

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @Test
  void anSreSetsUpATeamItsRotationACoverAPolicyAndAMaintenanceWindowAndSeesEveryRefusalByItsField() {
    String sre = api.token("sre");
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/oncall.html", "sre", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the development team listed", d -> !b.all("#teams li[data-team='sre-dc']").isEmpty());
      assertEquals(UiMessages.vi("oc.title"), b.text("h1"));
      assertTrue(b.all("#read-only.hidden").size() == 1, "an SRE is not told the page is read-only");
      b.await(LOAD, "who is on call for the development team",
          d -> "sre".equals(b.text("article.now-team[data-team='sre-dc'] .now-layer[data-layer='primary'] .now-who")));

      // A team: its code taken, then a system another team owns, each refused beside its field.
      click(b, "button[data-action='add-team']");
      type(b, "#team-form input[name='code']", "sre-dc");
      type(b, "#team-form input[name='nameVi']", "Nhóm Cổng dịch vụ công");
      type(b, "#team-form input[name='nameEn']", "Public service portal team");
      type(b, "#team-form input[name='lead']", "sre");
      type(b, "#team-form input[name='members']", "sre, operator");
      click(b, "#team-form button[data-action='save']");
      awaitText(b, "#team-form [data-error-for='code']", UiMessages.vi("oc.err.code.conflict.team"));
      assertEquals("true", b.attr("#team-form input[name='code']", "aria-invalid"));

      type(b, "#team-form input[name='code']", "cong-dvc");
      click(b, "#team-form input[name='systems'][value='DVC-PORTAL']");
      click(b, "#team-form button[data-action='save']");
      String owned = UiMessages.vi("oc.ownedSystem", "DVC-PORTAL", "SRE Trung tâm dữ liệu");
      awaitText(b, "#team-form [data-error-for='systems']", UiMessages.vi("oc.err.code.system_owned", owned));
      assertEquals("", b.text("#team-form [data-error-for='code']"), "the code's refusal is gone");
      assertEquals(404, api.send(HttpMethod.GET, TEAMS + "/cong-dvc", sre, null).statusCode(), "nothing stored");

      // The development team is deleted (two presses), then the same form goes through.
      String remove = "#teams li[data-team='sre-dc'] button[data-action='delete']";
      click(b, remove);
      b.await(LOAD, "the delete button asks for a second press", d -> UiMessages.vi("oc.confirmDelete").equals(b.text(remove)));
      click(b, remove);
      b.await(LOAD, "the development team gone", d -> b.all("#teams li[data-team='sre-dc']").isEmpty());
      assertEquals("cong-dvc", b.one("#team-form input[name='code']").getAttribute("value"), "what was typed stays");
      click(b, "#team-form button[data-action='save']");
      b.await(LOAD, "the new team listed", d -> !b.all("#teams li[data-team='cong-dvc']").isEmpty() && b.all("#team-form").isEmpty());
      assertTrue(b.text("#teams li[data-team='cong-dvc'] [data-fact='systems']").contains("Cổng dịch vụ công trực tuyến"),
          b.text("#teams li[data-team='cong-dvc']"));
      JsonObject team = ok(api.send(HttpMethod.GET, TEAMS + "/cong-dvc", sre, null));
      assertEquals(List.of("operator", "sre"), team.getJsonArray("members").getList().stream().sorted().toList());
      assertEquals(List.of("DVC-PORTAL"), team.getJsonArray("systems").getList());

      // A weekly rotation of the two, from three weeks ago: who is on call now, and the next shifts in turn.
      String primary = "#rotations article.rotation[data-layer='primary']";
      b.await(LOAD, "the new team's rotations shown", d -> "cong-dvc".equals(b.script(
          "return document.getElementById('rotation-team')?.value")));
      click(b, primary + " button[data-action='create-rotation']");
      String form = primary + " form.rotation-form";
      assertEquals("weekly", new Select(b.one(form + " select[name='length']")).getFirstSelectedOption().getAttribute("value"));
      setValue(b, form + " input[name='startsOn']", LocalDate.now(HANOI).minusWeeks(3).toString());
      new Select(b.one(form + " select[name='add-member']")).selectByValue("operator");
      click(b, form + " button[data-action='add-member']");
      new Select(b.one(form + " select[name='add-member']")).selectByValue("sre");
      click(b, form + " button[data-action='add-member']");
      click(b, form + " li.member[data-username='sre'] button[data-action='up']");
      assertEquals(List.of("sre", "operator"), strings(b, form + " li.member", "username"));
      click(b, form + " button[data-action='save']");
      b.await(LOAD, "six shifts ahead", d -> b.all(primary + " .shifts li").size() == 6);
      JsonObject rotation = ok(api.send(HttpMethod.GET, TEAMS + "/cong-dvc/rotations", sre, null)).getJsonArray("items").getJsonObject(0);
      String onCall = rotation.getJsonObject("now").getString("username");
      String next = rotation.getJsonObject("next").getString("username");
      assertNotEquals(onCall, next);
      List<String> shifts = strings(b, primary + " .shifts li", "username");
      assertEquals(List.of(onCall, next, onCall, next, onCall, next), shifts, "the two take turns, week by week");
      String nowCard = "article.now-team[data-team='cong-dvc'] .now-layer[data-layer='primary']";
      b.await(LOAD, "who is on call now", d -> onCall.equals(b.text(nowCard + " .now-who")));
      assertEquals(next, b.attr(nowCard + " .now-next", "data-username"));

      // A cover from an hour ago: an unknown person refused beside the name, then the leader covers and is on call.
      click(b, primary + " button[data-action='add-cover']");
      String cover = primary + " form.cover-form";
      type(b, cover + " input[name='username']", "khong-co-ai");
      setValue(b, cover + " input[name='startsAt']", LocalDateTime.now(HANOI).minusHours(1).truncatedTo(ChronoUnit.MINUTES).format(LOCAL));
      type(b, cover + " input[name='reason']", "Trực thay kỳ nghỉ phép");
      click(b, cover + " button[data-action='save']");
      awaitText(b, cover + " [data-error-for='username']", UiMessages.vi("oc.err.code.unknown_reference", "khong-co-ai"));
      type(b, cover + " input[name='username']", "leader");
      click(b, cover + " button[data-action='save']");
      b.await(LOAD, "the leader on call, as a cover", d -> "leader".equals(b.text(nowCard + " .now-who"))
          && !b.all(nowCard + " .badge.cover").isEmpty());
      assertEquals("leader", strings(b, primary + " .shifts li", "username").get(0));
      assertTrue(b.all(primary + " .shifts li").get(0).getAttribute("class").contains("cover"));
      assertEquals(1, b.all(primary + " .covers li.cover-item").size());
      assertNotEquals("leader", b.attr(nowCard + " .now-next", "data-username"), "after the cover, the rotation again");

      // A policy of two steps, then the team pages by it.
      click(b, "button[data-action='add-policy']");
      type(b, "#policy-form input[name='code']", "cong-dvc-khan");
      type(b, "#policy-form input[name='name']", "Cổng DVC khẩn cấp");
      click(b, "#policy-form button[data-action='add-step']");
      type(b, "#policy-form input[name='steps.1.after']", "10");
      new Select(b.one("#policy-form select[name='steps.1.target']")).selectByValue("lead");
      type(b, "#policy-form input[name='remindEvery']", "30");
      click(b, "#policy-form button[data-action='save']");
      b.await(LOAD, "the policy listed with its two steps", d -> b.all("#policies li[data-policy='cong-dvc-khan'] .steps-summary li").size() == 2);
      JsonObject policy = ok(api.send(HttpMethod.GET, "/api/v1/oncall/policies/cong-dvc-khan", sre, null));
      assertEquals(new JsonArray().add(new JsonObject().put("after", "PT0S").put("target", "primary"))
          .add(new JsonObject().put("after", "PT10M").put("target", "lead")), strip(policy.getJsonArray("steps")));
      assertEquals("PT30M", policy.getString("remindEvery"));

      click(b, "#teams li[data-team='cong-dvc'] button[data-action='edit']");
      new Select(b.one("#team-form select[name='policy']")).selectByValue("cong-dvc-khan");
      click(b, "#team-form button[data-action='save']");
      b.await(LOAD, "the team pages by the policy", d -> b.all("#team-form").isEmpty()
          && String.valueOf(b.text("#teams li[data-team='cong-dvc']")).contains("Cổng DVC khẩn cấp"));
      assertEquals("cong-dvc-khan", ok(api.send(HttpMethod.GET, TEAMS + "/cong-dvc", sre, null)).getString("policy"));
      b.await(LOAD, "the now card names the policy", d -> String.valueOf(b.text("article.now-team[data-team='cong-dvc'] .now-head"))
          .contains(UiMessages.vi("oc.now.policy", "cong-dvc-khan")));
      assertEquals(UiMessages.vi("oc.policy.usedBy", "Nhóm Cổng dịch vụ công"), b.text("#policies li[data-policy='cong-dvc-khan'] .policy-used"));

      // A maintenance window ending before it starts: refused beside its end, in Vietnamese, then in English.
      click(b, "button[data-action='add-window']");
      click(b, "#window-form input[name='allSystems']");
      click(b, "#window-form input[name='systems'][value='DVC-PORTAL']");
      LocalDateTime now = LocalDateTime.now(HANOI).truncatedTo(ChronoUnit.MINUTES);
      setValue(b, "#window-form input[name='startsAt']", now.minusMinutes(10).format(LOCAL));
      setValue(b, "#window-form input[name='endsAt']", now.minusHours(1).format(LOCAL));
      type(b, "#window-form input[name='reason']", "Nâng cấp cơ sở dữ liệu cổng DVC");
      click(b, "#window-form button[data-action='save']");
      awaitText(b, "#window-form [data-error-for='endsAt']", UiMessages.vi("oc.err.endsAt.order"));
      assertEquals("true", b.attr("#window-form input[name='endsAt']", "aria-invalid"));
      b.screenshot("oncall-refusal-vi-1366.png");
      click(b, "#lang");
      awaitText(b, "#window-form [data-error-for='endsAt']", UiMessages.en("oc.err.endsAt.order"));
      assertEquals(UiMessages.en("oc.title"), b.text("h1"));
      assertEquals(UiMessages.en("oc.window.endsAt"), b.text("#window-form label.field:has(input[name='endsAt']) > span"));
      b.screenshot("oncall-refusal-en-1366.png");

      setValue(b, "#window-form input[name='endsAt']", now.plusHours(2).format(LOCAL));
      click(b, "#window-form button[data-action='save']");
      String window = "#windows li.window.active";
      b.await(LOAD, "the window holding pages now", d -> b.all(window).size() == 1 && b.all("#window-form").isEmpty());
      assertEquals(UiMessages.en("oc.window.active"), b.text(window + " .badge.window-active"));
      assertEquals("City online public-service portal", b.text(window + " .facts dd"), "the window's system, in English");
      assertEquals(1, ok(api.send(HttpMethod.GET, "/api/v1/oncall/maintenance-windows", sre, null)).getJsonArray("items").size());
      String end = window + " button[data-action='delete']";
      assertEquals(UiMessages.en("oc.window.end"), b.text(end));
      click(b, end);
      b.await(LOAD, "the end button asks for a second press", d -> UiMessages.en("oc.confirmDelete").equals(b.text(end)));
      click(b, end);
      b.await(LOAD, "the window ended", d -> b.all("#windows li.window").isEmpty());
      assertEquals(0, ok(api.send(HttpMethod.GET, "/api/v1/oncall/maintenance-windows", sre, null)).getJsonArray("items").size());
      b.screenshot("oncall-done-en-1366.png");
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void anOperatorReadsThePageWithoutAControlToChangeItAndTheNodeRefusesThemToo() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/oncall.html", "operator", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "who is on call", d -> !b.all("#now article.now-team").isEmpty() && !b.all("#teams li").isEmpty());
      assertEquals(UiMessages.vi("oc.readOnly"), b.text("#read-only"));
      assertEquals(List.of(), b.all("#oncall button[data-action]:not([data-action='rotations']), #oncall form, #oncall input, "
          + "#oncall select:not(#rotation-team)").stream().map(e -> e.getTagName() + " " + e.getAttribute("data-action")).toList(),
          "no control that changes anything");
      String operator = api.token("operator");
      HttpResponse<Buffer> refused = api.send(HttpMethod.POST, TEAMS, operator, new JsonObject().put("code", "nhom-van-hanh")
          .put("nameVi", "Nhóm vận hành").put("nameEn", "Operations").put("lead", "operator"));
      assertEquals(403, refused.statusCode(), refused.bodyAsString());
      assertEquals("forbidden", refused.bodyAsJsonObject().getString("error"));
      assertEquals(403, api.send(HttpMethod.POST, "/api/v1/oncall/maintenance-windows", operator, new JsonObject()).statusCode());
      b.screenshot("oncall-read-only-1366.png");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void thePageFitsALaptopAndAPhoneWithReadableTextAndThumbSizedControls() {
    for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
      try (Browser b = new Browser(size[0], size[1], Browser.newProfile())) {
        b.signIn(base + "/oncall.html", "sre", TestNodes.DEMO_PASSWORD);
        b.await(LOAD, "the page loaded", d -> !b.all("#now article.now-team").isEmpty()
            && !b.all("button[data-action='add-team']").isEmpty());
        click(b, "button[data-action='add-team']");
        click(b, "button[data-action='add-policy']");
        click(b, "#policy-form button[data-action='add-step']");
        new Select(b.one("#policy-form select[name='steps.1.target']")).selectByValue("user");
        click(b, "button[data-action='add-window']");
        click(b, "#window-form input[name='allSystems']");
        b.await(LOAD, "the forms open", d -> b.all("#team-form, #policy-form, #window-form").size() == 3);
        String where = size[0] + "×" + size[1];
        assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scrolling at " + where);
        assertEquals(List.of(), Screen.textSmallerThan(b, 14), "no text below 14 px at " + where);
        if (size[0] < 500) {
          assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "controls at least 44 px at " + where);
        }
        assertEquals("/sre.html", b.attr("header.top nav.links a", "href"), "the page links back to the console");
        b.screenshot("oncall-" + size[0] + "x" + size[1] + ".png");
        assertEquals(List.of(), b.consoleErrors());
      }
    }
  }

  @Test
  void theConsoleLinksTheOnCallPageFromItsHeader() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/sre.html", "sre", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the on-call link in the console's header",
          d -> UiMessages.vi("nav.oncall").equals(b.text("header.top a#oncall-link[href='/oncall.html']")));
      click(b, "#oncall-link");
      b.await(LOAD, "the on-call page", d -> b.url().endsWith("/oncall.html") && UiMessages.vi("oc.title").equals(b.text("h1")));
    }
  }

  private static void click(Browser b, String css) {
    b.await(LOAD, css, d -> !b.all(css).isEmpty() && b.one(css).isDisplayed() && b.one(css).isEnabled());
    b.one(css).click();
  }

  private static void type(Browser b, String css, String text) {
    b.await(LOAD, css, d -> !b.all(css).isEmpty());
    var input = b.one(css);
    input.clear();
    input.sendKeys(text);
  }

  /** A date or date-time picker's value, set as the picker would (typing into one depends on the browser's locale). */
  private static void setValue(Browser b, String css, String value) {
    b.await(LOAD, css, d -> !b.all(css).isEmpty());
    b.script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
        + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    assertEquals(value, b.script("return document.querySelector(arguments[0]).value", css), css);
  }

  private static void awaitText(Browser b, String css, String expected) {
    b.await(LOAD, "'" + expected + "' in " + css + " (seen '" + b.text(css) + "')", d -> expected.equals(b.text(css)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Browser b, String css, String data) {
    return (List<String>) b.script("return [...document.querySelectorAll(arguments[0])].map(e => e.dataset[arguments[1]])", css, data);
  }

  private static JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Steps as after and target (and username when there is one). */
  private static JsonArray strip(JsonArray steps) {
    JsonArray out = new JsonArray();
    steps.stream().map(JsonObject.class::cast).forEach(s -> {
      JsonObject step = new JsonObject().put("after", s.getString("after")).put("target", s.getString("target"));
      if (s.getString("username") != null) {
        step.put("username", s.getString("username"));
      }
      out.add(step);
    });
    return out;
  }
}
