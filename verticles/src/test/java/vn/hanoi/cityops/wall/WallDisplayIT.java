package vn.hanoi.cityops.wall;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.TestNodes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wall display in a real headless Chromium against a running node (simulator off, so every change on
 * screen is one this test made): it loads cleanly, shows what is ingested within 2 seconds, says so when
 * the node is gone and recovers, and a kiosk display token keeps it signed in across browser restarts.
 */
class WallDisplayIT {
  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final List<String> SYSTEMS = List.of("DVC-PORTAL", "DVCQG-LINK", "MOTCUA", "CSDL-DANCU", "LGSP", "QLVB",
      "BAOCAO", "ZALO-PAKN", "HOP", "GIAOBAN", "WAN", "DATACENTER", "CKS", "OPENDATA");

  private static Map<String, Object> config;
  private static Vertx client;
  private static Node node;
  private static Api api;
  private static String base;

  @BeforeAll
  static void start() {
    client = Vertx.vertx();
    int port = TestNodes.freePort();
    config = Map.of("http.port", port, "pg.url", TestNodes.freshDatabaseUrl());
    node = TestNodes.start(config);
    api = new Api(client, node);
    base = "http://127.0.0.1:" + port;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    JsonArray seed = new JsonArray();
    for (String system : SYSTEMS) {
      seed.add(Events.health("wd-seed-" + system, system, "up").put("occurredAt", now.toString()));
    }
    for (int i = 0; i < 20; i++) {
      seed.add(today(Events.dossier("wd-seed-d" + i, i % 2 == 0 ? "CG" : "DA", "H-wd-" + i, "in_progress"), now));
    }
    assertEquals(SYSTEMS.size() + 20, api.postEvents(seed.encode()).bodyAsJsonObject().getInteger("accepted"));
  }

  @AfterAll
  static void stop() {
    api.close();
    TestNodes.stop(node);
    client.close();
  }

