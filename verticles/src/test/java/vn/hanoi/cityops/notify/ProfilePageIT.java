package vn.hanoi.cityops.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile page in headless Chromium against a real node (email to GreenMail, Telegram's getChat to a stand-in
 * Bot API): a new SRE adds an email and a Telegram chat, each refusal of the API shown in Vietnamese next to the
 * field it names, moves Telegram first, gives the email quiet hours, makes Telegram fallback-only, sends a test and
 * sees its attempt, removes Telegram and is told the last email stays. The page fits a laptop and a phone.
 */
@NodeTest(config = {"notify.telegram.botToken=99:profile", "notify.timeoutMs=2000", "notify.retries=0"},
    configFrom = ProfilePageIT.Services.class)
class ProfilePageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final String ME = "/api/v1/me/contact-points";

  private static StandIn telegram;
  private static Mailbox mailbox;
  private static Api api;
  private static Persons persons;
  private static String base;

  static final class Services implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      telegram = StandIn.start();
      mailbox = Mailbox.start();
      return Map.of("notify.telegram.url", telegram.url(), "notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port());
    }
  }

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    persons = new Persons(api);
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @AfterAll
  static void stop() {
    if (telegram != null) {
      telegram.close();
    }
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void aPersonAddsReordersQuietsTestsAndRemovesContactPointsAndSeesEveryRefusalByItsField() {
    persons.create("pp.sre", "vi");
    String token = persons.token("pp.sre");
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn(base + "/profile.html", "pp.sre", Persons.PASSWORD);
      b.await(LOAD, "the empty list", d -> b.all("#points-empty.hidden").isEmpty() && !b.all("#points-empty").isEmpty()
          && b.all("#points li").isEmpty());

      add(b, "telegram", "-1001234567890", "", "");
      awaitText(b, "#add-point [data-error-for='channel']", UiMessages.vi("cp.err.code.email_required"));

      add(b, "email", "truc-ban.hanoi.gov.vn", "", "");
      awaitText(b, "#add-point [data-error-for='address']", UiMessages.vi("cp.err.address.email"));
      assertEquals("true", b.attr("#add-point input[name='address']", "aria-invalid"));

      add(b, "email", "pp.sre@hanoi.gov.vn", "", "");
      b.await(LOAD, "the email listed", d -> b.all("#points li.point").size() == 1);
      assertEquals("", b.text("#add-point [data-error-for='address']"), "the earlier refusal is gone");

      add(b, "telegram", "-1001234567890", "22:00", "");
      awaitText(b, "#add-point [data-error-for='quietHours.to']", UiMessages.vi("cp.err.quietHours.to"));
      b.one("#add-point input[name='quietHours.to']").sendKeys("06:30");
      b.one("#add-point button[type='submit']").click();
      b.await(LOAD, "Telegram listed after the email", d -> order(b).equals(List.of("email", "telegram")));
      assertEquals(UiMessages.vi("cp.quietShown", "22:00", "06:30"), b.text("li[data-channel='telegram'] .badge.quiet"));
      telegram.await("/bot99:profile/getChat", r -> "-1001234567890".equals(r.params().get("chat_id")), 1);

      b.one("li[data-channel='telegram'] button[data-action='up']").click();
      b.await(LOAD, "Telegram moved first", d -> order(b).equals(List.of("telegram", "email")));
      List<JsonObject> stored = mine(token);
      assertEquals(List.of("telegram", "email"), stored.stream().map(p -> p.getString("channel")).toList());
      assertEquals(List.of(0, 1), stored.stream().map(p -> p.getInteger("position")).toList());

      quiet(b, "email", "23:00", "23:00");
      awaitText(b, "li[data-channel='email'] [data-error-for='quietHours.to']", UiMessages.vi("cp.err.quietHours.to.same"));
      quiet(b, "email", "23:00", "06:00");
      b.await(LOAD, "the email's quiet hours saved", d -> UiMessages.vi("cp.quietShown", "23:00", "06:00")
          .equals(b.text("li[data-channel='email'] .badge.quiet")));
      assertEquals(new JsonObject().put("from", "23:00").put("to", "06:00"), email(token).getJsonObject("quietHours"));

      b.one("li[data-channel='telegram'] input[name='fallbackOnly']").click();
      b.await(LOAD, "Telegram marked fallback-only", d -> String.valueOf(b.attr("li[data-channel='telegram']", "class")).contains("fallback"));
      assertTrue(mine(token).get(0).getBoolean("fallbackOnly"));

      b.one("li[data-channel='email'] button[data-action='test']").click();
      b.await(LOAD, "the test's attempt shown as sent",
          d -> !b.all("li[data-channel='email'] .test-result li.attempt[data-status='sent']").isEmpty());
      assertEquals(UiMessages.vi("cp.testResult.sent"), b.text("li[data-channel='email'] .test-result .summary"));
      assertTrue(b.text("li[data-channel='email'] .test-result").contains("p***@hanoi.gov.vn"), "the address masked");
      mailbox.await("pp.sre@hanoi.gov.vn", 1);

      remove(b, "telegram");
      b.await(LOAD, "Telegram removed", d -> order(b).equals(List.of("email")));
      remove(b, "email");
      awaitText(b, "li[data-channel='email'] [data-error-for='*']", UiMessages.vi("cp.err.code.last_email"));
      assertEquals(1, mine(token).size(), "the last email stays");

      b.one("#lang").click();
      awaitText(b, "li[data-channel='email'] [data-error-for='*']", UiMessages.en("cp.err.code.last_email"));
      b.screenshot("profile-refusal-en-1366.png");
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 4\\d\\d.*")).toList());
    }
  }

  @Test
  void theProfileFitsALaptopAndAPhoneWithReadableTextAndThumbSizedControls() {
    String token = api.token("sre");
    HttpResponse<Buffer> added = api.send(HttpMethod.POST, ME, token, Persons.point("telegram", "@cityops_truc_ban")
        .put("fallbackOnly", true).put("quietHours", new JsonObject().put("from", "22:00").put("to", "06:30")));
    assertEquals(201, added.statusCode(), added.bodyAsString());
    for (int[] size : new int[][]{{1920, 1080}, {1366, 768}, {390, 844}}) {
      try (Browser b = new Browser(size[0], size[1], Browser.newProfile())) {
        b.signIn(base + "/profile.html", "sre", TestNodes.DEMO_PASSWORD);
        b.await(LOAD, "both contact points", d -> b.all("#points li.point").size() == 2);
        b.one("li[data-channel='email'] button[data-action='test']").click();
        b.await(LOAD, "the test's attempts", d -> !b.all(".test-result li.attempt").isEmpty());
        String where = size[0] + "×" + size[1];
        assertEquals(List.of(), Screen.sidewaysScroll(b), "no sideways scrolling at " + where);
        assertEquals(List.of(), Screen.textSmallerThan(b, 14), "no text below 14 px at " + where);
        if (size[0] < 500) {
          assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44), "controls at least 44 px at " + where);
        }
        assertTrue(b.all("header a#profile-link").isEmpty(), "the profile does not link to itself");
        b.screenshot("profile-" + size[0] + "x" + size[1] + ".png");
        assertEquals(List.of(), b.consoleErrors());
      }
    }
  }

  @Test
  void everyPageOfAPersonLinksTheProfileFromItsHeader() {
    for (String path : List.of("/sre.html", "/tasks.html", "/")) {
      try (Browser b = new Browser(1600, 1000, Browser.newProfile())) {
        b.signIn(base + path, "sre", TestNodes.DEMO_PASSWORD);
        b.await(LOAD, "the profile link in the header of " + path, d -> !b.all("header.top a#profile-link[href='/profile.html']").isEmpty());
        assertEquals(UiMessages.vi("nav.profile"), b.text("#profile-link"));
      }
    }
  }

  /** Fills the add form and submits it; the time fields are typed as a person would. */
  private static void add(Browser b, String channel, String address, String from, String to) {
    new Select(b.one("#add-point select[name='channel']")).selectByValue(channel);
    for (var field : Map.of("address", address, "quietHours.from", from, "quietHours.to", to).entrySet()) {
      var input = b.one("#add-point input[name='" + field.getKey() + "']");
      input.clear();
      input.sendKeys(field.getValue());
    }
    b.one("#add-point button[type='submit']").click();
  }

  private static void quiet(Browser b, String channel, String from, String to) {
    String item = "li[data-channel='" + channel + "'] ";
    var first = b.one(item + "input[name='quietHours.from']");
    first.clear();
    first.sendKeys(from);
    var last = b.one(item + "input[name='quietHours.to']");
    last.clear();
    last.sendKeys(to);
    b.one(item + "button[data-action='quiet']").click();
  }

  private static void remove(Browser b, String channel) {
    String button = "li[data-channel='" + channel + "'] button[data-action='remove']";
    b.one(button).click();
    b.await(LOAD, "the remove button asks for a second press",
        d -> UiMessages.vi("cp.removeConfirm").equals(b.text(button)));
    b.one(button).click();
  }

  private static void awaitText(Browser b, String css, String expected) {
    b.await(LOAD, "'" + expected + "' in " + css, d -> expected.equals(b.text(css)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> order(Browser b) {
    return (List<String>) b.script("return [...document.querySelectorAll('#points li.point')].map(li => li.dataset.channel)");
  }

  private static List<JsonObject> mine(String token) {
    return api.send(HttpMethod.GET, ME, token, null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).toList();
  }

  private static JsonObject email(String token) {
    return mine(token).stream().filter(p -> "email".equals(p.getString("channel"))).findFirst().orElseThrow();
  }
}
