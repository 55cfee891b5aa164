package vn.hanoi.cityops.admin;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin page's people sections in headless Chromium against a real node: an admin creates an agency officer
 * for Cầu Giấy (an unknown agency and a taken username each refused beside their field, in Vietnamese, then in
 * English after the switch) who then signs in, changes their roles, sets a new password and disables them; makes
 * an API key whose secret is shown once and copied from the page, sends an event with it, sees "last used", revokes
 * it and the key is refused; issues a wall display whose kiosk link (with its QR code) opens the wall in another
 * browser, and revoking it puts the revoked banner on that wall. An operator sees none of these sections, nor the
 * admin link in the headers an SRE sees. (A person's contact points from the admin page: AdminContactPointsIT.)
 */
@NodeTest
class AdminPeopleIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final String NEW_USER = "cg.tran.thi.b";
  private static final String PASSWORD = "mat-khau-rat-dai-2026";

  private static Api api;
  private static String base;

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @Test
  void anAdminCreatesACauGiayOfficerWhoSignsInAndEveryRefusalShowsBesideItsField() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      adminPage(b);
      assertEquals(UiMessages.vi("adm.users.title"), b.script("return document.getElementById('users-title').textContent"));
      click(b, "button[data-action='add-user']");
      String form = "#users-panel form.user-form";
      type(b, form + " input[name='username']", "cg-officer");
      type(b, form + " input[name='displayName']", "Trần Thị B");
      type(b, form + " input[name='password']", PASSWORD);
      click(b, form + " input[name='roles'][value='agency']");
      type(b, form + " input[name='agency']", "KHONG-CO");
      click(b, form + " button[data-action='save']");
      awaitText(b, form + " [data-error-for='agency']", UiMessages.vi("adm.err.code.unknown_reference.agency"));

      // The agency found by typing without diacritics, then the taken username refused beside its field.
      type(b, form + " input[name='agency']", "cau giay");
      click(b, form + " li.agency-match[data-code='CG'] button[data-action='pick-agency']");
      assertEquals("CG", b.attr(form + " .agency-chosen", "data-code"));
      assertTrue(b.text(form + " .agency-chosen").contains("Cầu Giấy (CG)"), b.text(form + " .agency-chosen"));
      click(b, form + " button[data-action='save']");
      awaitText(b, form + " [data-error-for='username']", UiMessages.vi("adm.err.code.conflict.user"));
      assertEquals("true", b.attr(form + " input[name='username']", "aria-invalid"));
      assertEquals("", b.text(form + " [data-error-for='agency']"), "the agency's refusal is gone");
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='username']", UiMessages.en("adm.err.code.conflict.user"));
      click(b, "#lang");
      awaitText(b, form + " [data-error-for='username']", UiMessages.vi("adm.err.code.conflict.user"));

      type(b, form + " input[name='username']", NEW_USER);
      click(b, form + " button[data-action='save']");
      String item = "#users li[data-user='" + NEW_USER + "']";
      b.await(LOAD, "the new user listed and the form closed", d -> !b.all(item).isEmpty() && b.all(form).isEmpty());
      assertEquals(UiMessages.vi("adm.role.agency"), b.text(item + " [data-fact='roles']"));
      assertEquals("Cầu Giấy (CG)", b.text(item + " [data-fact='agency']"));
      JsonObject stored = user(NEW_USER);
      assertEquals("CG", stored.getString("agency"));
      assertEquals(List.of("agency"), stored.getJsonArray("roles").getList());
      assertEquals("Trần Thị B", stored.getString("displayName"));

      // The new officer signs in, and sees the tasks page of their agency.
      try (Browser officer = new Browser(1366, 768, Browser.newProfile())) {
        officer.signIn(base + "/tasks.html", NEW_USER, PASSWORD);
        officer.await(LOAD, "the officer signed in", d -> !officer.all("#desk:not(.hidden)").isEmpty());
        assertTrue(officer.all("#sign-in").isEmpty());
      }

      // Roles changed, a new password set, then the user disabled: the node keeps each.
      click(b, item + " button[data-action='edit']");
      String edit = item + " form.user-edit";
      click(b, edit + " input[name='roles'][value='leader']");
      click(b, edit + " button[data-action='save']");
      b.await(LOAD, "the roles changed", d -> (UiMessages.vi("adm.role.agency") + ", " + UiMessages.vi("adm.role.leader"))
          .equals(b.text(item + " [data-fact='roles']")) && b.all(edit).isEmpty());
      click(b, item + " button[data-action='password']");
      String reset = item + " form.password-form";
      type(b, reset + " input[name='password']", "ngan");
      click(b, reset + " button[data-action='save']");
      awaitText(b, reset + " [data-error-for='password']", UiMessages.vi("adm.err.password"));
      type(b, reset + " input[name='password']", "mat-khau-moi-rat-dai");
      click(b, reset + " button[data-action='save']");
      b.await(LOAD, "the password form closed", d -> b.all(reset).isEmpty());
      assertEquals(200, api.login(NEW_USER, "mat-khau-moi-rat-dai").statusCode());
      assertEquals(401, api.login(NEW_USER, PASSWORD).statusCode());
      click(b, item + " button[data-action='disable']");
      awaitText(b, item + " [data-fact='active']", UiMessages.vi("adm.users.disabled"));
      assertEquals(401, api.login(NEW_USER, "mat-khau-moi-rat-dai").statusCode(), "a disabled user cannot sign in");
      assertEquals(List.of(), unexpectedConsoleErrors(b));
    }
  }

  @Test
  void anApiKeyMadeOnThePageSendsAnEventShowsLastUsedAndIsRefusedOnceRevoked() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.cdp("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
      adminPage(b);
      click(b, "button[data-action='add-key']");
      type(b, "#key-form input[name='name']", "motcua-cg-thu");
      click(b, "#key-form button[data-action='save']");
      b.await(LOAD, "the secret shown once", d -> !b.all("#key-secret .once-value").isEmpty());
      String secret = (String) b.script("return document.querySelector('#key-secret .once-value').value");
      assertTrue(secret.length() >= 32, secret);
      assertEquals(UiMessages.vi("adm.keys.secretWarning"), b.text("#key-secret .once-warning"));
      click(b, "#key-secret button[data-action='copy']");
      String result = b.await(LOAD, "the copy done", d -> b.attr("#key-secret .copy-result", "data-result"));
      if ("copied".equals(result)) {
        assertEquals(secret, b.script("return navigator.clipboard.readText()"), "the clipboard holds the secret");
      } else {
        assertEquals(secret, b.script("const e = document.querySelector('#key-secret .once-value');"
            + "return e.value.substring(e.selectionStart, e.selectionEnd)"), "the secret selected for Ctrl+C");
      }
      String item = "#keys li[data-key='motcua-cg-thu']";
      assertEquals(UiMessages.vi("adm.keys.neverUsed"), b.text(item + " [data-fact='last-used']"));
      assertFalse(api.send(HttpMethod.GET, "/api/v1/admin/api-keys", api.token("admin"), null).bodyAsString().contains(secret),
          "the list never holds the secret");

      var accepted = api.postEvents(Events.array(Events.health("thu-1", "MOTCUA", "up")), "application/json", secret);
      assertEquals(202, accepted.statusCode(), accepted.bodyAsString());
      click(b, "button[data-action='reload-keys']");
      b.await(LOAD, "last used shown", d -> {
        String used = b.text(item + " [data-fact='last-used']");
        return used != null && !used.equals(UiMessages.vi("adm.keys.neverUsed"));
      });

      click(b, "#key-secret button[data-action='dismiss']");
      b.await(LOAD, "the secret gone from the page", d -> b.all("#key-secret").isEmpty());
      click(b, item + " button[data-action='revoke']");
      awaitText(b, item + " button[data-action='revoke']", UiMessages.vi("adm.keys.confirmRevoke"));
      click(b, item + " button[data-action='revoke']");
      b.await(LOAD, "the key listed revoked", d -> !b.all(item + " [data-fact='revoked']").isEmpty());
      var refused = api.postEvents(Events.array(Events.health("thu-2", "MOTCUA", "up")), "application/json", secret);
      assertEquals(401, refused.statusCode(), refused.bodyAsString());
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void anIssuedDisplayOpensTheWallFromItsKioskLinkAndRevokingItPutsTheRevokedBannerOnThatWall() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      adminPage(b);
      click(b, "button[data-action='add-display']");
      type(b, "#display-form input[name='validDays']", "0");
      type(b, "#display-form input[name='name']", "Phòng điều hành — màn hình thử");
      click(b, "#display-form button[data-action='save']");
      awaitText(b, "#display-form [data-error-for='validDays']", UiMessages.vi("adm.err.validDays"));
      type(b, "#display-form input[name='validDays']", "30");
      click(b, "#display-form button[data-action='save']");
      b.await(LOAD, "the kiosk link shown", d -> !b.all("#kiosk-link .once-value").isEmpty());
      String link = (String) b.script("return document.querySelector('#kiosk-link .once-value').value");
      assertTrue(link.startsWith(base + "/?display="), link);
      assertEquals(UiMessages.vi("adm.displays.linkWarning"), b.text("#kiosk-link .once-warning"));
      assertTrue(b.all("#kiosk-link .kiosk-qr svg rect").size() > 50, "the QR code drawn");
      assertEquals(UiMessages.vi("adm.displays.qrLabel"), b.attr("#kiosk-link .kiosk-qr svg", "aria-label"));
      String username = b.attr("#kiosk-link", "data-display");
      String item = "#displays li[data-display='" + username + "']";
      b.await(LOAD, "the display listed", d -> !b.all(item).isEmpty());

      try (Browser wall = new Browser(1920, 1080, Browser.newProfile())) {
        wall.open(link);
        wall.await(LOAD, "the wall shows live data", d -> !wall.all("#wall:not(.hidden) #system-tiles > *").isEmpty()
            && "live".equals(wall.attr("body", "data-connection")));
        click(b, item + " button[data-action='revoke']");
        awaitText(b, item + " button[data-action='revoke']", UiMessages.vi("adm.displays.confirmRevoke"));
        click(b, item + " button[data-action='revoke']");
        b.await(LOAD, "the display listed revoked", d -> b.all(item + " button[data-action='revoke']").isEmpty());
        assertEquals(UiMessages.vi("adm.displays.revoked"), b.text(item + " .badge"));
        wall.await(LOAD, "the revoked banner on the wall", d -> "revoked".equals(wall.attr("#banner", "data-kind"))
            && wall.one("#banner").isDisplayed());
      }
      assertEquals(List.of(), unexpectedConsoleErrors(b));
    }
  }

  @Test
  void anOperatorSeesOnlyTheExportsAnOfficerNoSectionAndOnlyAnSreGetsTheAdminLink() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "cg-officer", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the admin page shown", d -> !b.all("#admin:not(.hidden)").isEmpty());
      assertEquals("/admin.html", java.net.URI.create(b.url()).getPath(), "nobody is sent away from the admin page");
      assertTrue(b.one("#no-sections").isDisplayed(), "the no-sections hint");
      assertEquals(UiMessages.vi("adm.noSections"), b.text("#no-sections"));
      assertTrue(b.all("#sections > section").isEmpty());
    }
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "operator", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the exports section", d -> !b.all("#admin:not(.hidden) #exports-panel").isEmpty());
      assertFalse(b.one("#no-sections").isDisplayed());
      assertEquals(List.of("exports-panel"), b.all("#sections > section").stream().map(e -> e.getAttribute("id")).toList(),
          "an operator downloads figures, and administers nothing");
      b.open(base + "/oncall.html");
      b.await(LOAD, "the on-call page", d -> !b.all("#oncall:not(.hidden)").isEmpty());
      assertFalse(b.one("#admin-link").isDisplayed(), "no admin link for an operator");
    }
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/oncall.html", "sre", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the admin link for an SRE", d -> !b.all("#oncall:not(.hidden) #admin-link:not(.hidden)").isEmpty());
      assertEquals(UiMessages.vi("nav.admin"), b.text("#admin-link"));
      b.open(base + "/sre.html");
      b.await(LOAD, "the admin link in the SRE console", d -> !b.all("#console:not(.hidden) #admin-link:not(.hidden)").isEmpty());
      b.one("#admin-link").click();
      b.await(LOAD, "the admin page", d -> !b.all("#admin:not(.hidden)").isEmpty());
      assertEquals("/admin.html", java.net.URI.create(b.url()).getPath());
    }
  }

  @Test
  void onAPhoneTheOpenFormsTheSecretAndTheQrCodeFitWithReadableTextThumbSizedControlsAndNoAccessibilityFault() {
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      adminPage(b);
      click(b, "button[data-action='add-user']");
      type(b, "#users-panel form.user-form input[name='agency']", "cau");
      b.await(LOAD, "agencies found", d -> !b.all("#users-panel li.agency-match").isEmpty());
      click(b, "#users li[data-user='operator'] button[data-action='password']");
      click(b, "#users li[data-user='operator'] button[data-action='contact-points']");
      b.await(LOAD, "the operator's contact points", d -> !b.all("#users .user-points form.add-point").isEmpty());
      click(b, "button[data-action='add-key']");
      type(b, "#key-form input[name='name']", "dien-thoai");
      click(b, "#key-form button[data-action='save']");
      b.await(LOAD, "the secret shown", d -> !b.all("#key-secret").isEmpty());
      click(b, "button[data-action='add-display']");
      type(b, "#display-form input[name='name']", "Màn hình điện thoại");
      click(b, "#display-form button[data-action='save']");
      b.await(LOAD, "the kiosk link shown", d -> !b.all("#kiosk-link .kiosk-qr svg").isEmpty());
      click(b, "button[data-action='add-display']");
      b.screenshot("admin-people-phone-forms.png");
      List<String> problems = new java.util.ArrayList<>();
      Screen.sidewaysScroll(b).forEach(p -> problems.add("sideways: " + p));
      Screen.textSmallerThan(b, 14).forEach(p -> problems.add("text: " + p));
      Screen.touchTargetsSmallerThan(b, 44).forEach(p -> problems.add("control: " + p));
      Accessibility.seriousViolations(b).forEach(p -> problems.add("axe: " + p));
      b.consoleErrors().forEach(p -> problems.add("console: " + p));
      assertEquals(List.of(), problems);
    }
  }

  private static void adminPage(Browser b) {
    b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
    b.await(LOAD, "the admin page with its users", d -> !b.all("#admin:not(.hidden) #users li[data-user='admin']").isEmpty()
        && !b.all("#keys-panel button[data-action='add-key']").isEmpty()
        && !b.all("#displays-panel button[data-action='add-display']").isEmpty());
  }

  /** The console's errors but the failed loads of the refusals the test asked for (4xx answers). */
  private static List<String> unexpectedConsoleErrors(Browser b) {
    return b.consoleErrors().stream().filter(e -> !e.contains("the server responded with a status of 4")).toList();
  }

  private static JsonObject user(String username) {
    return api.send(HttpMethod.GET, "/api/v1/users", api.token("admin"), null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(u -> u.getString("username").equals(username)).findFirst().orElseThrow();
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

  private static void awaitText(Browser b, String css, String expected) {
    b.await(LOAD, "'" + expected + "' in " + css + " (seen '" + b.text(css) + "')", d -> expected.equals(b.text(css)));
  }
}
