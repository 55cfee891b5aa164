package vn.hanoi.cityops.admin;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin manages another person's contact points from the admin page's users section, in headless Chromium against
 * a real node whose email goes to a local mailbox (a channel the node has not configured is refused): the editor the
 * profile page uses, over {@code /api/v1/users/{username}/contact-points}. A malformed address is refused beside its
 * field; an email added for the operator is listed by REST, then removed after the second press.
 */
@NodeTest(configFrom = AdminContactPointsIT.Services.class)
class AdminContactPointsIT {
  private static final Duration LOAD = Duration.ofSeconds(20);

  private static Mailbox mailbox;
  private static Api api;
  private static String base;

  static final class Services implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return Map.of("notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port());
    }
  }

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void anAdminAddsAnEmailContactPointForTheOperatorWhichRestListsThenRemovesIt() {
    String address = "operator.ca-dem@hanoi.gov.vn";
    String user = "#users li[data-user='operator']";
    String editor = user + " .user-points";
    String form = editor + " form.add-point";
    int before = operatorPoints().size();
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
      click(b, user + " button[data-action='contact-points']");
      b.await(LOAD, "the operator's contact points read", d -> b.all(editor + " ol.points li.point").size() == before
          && !b.all(form).isEmpty());
      assertTrue(b.all(editor + " button[data-action='test']").isEmpty(), "only the person sends a test");
      type(b, form + " input[name='address']", "khong-phai-email");
      click(b, form + " button[type='submit']");
      awaitText(b, form + " [data-error-for='address']", UiMessages.vi("cp.err.address.email"));
      type(b, form + " input[name='address']", address);
      click(b, form + " button[type='submit']");
      String point = editor + " li.point[data-channel='email']";
      b.await(LOAD, "the new email listed", d -> b.all(editor + " ol.points li.point").size() == before + 1
          && b.all(point).stream().anyMatch(li -> li.getText().contains(address)));
      assertEquals("", b.text(form + " [data-error-for='address']"), "the earlier refusal is gone");
      JsonObject stored = operatorPoints().stream().filter(p -> address.equals(p.getString("address"))).findFirst()
          .orElseThrow(() -> new AssertionError("REST does not list the new email for the operator"));
      assertEquals("email", stored.getString("channel"));
      b.screenshot("admin-user-points-vi-1366.png");

      String added = editor + " li.point[data-id='" + stored.getLong("id") + "']";
      click(b, added + " button[data-action='remove']");
      awaitText(b, added + " button[data-action='remove']", UiMessages.vi("cp.removeConfirm"));
      click(b, added + " button[data-action='remove']");
      b.await(LOAD, "the email gone", d -> b.all(added).isEmpty());
      assertTrue(operatorPoints().stream().noneMatch(p -> address.equals(p.getString("address"))), "REST no longer lists it");
      assertEquals(before, operatorPoints().size());
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.contains("the server responded with a status of 4")).toList());
    }
  }

  private static List<JsonObject> operatorPoints() {
    var r = api.send(HttpMethod.GET, "/api/v1/users/operator/contact-points", api.token("admin"), null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
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
