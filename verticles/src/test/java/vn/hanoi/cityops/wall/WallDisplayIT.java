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
      long before = Long.parseLong(browser.attr("#today [data-key='overdueNow'] dd", "data-value"));
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
      JsonObject overdue = today(Events.dossier("wd-overdue-1", "CG", "H-wd-overdue-1", "in_progress"), now)
          .put("dueAt", now.minusMinutes(5).toString());
      assertEquals(202, api.postEvents(Events.array(overdue)).statusCode());
      browser.await(TWO_SECONDS, "today's overdue count rises within 2 s of the ingest",
          d -> Long.parseLong(browser.attr("#today [data-key='overdueNow'] dd", "data-value")) == before + 1);
    }
  }

  @Test
  void choosingOnTimeRateRecoloursTheMapAndPutsTheLowestRateFirst() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    JsonObject late = today(Events.dossier("wd-late-1", "BD", "H-wd-late-1", "completed"), now)
        .put("completedAt", now.toString()).put("dueAt", now.minusMinutes(10).toString());
    assertEquals(202, api.postEvents(Events.array(late)).statusCode());
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      browser.one("[data-map-kpi='onTimeRate']").click();
      browser.await(TWO_SECONDS, "the map shows on-time rates: Ba Đình 0 %, Cầu Giấy none yet; Ba Đình heads the table",
          d -> String.valueOf(browser.attr("[data-map-kpi='onTimeRate']", "class")).contains("active")
              && "0".equals(browser.attr(".district[data-code='BD']", "data-value"))
              && "".equals(browser.attr(".district[data-code='CG']", "data-value"))
              && "BD".equals(browser.attr("#district-ranking tbody tr", "data-code")));
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
        .put("description", "Báo cáo tiến độ số hoá hồ sơ").put("deadline", OffsetDateTime.now().minusDays(1).toString()));
    assertEquals(201, task.statusCode(), task.bodyAsString());
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      browser.await(LOAD, "the overdue briefing task counted on the wall",
          d -> "1".equals(browser.attr("#overdue-tasks", "data-value")));
      assertTrue(browser.text("#overdue-tasks").contains("1 nhiệm vụ giao ban quá hạn"), browser.text("#overdue-tasks"));
    }
  }

  @Test
  void lostConnectionBannerAppearsWhenTheNodeStopsAndClearsWhenItIsBack() {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      signedInWall(browser);
      assertFalse(browser.one("#banner").isDisplayed());
      TestNodes.stop(node);
      browser.await(Duration.ofSeconds(5), "the lost-connection banner shows once the node is gone",
          d -> browser.one("#banner").isDisplayed() && "lost".equals(browser.attr("#banner", "data-kind")));
      assertTrue(browser.text("#banner").contains("Mất kết nối"));
      node = TestNodes.start(config);
      browser.await(Duration.ofSeconds(30), "the banner clears when the node is back",
          d -> !browser.one("#banner").isDisplayed() && "live".equals(browser.attr("body", "data-connection")));
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

  private static JsonObject today(JsonObject dossier, OffsetDateTime now) {
    return dossier.put("occurredAt", now.toString()).put("receivedAt", now.minusMinutes(30).toString())
        .put("dueAt", now.plusDays(3).toString());
  }
}
