package vn.hanoi.cityops.screens;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page on every screen, in headless Chromium against a node fed by the simulator: a phone (390×844), a laptop
 * (1366×768), the wall's 1080p and (for the wall) 4K; the API reference (Swagger UI) on the phone, the laptop and
 * 1080p. On each: nothing reaches past the right edge, no visible text below the screen's minimum (14 px on phones
 * and desks; on the wall at 1080p 24 px, at 4K 48 px), controls a thumb can hit on the phone (44 px), no serious or
 * critical axe-core (WCAG 2.1 AA) violation, no console error; a screenshot of each kept under
 * {@code target/screenshots/screens/}.
 */
@NodeTest(config = {"simulator=on", "simulator.daySeconds=600", "simulator.rate=40"})
class EveryScreenIT {
  private static final Duration LOAD = Duration.ofSeconds(30);

  /** A page: its path, who opens it, and what shows it has loaded its data. */
  record Page(String name, String path, String user, String ready) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A screen: its size, the smallest text it may show and the smallest control (0: no touch rule). */
  record Size(String name, int width, int height, double minText, double minTarget) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Size PHONE = new Size("phone", 390, 844, 14, 44);
  static final Size LAPTOP = new Size("laptop", 1366, 768, 14, 0);
  static final Size DESKTOP = new Size("1080p", 1920, 1080, 14, 0);
  static final Size WALL = new Size("wall-1080p", 1920, 1080, 24, 0);
  static final Size WALL_4K = new Size("wall-4k", 3840, 2160, 48, 0);

  private static String base;
  private static long meetingId;

  @BeforeAll
  static void start(Node node, Api api) {
    base = "http://127.0.0.1:" + node.config().httpPort();
    String leader = api.token("leader");
    var created = api.send(HttpMethod.POST, "/api/v1/meetings", leader, new JsonObject().put("title", "Giao ban thứ Hai")
        .put("level", "city").put("scheduledAt", OffsetDateTime.now().toString())
        .put("invitedAgencies", new JsonArray().add("CG").add("DA")).put("invitedPeople", new JsonArray().add("operator"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "CG"))));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    meetingId = created.bodyAsJsonObject().getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + meetingId + "/start", leader, new JsonObject()).statusCode());
    var task = api.send(HttpMethod.POST, "/api/v1/meetings/" + meetingId + "/tasks", leader, new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo tiến độ giải phóng mặt bằng").put("deadline", OffsetDateTime.now().plusDays(2).toString()));
    assertEquals(201, task.statusCode(), task.bodyAsString());
  }

  static Stream<Arguments> screens() {
    List<Page> pages = List.of(
        new Page("sre-console", "/sre.html", "sre", "#console:not(.hidden) #system-tiles > *"),
        new Page("meeting", "/meeting.html?id=%d", "leader", "#room:not(.hidden) #agenda > *"),
        new Page("tasks", "/tasks.html", "cg-officer", "#desk:not(.hidden) #tasks-table tbody tr"),
        new Page("profile", "/profile.html", "sre", "#points li"),
        new Page("oncall", "/oncall.html", "sre", "#oncall:not(.hidden) #now article.now-team"),
        new Page("ack", "/ack.html", null, "#ack-state:not(:empty)"),
        new Page("summary", "/summary.html", "leader", "#summary:not(.hidden) #kpis li.kpi"),
        new Page("meetings", "/meetings.html", "leader", "body[data-lobby='ready'] #lobby:not(.hidden) li.briefing"),
        new Page("admin", "/admin.html", "admin", "#admin:not(.hidden) #displays-panel .adm-editor > button"));
    Page wall = new Page("wall", "/", "operator", "#wall:not(.hidden) #system-tiles > *");
    List<Arguments> out = new ArrayList<>();
    for (Size size : List.of(PHONE, LAPTOP, DESKTOP)) {
      pages.forEach(p -> out.add(Arguments.of(p, size)));
    }
    for (Size size : List.of(PHONE, LAPTOP, WALL, WALL_4K)) {
      out.add(Arguments.of(wall, size));
    }
    return out.stream();
  }

  /** The API reference (Swagger UI from its WebJar, public): its own rows, so they can be run alone. */
  static Stream<Arguments> apiReferenceScreens() {
    Page api = new Page("api", "/api.html", null, "#swagger-ui .opblock .opblock-summary-method");
    return Stream.of(PHONE, LAPTOP, DESKTOP).map(size -> Arguments.of(api, size));
  }

  @ParameterizedTest(name = "{0} on a {1}")
  @MethodSource("screens")
  void thePageFitsTheScreenWithReadableTextReachableControlsAndNoAccessibilityFault(Page page, Size size) {
    check(page, size);
  }

  @ParameterizedTest(name = "{0} on a {1}")
  @MethodSource("apiReferenceScreens")
  void theApiReferenceFitsTheScreenWithReadableTextReachableControlsAndNoAccessibilityFault(Page page, Size size) {
    check(page, size);
  }

  private static void check(Page page, Size size) {
    try (Browser b = new Browser(size.width(), size.height(), Browser.newProfile())) {
      String url = base + page.path().formatted(meetingId);
      if (page.user() == null) {
        b.open(url);
      } else {
        b.signIn(url, page.user(), TestNodes.DEMO_PASSWORD);
      }
      b.await(LOAD, page + " loaded with its data", d -> !b.all(page.ready()).isEmpty());
      String where = page + " on a " + size + " (" + size.width() + "×" + size.height() + ")";
      b.screenshot("screens/" + page + "-" + size + ".png");
      List<String> problems = new ArrayList<>();
      Screen.sidewaysScroll(b).forEach(p -> problems.add("sideways: " + p));
      Screen.textSmallerThan(b, size.minText()).forEach(p -> problems.add("text below " + size.minText() + " px: " + p));
      if (size.minTarget() > 0) {
        Screen.touchTargetsSmallerThan(b, size.minTarget()).forEach(p -> problems.add("control below " + size.minTarget() + " px: " + p));
      }
      Accessibility.seriousViolations(b).forEach(p -> problems.add("axe: " + p));
      b.consoleErrors().forEach(p -> problems.add("console: " + p));
      assertEquals(List.of(), problems, where);
    }
  }
}
