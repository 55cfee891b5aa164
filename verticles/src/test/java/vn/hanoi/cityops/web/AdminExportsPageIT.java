package vn.hanoi.cityops.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Accessibility;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.CsvText;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Screen;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin page's exports and audit sections in headless Chromium: an admin filters the audit log, pages it with
 * the node's cursor and exports the filter as a CSV file that lands in the download folder; a leader downloads the
 * district ranking from the exports section (parsed back, in the ranking's order) and is told in Vietnamese, beside
 * the field, when the dates are the wrong way round; on a phone the sections neither scroll sideways nor shrink text.
 */
@NodeTest
class AdminExportsPageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static String base;
  private static Api api;

  @BeforeAll
  static void start(Node node, Api client) {
    base = "http://127.0.0.1:" + node.config().httpPort();
    api = client;
    assertEquals(120, api.count("WITH added AS (INSERT INTO audit_log (actor, actor_kind, action, target, outcome) "
        + "SELECT 'ui-tester', 'system', 'test.ui', 'item-' || g, 'success' FROM generate_series(1, 120) g RETURNING 1) "
        + "SELECT count(*) FROM added"));
  }

  private static Path downloadsOf(Browser browser) {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "downloads-");
      browser.cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one finished file in {@code dir}, once it is there. */
  private static Path downloaded(Browser browser, Path dir) {
    return browser.await(LOAD, "a finished download in " + dir, d -> {
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
        return done.size() == 1 ? done.get(0) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<List<String>> csv(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "the UTF-8 BOM");
      return CsvText.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries' ids as the table shows them now, read in one step (the table is redrawn while a page loads). */
  @SuppressWarnings("unchecked")
  private static List<String> ids(Browser b) {
    return (List<String>) b.script("return [...document.querySelectorAll('#audit-panel tbody tr')].map(r => r.dataset.id)");
  }

  @Test
  void anAdminFiltersTheAuditLogPagesItAndExportsTheFilterAsCsv() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      Path downloads = downloadsOf(b);
      b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the audit log's first page", d -> b.all("#audit-panel tbody tr").size() > 0);
      b.one("#audit-panel input[name='actor']").sendKeys("ui-tester");
      b.one("#audit-panel input[name='action']").sendKeys("test.ui");
      b.one("#audit-panel button[data-action='search']").click();
      b.await(LOAD, "50 entries of the filter", d -> Boolean.TRUE.equals(b.script(
          "const actors = [...document.querySelectorAll('#audit-panel tbody td.actor')].map(td => td.textContent);"
          + " return actors.length === 50 && actors.every(a => a === 'ui-tester');")));
      assertTrue(b.text("#audit-panel tbody").contains("item-120"), "newest first");
      assertEquals("Trang 1: 50 mục.", b.text("#audit-panel .audit-status"));
      List<String> first = ids(b);

      b.one("#audit-panel button[data-action='older']").click();
      b.await(LOAD, "the second page", d -> b.text("#audit-panel .audit-status").startsWith("Trang 2"));
      List<String> second = ids(b);
      assertEquals(50, second.size());
      assertTrue(Long.parseLong(second.get(0)) < Long.parseLong(first.get(49)), "older entries follow on");
      b.one("#audit-panel button[data-action='older']").click();
      b.await(LOAD, "the last page", d -> b.text("#audit-panel .audit-status").equals("Trang 3: 20 mục."));
      assertEquals("item-1", b.text("#audit-panel tbody tr:last-child td.target"), "the oldest entry last");
      assertFalse(b.one("#audit-panel button[data-action='older']").isEnabled(), "no page after the last");
      b.one("#audit-panel button[data-action='newest']").click();
      b.await(LOAD, "back to the first page", d -> ids(b).equals(first));

      b.one("#audit-panel button[data-action='export']").click();
      Path file = downloaded(b, downloads);
      assertEquals("nhat-ky-thao-tac.csv", file.getFileName().toString());
      List<List<String>> records = csv(file);
      assertEquals(List.of("Mã", "Thời điểm", "Người thực hiện", "Loại", "Hành động", "Đối tượng", "Kết quả", "Địa chỉ",
          "Chi tiết"), records.get(0));
      assertEquals(121, records.size(), "the header and every entry of the filter, not just the page shown");
      assertEquals(first.get(0), records.get(1).get(0));
      assertTrue(records.subList(1, 121).stream().allMatch(r -> r.get(2).equals("ui-tester") && r.get(4).equals("test.ui")));
      b.await(LOAD, "the download said", d -> b.text("#audit-panel .done").contains("nhat-ky-thao-tac.csv"));
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void aLeaderDownloadsTheDistrictRankingAndIsToldWhenTheDatesAreTheWrongWayRound() {
    String leader = api.token("leader");
    JsonArray ranking = api.send(HttpMethod.GET, "/api/v1/rankings/districts?period=month&limit=1000", leader, null)
        .bodyAsJsonObject().getJsonArray("items");
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      Path downloads = downloadsOf(b);
      b.signIn(base + "/admin.html", "leader", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "the exports section", d -> !b.all("#exports-panel button[data-action='download']").isEmpty());
      assertTrue(b.all("#audit-panel").isEmpty(), "the audit log is for admins only");
      assertEquals(UiMessages.vi("exp.kind.rankings-districts"),
          b.script("const s = document.querySelector('#exports-panel select[name=kind]'); return s.options[s.selectedIndex].text;"));

      b.script("const f = document.querySelector('#exports-panel input[name=from]'); f.value = '2026-11-30';"
          + "document.querySelector('#exports-panel input[name=to]').value = '2026-11-01';");
      b.one("#exports-panel button[data-action='download']").click();
      b.await(LOAD, "the refusal beside the end date", d -> !b.text("#exports-panel [data-error-for='to']").isEmpty());
      assertEquals(UiMessages.vi("exp.err.code.invalid_parameter.to"), b.text("#exports-panel [data-error-for='to']"));

      b.script("document.querySelector('#exports-panel input[name=from]').value = arguments[0].slice(0, 8) + '01';"
          + "document.querySelector('#exports-panel input[name=to]').value = arguments[0];", lastOfMonth());
      b.one("#exports-panel button[data-action='download']").click();
      Path file = downloaded(b, downloads);
      assertTrue(file.getFileName().toString().matches("xep-hang-quan-huyen_\\d{4}-\\d{2}-01_\\d{4}-\\d{2}-\\d{2}\\.csv"),
          file.getFileName().toString());
      List<List<String>> records = csv(file);
      assertEquals("Hạng", records.get(0).get(0));
      assertEquals(ranking.size() + 1, records.size());
      for (int i = 0; i < ranking.size(); i++) {
        JsonObject item = ranking.getJsonObject(i);
        assertEquals(List.of(String.valueOf(item.getInteger("rank")), item.getString("code"), item.getString("nameVi")),
            records.get(i + 1).subList(0, 3));
      }
      b.await(LOAD, "the download said", d -> b.text("#exports-panel .done").contains(file.getFileName().toString()));
      assertTrue(b.text("#exports-panel [data-error-for='to']").isEmpty(), "the refusal is gone");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  /** The last day of this month in Hanoi, yyyy-MM-dd. */
  private static String lastOfMonth() {
    var month = vn.hanoi.cityops.city.Period.MONTH.bounds(java.time.Instant.now());
    return month.to().minusSeconds(1).atZone(vn.hanoi.cityops.city.Hanoi.ZONE).toLocalDate().toString();
  }

  @Test
  void onAPhoneTheSectionsFitReadAndTouchWell() {
    try (Browser b = new Browser(390, 844, Browser.newProfile())) {
      b.signIn(base + "/admin.html", "admin", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "both sections filled", d -> b.all("#audit-panel tbody tr").size() > 0
          && !b.all("#exports-panel button[data-action='download']").isEmpty());
      b.screenshot("admin-exports-phone");
      assertEquals(List.of(), Screen.sidewaysScroll(b));
      assertEquals(List.of(), Screen.textSmallerThan(b, 14));
      assertEquals(List.of(), Screen.touchTargetsSmallerThan(b, 44));
      assertEquals(List.of(), Accessibility.seriousViolations(b));
      b.one("#lang").click();
      b.await(LOAD, "English", d -> "Data exports (CSV)".equals(
          b.script("return document.getElementById('exports-title').textContent;")));
      WebElement older = b.one("#audit-panel button[data-action='older']");
      assertEquals("Older entries", older.getText());
      assertEquals(List.of(), b.consoleErrors());
    }
  }
}