  @Test
  void pageLoadsWithoutConsoleErrorsAndRendersAllFourteenSystemTiles() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertEquals(SYSTEMS.size(), browser.all("#system-tiles .system").size());
      for (String system : SYSTEMS) {
        assertTrue(List.of("up", "degraded", "down").contains(
            browser.attr(".system[data-code='" + system + "']", "data-status")), system);
      }
      assertTrue(Long.parseLong(browser.attr("#today [data-key='received'] dd", "data-value")) >= 20,
          "today's received dossiers include the 20 seeded");
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  @Test
  void aSystemGoingDownTurnsItsTileRedWithinTwoSeconds() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertEquals(202, api.postEvents(Events.array(Events.health("wd-down-1", "LGSP", "down")
          .put("occurredAt", OffsetDateTime.now().toString()).put("message", "timeout"))).statusCode());
      browser.await(TWO_SECONDS, "LGSP's tile turns down within 2 s of the ingest",
          d -> "down".equals(browser.attr(".system[data-code='LGSP']", "data-status")));
      assertTrue(browser.attr(".system[data-code='LGSP']", "class").contains("down"));
      browser.await(TWO_SECONDS, "the systems header counts the outage",
          d -> browser.text("#systems-counts").contains("1 ngừng"));
    }
  }

  @Test
  void aDossierGoingOverdueRaisesTheOverdueCountWithinTwoSeconds() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      long before = Long.parseLong(browser.attr("#overdue-totals [data-key='overdueNow'] dd", "data-value"));
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
      JsonObject overdue = today(Events.dossier("wd-overdue-1", "CG", "H-wd-overdue-1", "in_progress"), now)
          .put("dueAt", now.minusMinutes(5).toString());
      assertEquals(202, api.postEvents(Events.array(overdue)).statusCode());
      browser.await(TWO_SECONDS, "today's overdue count rises within 2 s of the ingest",
          d -> Long.parseLong(browser.attr("#overdue-totals [data-key='overdueNow'] dd", "data-value")) == before + 1);
    }
  }

  @Test
  void theDistrictFurthestBehindHeadsTheOverdueTableWithItsDossierCount() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    JsonArray overdue = new JsonArray();
    for (int i = 0; i < 3; i++) {
      overdue.add(today(Events.dossier("wd-behind-" + i, "HK", "H-wd-behind-" + i, "in_progress"), now)
          .put("dueAt", now.minusMinutes(10).toString()));
    }
    assertEquals(202, api.postEvents(overdue.encode()).statusCode());
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      browser.await(TWO_SECONDS, "Hoàn Kiếm, 3 overdue dossiers, heads the districts furthest behind",
          d -> "HK".equals(browser.attr("#district-ranking tbody tr", "data-code"))
              && "3".equals(browser.attr("#district-ranking tbody tr td:nth-child(2)", "data-value")));
      assertTrue(browser.text("#district-ranking tbody tr").contains("Hoàn Kiếm"), browser.text("#district-ranking tbody tr"));
    }
  }

  @Test
  void overdueBriefingTasksAreCountedOnTheWall() {
    String leader = api.token("leader");
    JsonObject meeting = api.send(HttpMethod.POST, "/api/v1/meetings", leader, new JsonObject()
        .put("title", "Giao ban tuần trước").put("level", "city").put("scheduledAt", OffsetDateTime.now().toString())
        .put("invitedAgencies", new JsonArray().add("CG")).put("agenda", new JsonArray())).bodyAsJsonObject();
    String base = "/api/v1/meetings/" + meeting.getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, base + "/start", leader, new JsonObject()).statusCode());
    var task = api.send(HttpMethod.POST, base + "/tasks", leader, new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo tiến độ số hoá hồ sơ").put("deadline", OffsetDateTime.now().plusSeconds(2).toString()));
    assertEquals(201, task.statusCode(), task.bodyAsString()); // a deadline in the past is refused: this one passes in 2 s
    vn.hanoi.cityops.support.Wait.until(Duration.ofSeconds(15), Duration.ofMillis(200),
        () -> api.send(HttpMethod.GET, "/api/v1/tasks?overdue=true", leader, null).bodyAsJsonObject().getJsonArray("items").size(),
        n -> n > 0, "the briefing task overdue");
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      browser.await(LOAD, "the overdue briefing task counted on the wall",
          d -> "1".equals(browser.attr("#overdue-tasks", "data-value")));
      assertTrue(browser.text("#overdue-tasks").contains("1 nhiệm vụ giao ban quá hạn"), browser.text("#overdue-tasks"));
    }
  }

  @Test
  void lostConnectionBannerAppearsAndTheFiguresDimWhenTheNodeStopsAndBothClearWhenItIsBack() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertFalse(browser.one("#banner").isDisplayed());
      assertEquals(1.0, opacity(browser, "#wall .grid"), 0.01, "live figures at full strength");
      TestNodes.stop(node);
      browser.await(Duration.ofSeconds(5), "the lost-connection banner shows once the node is gone",
          d -> browser.one("#banner").isDisplayed() && "lost".equals(browser.attr("#banner", "data-kind")));
      assertTrue(browser.text("#banner").contains("Mất kết nối"));
      browser.await(TWO_SECONDS, "the figures dim while the connection is lost", d -> opacity(browser, "#wall .grid") < 0.5);
      node = TestNodes.start(config);
      browser.await(Duration.ofSeconds(30), "the banner clears when the node is back",
          d -> !browser.one("#banner").isDisplayed() && "live".equals(browser.attr("body", "data-connection")));
      browser.await(TWO_SECONDS, "the figures at full strength again", d -> opacity(browser, "#wall .grid") > 0.99);
      assertEquals(SYSTEMS.size(), browser.all("#system-tiles .system").size());
    } finally {
      api.close();
      api = new Api(client, node);
    }
  }

  @Test
  void kioskUrlSignsInAReadOnlyWallThatSurvivesABrowserRestart() {
    String admin = api.token("admin");
    JsonObject issued = api.send(HttpMethod.POST, "/api/v1/admin/displays", admin,
        new JsonObject().put("name", "Phòng điều hành — màn hình 2")).bodyAsJsonObject();
    Path profile = Browser.newProfile();
    try (Browser browser = new Browser(1920, 1080, profile)) {
      browser.open(base + issued.getString("url"));
      awaitWall(browser);
      assertFalse(browser.url().contains("display="), "the token leaves the address bar");
    }
    try (Browser again = new Browser(1920, 1080, profile)) {
      again.open(base + "/");
      awaitWall(again);
      assertTrue(again.all("#sign-in").isEmpty(), "no sign-in form");
    }
    assertEquals(204, api.send(HttpMethod.DELETE, "/api/v1/admin/displays/" + issued.getLong("id"), admin, null).statusCode());
    try (Browser revoked = new Browser(1920, 1080, profile)) {
      revoked.open(base + "/");
      revoked.await(LOAD, "a revoked display says so instead of showing data",
          d -> "revoked".equals(revoked.attr("#banner", "data-kind")));
      assertFalse(revoked.one("#wall").isDisplayed());
    }
  }

  @Test
  void withoutATokenThePageAsksToSignInAndRefusesAWrongPassword() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      browser.signIn(base + "/", "operator", "not-the-password");
      browser.await(LOAD, "a clear refusal", d -> browser.text("#sign-in-error").contains("Sai tên đăng nhập"));
      assertFalse(browser.one("#wall").isDisplayed());
    }
  }

  @Test
  void aSystemDownShowsInTheOutageStripFlashingUntilAcknowledgedThenSaysByWhom() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertTrue(browser.all(".outage[data-key='CKS']").isEmpty(), "the digital-signature service is not in the strip while up");
      String downAt = health("CKS", "down");
      browser.await(TWO_SECONDS, "the strip names the digital-signature service within 2 s of its outage",
          d -> browser.one("#outage-strip").isDisplayed() && !browser.all(".outage[data-key='CKS']").isEmpty());
      String item = browser.text(".outage[data-key='CKS']");
      assertTrue(item.contains("Dịch vụ chữ ký số") && item.contains("Ngừng"), item);
      String since = "từ " + OffsetDateTime.parse(downAt).atZoneSameInstant(ZoneOffset.ofHours(7)).toLocalTime()
          .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
      assertTrue(item.contains(since), "since when: " + since + " in " + item);
      assertTrue(item.contains("Chưa ai nhận"), item);
      assertEquals("strip-alarm", animation(browser, ".outage[data-key='CKS']"), "an outage nobody has taken flashes");
      assertEquals("alarm", animation(browser, ".system[data-code='CKS']"), "so does its tile");

      long id = openAlertId("CKS");
      var ack = api.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/acknowledge", api.token("operator"),
          new JsonObject().put("note", "đang gọi nhà cung cấp"));
      assertEquals(200, ack.statusCode(), ack.bodyAsString());
      browser.await(TWO_SECONDS, "the strip says who acknowledged within 2 s",
          d -> String.valueOf(browser.text(".outage[data-key='CKS']")).contains("Đã nhận: operator"));
      assertEquals("none", animation(browser, ".outage[data-key='CKS']"), "an acknowledged outage stops flashing");
      assertEquals("none", animation(browser, ".system[data-code='CKS']"), "its tile too");
      assertTrue(browser.one("#outage-strip").isDisplayed(), "still in the strip while the system is down");
      browser.screenshot("wall-outage-acknowledged-1920x1080.png");
    } finally {
      health("CKS", "up");
    }
  }

  @Test
  void aCriticalAlertOnASystemStillUpIsInTheStripToo() {
    String sre = api.token("sre");
    var rule = api.send(HttpMethod.POST, "/api/v1/alert-rules", sre, new JsonObject().put("code", "wd-latency.hop")
        .put("kind", "latency_high").put("subject", "HOP").put("severity", "critical").put("threshold", 1000)
        .put("clearThreshold", 500).put("forSeconds", 0));
    assertEquals(201, rule.statusCode(), rule.bodyAsString());
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertEquals(202, api.postEvents(Events.array(Events.health("wd-hop-slow", "HOP", "up").put("latencyMs", 4000)
          .put("occurredAt", OffsetDateTime.now().toString()))).statusCode());
      String css = ".outage[data-key^='alert-']";
      browser.await(Duration.ofSeconds(5), "the critical latency alert in the strip", d -> !browser.all(css).isEmpty());
      String item = browser.text(css);
      assertTrue(item.contains("Nghiêm trọng") && item.contains("từ ") && item.contains("Chưa ai nhận"), item);
      assertEquals("up", browser.attr(".system[data-code='HOP']", "data-status"), "the system itself is up");
    } finally {
      api.postEvents(Events.array(Events.health("wd-hop-fast", "HOP", "up").put("latencyMs", 100)
          .put("occurredAt", OffsetDateTime.now().toString())));
      api.send(HttpMethod.DELETE, "/api/v1/alert-rules/" + rule.bodyAsJsonObject().getLong("id"), sre, null);
    }
  }

  @Test
  void reducedMotionStopsTheFlashingOfTheStripAndTheTile() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      browser.cdp("Emulation.setEmulatedMedia", Map.of("features",
          List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
      signedInWall(browser);
      health("OPENDATA", "down");
      browser.await(TWO_SECONDS, "the open-data portal's outage in the strip",
          d -> !browser.all(".outage.unacked[data-key='OPENDATA']").isEmpty());
      assertEquals("none", animation(browser, ".outage[data-key='OPENDATA']"), "no flashing strip for reduced motion");
      assertEquals("none", animation(browser, ".system[data-code='OPENDATA']"), "no flashing tile for reduced motion");
    } finally {
      health("OPENDATA", "up");
    }
  }

  @Test
  void theToneIsOffByDefaultAndOnceSwitchedOnSoundsForANewCriticalAlertAndIsRemembered() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertEquals("false", browser.attr("#tone", "aria-pressed"), "off by default");
      assertEquals("Âm báo: tắt", browser.text("#tone"));
      health("ZALO-PAKN", "down");
      browser.await(TWO_SECONDS, "the Zalo channel's outage on the wall", d -> !browser.all(".outage[data-key='ZALO-PAKN']").isEmpty());
      assertEquals(null, browser.attr("body", "data-tones-played"), "no tone while it is off");
      health("ZALO-PAKN", "up");
      browser.await(TWO_SECONDS, "the outage over", d -> browser.all(".outage[data-key='ZALO-PAKN']").isEmpty());

      browser.one("#tone").click();
      assertEquals("true", browser.attr("#tone", "aria-pressed"));
      assertEquals("Âm báo: bật", browser.text("#tone"));
      health("ZALO-PAKN", "down");
      browser.await(TWO_SECONDS, "the tone sounds (two notes) for the critical alert within 2 s",
          d -> "1".equals(browser.attr("body", "data-tones-played")) && "2".equals(browser.attr("body", "data-tone-oscillators")));
      assertEquals("running", browser.attr("body", "data-tone-context"), "the page may make sound after the click");
      browser.open(base + "/");
      awaitWall(browser);
      assertEquals("true", browser.attr("#tone", "aria-pressed"), "the choice is remembered across a reload");
    } finally {
      health("ZALO-PAKN", "up");
    }
  }

  @Test
  void atTenEightyLabelsAreAtLeast24PxAndKeyNumbersAtLeast40Px() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertEquals(List.of(), vn.hanoi.cityops.support.Screen.textSmallerThan(browser, 24), "text below 24 px at 1080p");
      @SuppressWarnings("unchecked")
      List<String> small = (List<String>) browser.script("return [...document.querySelectorAll("
          + "'.kpi-value, #today dd, #fb-totals dd, #overdue-totals dd, .clock-time')]"
          + ".filter(e => parseFloat(getComputedStyle(e).fontSize) < 40).map(e => e.className + ' ' + getComputedStyle(e).fontSize)");
      assertEquals(List.of(), small, "key numbers below 40 px at 1080p");
      assertEquals(List.of(), vn.hanoi.cityops.support.Screen.sidewaysScroll(browser));
      browser.screenshot("wall-display-1920x1080.png");
    }
  }

  /** Reports {@code status} for {@code system} now; answers the report's time. */
  private static String health(String system, String status) {
    String at = OffsetDateTime.now().toString();
    assertEquals(202, api.postEvents(Events.array(Events.health("wd-" + system + "-" + status + "-" + System.nanoTime(), system, status)
        .put("occurredAt", at))).statusCode());
    return at;
  }

  private static long openAlertId(String system) {
    JsonArray items = api.send(HttpMethod.GET, "/api/v1/alerts?subject=" + system + "&state=firing", api.token("operator"), null)
        .bodyAsJsonObject().getJsonArray("items");
    assertFalse(items.isEmpty(), "an open alert about " + system);
    return items.getJsonObject(0).getLong("id");
  }

  private static String animation(Browser browser, String css) {
    return (String) browser.script("return getComputedStyle(document.querySelector(arguments[0])).animationName", css);
  }

  private static double opacity(Browser browser, String css) {
    return Double.parseDouble((String) browser.script("return getComputedStyle(document.querySelector(arguments[0])).opacity", css));
  }

  /** Signs in as the operator through the page's own form and waits for live data. */
  private static void signedInWall(Browser browser) {
    browser.signIn(base + "/", "operator", TestNodes.DEMO_PASSWORD);
    awaitWall(browser);
  }

  private static void awaitWall(Browser browser) {
    browser.await(LOAD, "the wall is live with its 14 system tiles",
        d -> "live".equals(browser.attr("body", "data-connection"))
            && browser.all("#system-tiles .system").size() == SYSTEMS.size());
  }

  /** Received half an hour before {@code now} (Hanoi time), or at midnight when the Hanoi day is younger than that. */
  private static JsonObject today(JsonObject dossier, OffsetDateTime now) {
    OffsetDateTime midnight = now.toLocalDate().atStartOfDay().atOffset(now.getOffset());
    OffsetDateTime received = now.minusMinutes(30).isBefore(midnight) ? midnight : now.minusMinutes(30);
    return dossier.put("occurredAt", now.toString()).put("receivedAt", received.toString())
        .put("dueAt", now.plusDays(3).toString());
  }
}
