package vn.hanoi.cityops.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-step sign-in in headless Chromium on a phone (390×844): an SRE turns it on from the profile page (QR code and
 * key shown, the app's code typed), then signs in on a fresh browser: the form asks for the code in Vietnamese,
 * refuses a wrong one, and lets the right one in. The codes are computed here with java-otp from the key the page
 * shows.
 */
@NodeTest
class TwoStepSignInPageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final String PASSWORD = "mat-khau-rat-dai-2026";

  @Test
  void anSreTurnsItOnFromTheProfileSignsInWithTheAppsCodeOnAPhoneAndAnAdminTurnsItOffForALostPhone(Node node, Api api) {
    String base = "http://127.0.0.1:" + node.config().httpPort();
    HttpResponse<Buffer> created = api.send(HttpMethod.POST, "/api/v1/users", api.token("admin"), new JsonObject()
        .put("username", "ts.sre").put("displayName", "Phạm Thu Hà").put("agency", "BD").put("language", "vi")
        .put("roles", new JsonArray(List.of("sre"))).put("password", PASSWORD));
    assertEquals(201, created.statusCode(), created.bodyAsString());

    String secret;
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.signIn(base + "/profile.html", "ts.sre", PASSWORD);
      b.await(LOAD, "the two-step section, off", d -> UiMessages.vi("totp.off").equals(b.text("#totp-status")));
      b.one("#totp-enrol").click();
      b.await(LOAD, "the QR code and the key", d -> !b.all(".totp-qr svg").isEmpty() && !b.all("#totp-secret").isEmpty());
      secret = b.text("#totp-secret").replace(" ", "");
      assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
      assertEquals(UiMessages.vi("totp.pending"), b.text("#totp-status"));
      b.screenshot("two-step-enrol-phone");
      assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scroll at 390 px");
      assertEquals(List.of(), Screen.textSmallerThan(b, 14), "text at least 14 px");
      assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "touch targets at least 44 px");
      assertEquals(List.of(), Accessibility.seriousViolations(b));

      b.one("#totp-confirm input[name='code']").sendKeys("12");
      b.one("#totp-confirm button").click();
      b.await(LOAD, "six digits asked for", d -> UiMessages.vi("totp.sixDigits").equals(b.text("#totp-confirm .field-error")));
      b.one("#totp-confirm input[name='code']").sendKeys(Totp.code(secret, Instant.now()));
      b.one("#totp-confirm button").click();
      b.await(LOAD, "two-step sign-in on", d -> UiMessages.vi("totp.on").equals(b.text("#totp-status")));
      assertEquals(List.of(), b.consoleErrors());
    }

    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.signIn(base + "/profile.html", "ts.sre", PASSWORD);
      b.await(LOAD, "the code asked for", d -> b.all("#sign-in-code.hidden").isEmpty() && !b.all("#sign-in-code").isEmpty()
          && UiMessages.vi("totp.required").equals(b.text("#sign-in-error")));
      b.screenshot("two-step-sign-in-phone");
      assertEquals(List.of(), Screen.sidewaysScroll(b));
      assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44));
      String right = Totp.code(secret, Instant.now().plusSeconds(30)); // the confirmation used the current step
      b.one("#sign-in input[name='code']").sendKeys(right.equals("000000") ? "111111" : "000000");
      b.one("#sign-in button").click();
      b.await(LOAD, "a wrong code refused", d -> UiMessages.vi("totp.invalid").equals(b.text("#sign-in-error")));
      b.one("#sign-in input[name='code']").sendKeys(right);
      b.one("#sign-in button").click();
      b.await(LOAD, "signed in: the profile", d -> b.all("#sign-in").isEmpty() && b.all("#profile.hidden").isEmpty());
      assertEquals("Phạm Thu Hà (ts.sre)", b.text("#who"));
    }

    // The phone is lost: an admin turns the step off from the admin page (a second press confirms).
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
      String item = "#users-panel li[data-user='ts.sre']";
      b.await(LOAD, "the user's two-step sign-in shown on", d -> !b.all(item + " button[data-action='two-step-off']").isEmpty());
      b.one(item + " button[data-action='two-step-off']").click();
      b.await(LOAD, "asked to confirm", d -> UiMessages.vi("adm.users.twoStepOffConfirm")
          .equals(b.text(item + " button[data-action='two-step-off']")));
      assertTrue(api.login("ts.sre", PASSWORD).statusCode() == 401, "one press changes nothing");
      b.one(item + " button[data-action='two-step-off']").click();
      b.await(LOAD, "the button gone", d -> b.all(item + " button[data-action='two-step-off']").isEmpty()
          && !b.all(item).isEmpty());
    }
    assertEquals(200, api.login("ts.sre", PASSWORD).statusCode(), "the password alone signs in again");
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'auth.totp.reset'"));
  }
}
