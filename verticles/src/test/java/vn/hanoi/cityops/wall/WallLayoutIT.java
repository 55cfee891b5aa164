package vn.hanoi.cityops.wall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wall display populated by the built-in simulator, as staff see it: one screen with nothing outside the
 * viewport at 1920×1080 and at 4K, Vietnamese with Vietnamese number formats by default, and English on the
 * toggle for every visible label. Writes its screenshots to target/screenshots (the README's come from EveryScreenIT).
 */
@NodeTest(config = {"simulator=on", "simulator.daySeconds=600", "simulator.rate=60"})
class WallLayoutIT {
  /** Letters only Vietnamese uses (and its tone marks): none may be visible in English. */
  private static final Pattern VIETNAMESE = Pattern.compile(
      "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", Pattern.CASE_INSENSITIVE);
  private static final Duration LOAD = Duration.ofSeconds(45);

  private static String kioskUrl;

  @BeforeAll
  static void start(Node node, Api api) {
    JsonObject display = api.send(io.vertx.core.http.HttpMethod.POST, "/api/v1/admin/displays", api.token("admin"),
        new JsonObject().put("name", "Phòng điều hành — màn hình chính")).bodyAsJsonObject();
    kioskUrl = "http://127.0.0.1:" + node.config().httpPort() + display.getString("url");
    seedToday(api);
    simulatorFilledEveryPanel(api);
  }

  /**
   * Waits until the simulator has sent what the panels the seed leaves empty show: a heartbeat of every system (each
   * beats every 5 s), feedback reports, and a rolled-up minute of dossiers (the throughput chart).
   */
  private static void simulatorFilledEveryPanel(Api api) {
    long started = System.nanoTime();
    Wait.until(Duration.ofSeconds(30), () -> List.of(
            api.count("SELECT count(DISTINCT system_code) FROM system_state"),
            api.count("SELECT count(*) FROM feedback_state"),
            api.count("SELECT count(*) FROM kpi_rollup_minute WHERE scope = 'city' AND kpi = 'dossiers_received'")),
        n -> n.get(0) == 14 && n.get(1) > 0 && n.get(2) > 0,
        "systems reporting (of 14), feedback reports, rolled-up minutes of dossiers");
    System.out.printf("wall_layout simulator_filled_ms=%d%n", (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * A morning's worth of dossiers on top of the simulator's (which starts from nothing): 1,200 received across
   * the districts and departments, some completed on time or late, some already overdue, so every panel and
   * the map have figures to show and numbers run past a thousand.
   */
  private static void seedToday(Api api) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    // Received between 3 minutes and (at most) almost three hours ago, but always today in Hanoi: just after
    // midnight the span shrinks to the minutes since, and in the first four minutes the day has to begin first.
    OffsetDateTime midnight = now.toLocalDate().atStartOfDay().atOffset(now.getOffset());
    if (Duration.between(midnight, now).toSeconds() < 240) {
      Wait.until(Duration.ofMinutes(5), () -> OffsetDateTime.now(ZoneOffset.ofHours(7)).isAfter(midnight.plusMinutes(4)),
          "four minutes of the Hanoi day");
      now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    }
    long spread = Math.min(Duration.between(midnight, now).toSeconds() - 200, 170 * 60);
    String[] agencies = {"CG", "DA", "HK", "BD", "HM", "GL", "SS", "BV", "CM", "MD", "UH", "PX", "TTI", "TO", "TTR", "HD", "TX",
        "DD", "HBT", "LB", "TH", "BTL", "NTL", "HDU", "QO", "TT", "DP", "PT", "ST", "ML", "SYT", "STNMT", "SXD", "STP", "SKHDT"};
    for (int batch = 0; batch < 2; batch++) {
      JsonArray events = new JsonArray();
      for (int i = 0; i < 600; i++) {
        int n = batch * 600 + i;
        String agency = agencies[(n * 7 + n / 13) % agencies.length];
        String stage = n % 5 == 0 ? "completed" : "in_progress";
        OffsetDateTime received = now.minusSeconds(180 + spread * (n % 170) / 170);
        JsonObject d = Events.dossier("wl-seed-" + n, agency, "H-wl-" + n, stage)
            .put("occurredAt", received.plusMinutes(2).toString()).put("receivedAt", received.toString())
            .put("channel", n % 4 == 0 ? "online_full" : n % 4 == 1 ? "online_partial" : "counter")
            .put("dueAt", (n % 9 == 0 ? received.plusMinutes(1) : now.plusDays(1 + n % 10)).toString());
        if ("completed".equals(stage)) {
          d.put("completedAt", received.plusMinutes(2).toString());
        }
        events.add(d);
      }
      var answer = api.postEvents(events.encode());
      assertEquals(600, answer.bodyAsJsonObject().getInteger("accepted"), answer.bodyAsString());
    }
  }

  @Test
  void populatedPageFitsA1920x1080ScreenWithNothingOutsideTheViewport() throws IOException {
    try (Browser browser = populated(1920, 1080)) {
      assertEquals("1920x1080", browser.script("return innerWidth + 'x' + innerHeight"));
      assertEquals(List.of(), outside(browser), "elements outside the 1920×1080 viewport");
      assertEquals(Boolean.FALSE, browser.script("return document.documentElement.scrollHeight > innerHeight"
          + " || document.documentElement.scrollWidth > innerWidth"), "the page scrolls");
      Path shot = browser.screenshot("wall-vi-1920x1080.png");
      assertTrue(Files.size(shot) > 50_000, "a populated screenshot");
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  @Test
  void scalesTo4kWithTheSameLayout() {
    try (Browser browser = populated(3840, 2160)) {
      assertEquals(List.of(), outside(browser), "elements outside the 4K viewport");
      double title = ((Number) browser.script(
          "return parseFloat(getComputedStyle(document.querySelector('.brand h1')).fontSize)")).doubleValue();
      assertTrue(title > 50, "text scales with the screen (title " + title + " px at 4K)");
      browser.screenshot("wall-vi-3840x2160.png");
    }
  }

  @Test
  void vietnameseIsTheDefaultWithVietnameseNumbers() {
    try (Browser browser = populated(1920, 1080)) {
      assertEquals("vi", browser.attr("html", "lang"));
      assertEquals("Trung tâm Điều hành thông minh Hà Nội", browser.text(".brand h1"));
      assertTrue(browser.text("#target-portal").startsWith("Mục tiêu 30,0%"), browser.text("#target-portal"));
      @SuppressWarnings("unchecked")
      List<String> cell = (List<String>) browser.script("const e = document.querySelector(\"#today [data-key='received'] dd\");"
          + " return [e.dataset.value, e.textContent];");
      long received = Long.parseLong(cell.get(0));
      assertTrue(received >= 1_200, "today's received includes the 1,200 seeded: " + received);
      assertEquals(String.format(java.util.Locale.ROOT, "%,d", received).replace(',', '.'), cell.get(1),
          "thousands separated by a dot");
    }
  }

  @Test
  void englishToggleSwitchesEveryVisibleLabel() {
    try (Browser browser = populated(1920, 1080)) {
      browser.one("#lang").click();
      browser.await(LOAD, "the page in English", d -> "en".equals(browser.attr("html", "lang")));
      browser.await(Duration.ofSeconds(2), "every panel re-rendered in English",
          d -> "Hanoi Smart Operations Center".equals(browser.text(".brand h1")));
      browser.await(Duration.ofSeconds(2), "no Vietnamese left on screen", d -> vietnameseOnScreen(browser).isEmpty());
      assertTrue(browser.text("#target-portal").startsWith("Target 30.0%"), browser.text("#target-portal"));
      browser.screenshot("wall-en-1920x1080.png");
      browser.one("#lang").click();
      browser.await(LOAD, "back in Vietnamese", d -> "Trung tâm Điều hành thông minh Hà Nội".equals(browser.text(".brand h1")));
    }
  }

  private static List<String> vietnameseOnScreen(Browser browser) {
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) browser.script(
        "const out = []; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (walk.nextNode()) { const n = walk.currentNode; const e = n.parentElement;"
            + "  if (n.textContent.trim() && e && e.offsetParent !== null) out.push(n.textContent.trim()); }"
            + "document.querySelectorAll('svg text').forEach(t => out.push(t.textContent)); return out;");
    return texts.stream().filter(t -> VIETNAMESE.matcher(t).find()).toList();
  }

  /** Every visible element whose box leaves the viewport, described by tag, class and box. */
  @SuppressWarnings("unchecked")
  private static List<String> outside(Browser browser) {
    return (List<String>) browser.script(
        "const out = []; for (const e of document.querySelectorAll('body *')) {"
            + "  if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;"
            + "  const r = e.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;"
            + "  if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)"
            + "    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + ',' + Math.round(r.top) + ' '"
            + "      + Math.round(r.right) + 'x' + Math.round(r.bottom)); } return out;");
  }

  private static Browser populated(int width, int height) {
    Browser browser = new Browser(width, height, Browser.newProfile());
    browser.open(kioskUrl);
    try {
      browser.await(LOAD, "the wall live with systems, KPIs and feedback", d -> missing(browser).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("wall-not-populated-" + width + "x" + height + ".png");
      String what = missing(browser) + "; console: " + browser.consoleErrors();
      browser.close();
      throw new AssertionError("the wall did not fill within " + LOAD.toSeconds() + " s; missing " + what, e);
    }
    return browser;
  }

  /** What the populated wall still lacks (empty when everything is there). */
  private static List<String> missing(Browser browser) {
    List<String> missing = new java.util.ArrayList<>();
    if (!"live".equals(browser.attr("body", "data-connection"))) missing.add("live connection");
    if (browser.all("#system-tiles .system").size() != 14) missing.add("14 system tiles");
    if ("".equals(browser.attr("#today [data-key='received'] dd", "data-value"))) missing.add("today's dossiers");
    if ("".equals(browser.attr("#fb-totals [data-key='received'] dd", "data-value"))) missing.add("feedback");
    if ("".equals(browser.attr("#target-portal", "data-value"))) missing.add("headline KPIs");
    if (browser.all("#district-ranking tbody tr[data-code]").isEmpty()) missing.add("district ranking");
    return missing;
  }
}
