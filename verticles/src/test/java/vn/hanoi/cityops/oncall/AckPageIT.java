package vn.hanoi.cityops.oncall;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.UiMessages;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public acknowledge page in headless Chromium on a phone. Until the on-call capability serves
 * {@code /api/v1/oncall/ack}, the page's answers come from a page-level fixture (the contract in {@code js/ack.js}):
 * it shows what the link acknowledges without acknowledging it, one tap acknowledges, and a used, expired, unknown or
 * missing token each says why. The end-to-end test (an outage's mail to the on-call engineer, its link, the alert
 * acknowledged) is written and disabled until then.
 */
@NodeTest(configFrom = AckPageIT.Smtp.class)
class AckPageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);

  private static GreenMail smtp;
  private static Api api;
  private static String base;

  /** A real SMTP server for the end-to-end test (the development sre is paged at sre@localhost). */
  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      smtp.start();
      return Map.of("notify.smtp.host", "127.0.0.1", "notify.smtp.port", smtp.getSmtp().getPort());
    }
  }

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void theLinkShowsWhatItAcknowledgesWithoutAcknowledgingAndOneTapDoesIt() {
    JsonObject group = new JsonObject()
        .put("for", new JsonObject().put("username", "sre").put("displayName", "Kỹ sư vận hành hệ thống"))
        .put("group", "WAN").put("since", OffsetDateTime.now().minusMinutes(7).toString())
        .put("expiresAt", OffsetDateTime.now().plusHours(4).toString())
        .put("alerts", new JsonArray()
            .add(alert(1, "WAN", "Mạng diện rộng WAN thành phố", "Mạng WAN thành phố ngừng hoạt động", "critical"))
            .add(alert(2, "LGSP", "Nền tảng tích hợp chia sẻ dữ liệu (LGSP)", "LGSP ngừng hoạt động", "critical")));
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      answers(b, reply(200, group), reply(200, new JsonObject().put("acknowledged", 2).put("by", "sre")
          .put("at", OffsetDateTime.now().toString())));
      b.open(base + "/ack.html?t=tok-1");
      b.await(LOAD, "the two alerts of the group", d -> b.all("#ack-alerts li").size() == 2);
      assertTrue(b.text("#ack-facts").contains("Kỹ sư vận hành hệ thống (sre)"), b.text("#ack-facts"));
      assertTrue(b.text("#ack-facts").contains("WAN"));
      assertTrue(b.text("#ack-alerts").contains("Mạng WAN thành phố ngừng hoạt động"));
      assertEquals(UiMessages.vi("ack.button"), b.text("#ack-button"));
      assertEquals(0L, b.script("return Number(sessionStorage.getItem('ack.posts') || 0)"), "looking acknowledges nothing");
      assertEquals(List.of(), Screen.sidewaysScroll(b));
      assertEquals(List.of(), Screen.textSmallerThan(b, 14));
      assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44));
      b.screenshot("ack-390x844.png");

      b.one("#ack-button").click();
      b.await(LOAD, "acknowledged", d -> "done".equals(b.attr("#outcome", "data-outcome")));
      assertEquals(UiMessages.vi("ack.done"), b.text("#outcome"));
      assertEquals(new JsonObject().put("token", "tok-1"),
          new JsonObject(String.valueOf(b.script("return sessionStorage.getItem('ack.body')"))));
      assertEquals(1, b.all("#ack-button.hidden").size(), "no second tap offered");
      b.screenshot("ack-done-390x844.png");

      b.open(base + "/ack.html?t=tok-1");
      b.await(LOAD, "the used link says so", d -> "used".equals(b.attr("#outcome", "data-outcome")));
      assertEquals(UiMessages.vi("ack.used"), b.text("#outcome"));
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void anExpiredAnUnknownAMissingAndAJustUsedLinkEachSayWhy() {
    JsonObject group = new JsonObject().put("group", "DVC-PORTAL").put("since", OffsetDateTime.now().toString())
        .put("alerts", new JsonArray().add(alert(3, "DVC-PORTAL", "Cổng dịch vụ công trực tuyến thành phố",
            "Cổng dịch vụ công ngừng hoạt động", "critical")));
    Map<String, JsonObject> gets = Map.of(
        "expired", reply(410, refusal("ack_expired")),
        "unknown", reply(404, refusal("not_found")));
    for (var get : gets.entrySet()) {
      try (Browser b = new Browser(390, 844, Browser.newProfile())) {
        answers(b, get.getValue(), reply(500, refusal("internal")));
        b.open(base + "/ack.html?t=tok-" + get.getKey());
        b.await(LOAD, get.getKey(), d -> get.getKey().equals(b.attr("#outcome", "data-outcome")));
        assertEquals(UiMessages.vi("ack." + get.getKey()), b.text("#outcome"));
        assertEquals(1, b.all("#ack-button.hidden").size(), "nothing to press");
        b.open(base + "/ack.html?t=tok-" + get.getKey() + "&lang=en");
        b.await(LOAD, get.getKey() + " in English", d -> UiMessages.en("ack." + get.getKey()).equals(b.text("#outcome")));
      }
    }
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.open(base + "/ack.html?lang=vi");
      b.await(LOAD, "a link without its token", d -> UiMessages.vi("ack.missing").equals(b.text("#outcome")));
    }
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      answers(b, reply(200, group), reply(409, refusal("ack_used")));
      b.open(base + "/ack.html?t=tok-raced");
      b.await(LOAD, "the alert", d -> b.all("#ack-alerts li").size() == 1);
      b.one("#ack-button").click();
      b.await(LOAD, "someone acknowledged first", d -> "used".equals(b.attr("#outcome", "data-outcome")));
      assertEquals(UiMessages.vi("ack.used.detail"), b.text("#outcome-detail"));
    }
  }

  /**
   * End to end, once the on-call capability lands: an outage pages the development sre (on call for every system,
   * email sre@localhost); the mail's acknowledge link, opened on a phone, shows the alert and one tap acknowledges it
   * for everyone; the link then says it was used.
   */
  @Test
  @Disabled("enable when oncall/ serves GET/POST /api/v1/oncall/ack and pages the development sre by email (issue 15)")
  void theMailedLinkOfARealPageAcknowledgesTheAlert() {
    assertEquals(202, api.postEvents(Events.array(Events.health("ack-e2e-down", "GIAOBAN", "down")
        .put("occurredAt", OffsetDateTime.now().toString()).put("message", "timeout"))).statusCode());
    String link = Wait.until(Duration.ofSeconds(30), () -> ackLink("sre@localhost"), Optional::isPresent,
        "a page to sre@localhost with an acknowledge link").orElseThrow();
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.open(base + link);
      b.await(LOAD, "what the link acknowledges", d -> String.valueOf(b.text("#ack-alerts")).contains("GIAOBAN")
          || !b.all("#ack-alerts li").isEmpty());
      b.one("#ack-button").click();
      b.await(LOAD, "acknowledged", d -> "done".equals(b.attr("#outcome", "data-outcome")));
      b.open(base + link);
      b.await(LOAD, "the used link says so", d -> "used".equals(b.attr("#outcome", "data-outcome")));
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.matches("(?s).*status of 409.*")).toList());
    }
    JsonArray open = api.send(HttpMethod.GET, "/api/v1/alerts?state=acknowledged", api.token("sre"), null)
        .bodyAsJsonObject().getJsonArray("items");
    assertTrue(open.stream().map(JsonObject.class::cast).anyMatch(a -> "GIAOBAN".equals(a.getString("subject"))
        && "sre".equals(a.getString("acknowledgedBy"))), open.encode());
  }

  /** The path and query of the first acknowledge link mailed to {@code recipient} (quoted-printable undone). */
  private static Optional<String> ackLink(String recipient) {
    Pattern ack = Pattern.compile("https?://[^/\\s]+(/ack\\.html\\?t=[A-Za-z0-9._~%-]+)");
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String raw = GreenMailUtil.getWholeMessage(m).replace("=\r\n", "").replace("=3D", "=");
      Matcher found = ack.matcher(raw);
      if (raw.contains(recipient) && found.find()) {
        return Optional.of(found.group(1));
      }
    }
    return Optional.empty();
  }

  private static JsonObject alert(long id, String code, String nameVi, String titleVi, String severity) {
    return new JsonObject().put("id", id).put("subject", code)
        .put("system", new JsonObject().put("code", code).put("nameVi", nameVi).put("nameEn", code))
        .put("titleVi", titleVi).put("titleEn", code + " is down").put("severity", severity).put("state", "firing")
        .put("firedAt", OffsetDateTime.now().minusMinutes(7).toString());
  }

  private static JsonObject reply(int status, JsonObject body) {
    return new JsonObject().put("status", status).put("body", body);
  }

  private static JsonObject refusal(String code) {
    return new JsonObject().put("error", code).put("message", code).put("details", new JsonArray());
  }

  /**
   * The page-level fixture: {@code GET /api/v1/oncall/ack} answers {@code get} until a POST succeeded, then 409
   * {@code ack_used}; {@code POST} answers {@code post}, its count and last body kept in sessionStorage.
   */
  private static void answers(Browser b, JsonObject get, JsonObject post) {
    b.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        (() => {
          const get = %s, post = %s;
          const real = window.fetch.bind(window);
          const answer = a => Promise.resolve(new Response(JSON.stringify(a.body),
              {status: a.status, headers: {'Content-Type': 'application/json'}}));
          window.fetch = (input, init) => {
            if (!String(input).startsWith('/api/v1/oncall/ack')) return real(input, init);
            if (init && init.method === 'POST') {
              sessionStorage.setItem('ack.posts', String(Number(sessionStorage.getItem('ack.posts') || 0) + 1));
              sessionStorage.setItem('ack.body', init.body);
              if (post.status === 200) sessionStorage.setItem('ack.used', '1');
              return answer(post);
            }
            return sessionStorage.getItem('ack.used')
                ? answer({status: 409, body: {error: 'ack_used', message: 'used', details: []}}) : answer(get);
          };
        })();""".formatted(get.encode(), post.encode())));
  }
}
