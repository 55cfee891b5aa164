package vn.hanoi.cityops.wall;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wall of a node that has received nothing yet (simulator off, no events): every panel says it has no data
 * instead of an empty (or all-zero) chart or a table of zeros, and a count that is zero is shown plainly, not in the
 * alarm red.
 */
@NodeTest
class WallEmptyIT {
  private static final Duration LOAD = Duration.ofSeconds(30);
  /** --bad: the red of figures that need attention. */
  private static final String RED = "rgb(255, 90, 95)";
  /** --text: the neutral colour. */
  private static final String NEUTRAL = "rgb(232, 238, 249)";

  @Test
  void beforeAnyDataEveryPanelSaysSoAndZeroIsNotRed(Node node) {
    try (Browser browser = new Browser(1920, 1080, Browser.newProfile())) {
      browser.signIn("http://127.0.0.1:" + node.config().httpPort() + "/", "operator", TestNodes.DEMO_PASSWORD);
      browser.await(LOAD, "the wall live and rendered", d -> "live".equals(browser.attr("body", "data-connection"))
          && browser.attr("body", "data-rendered") != null && !"".equals(browser.text("#clock-time")));
      browser.screenshot("wall-empty-1920x1080.png");
      browser.await(Duration.ofSeconds(5), "the throughput chart says it has no data yet",
          d -> browser.one("#throughput-empty").isDisplayed());
      assertEquals("Chưa có dữ liệu", browser.text("#throughput-empty"));
      assertEquals("Không có cảnh báo đang hoạt động", browser.text("#alert-list"));
      assertEquals("—", browser.text("#satisfaction"), "no satisfaction index without ratings");
      assertEquals("0 lượt đánh giá", browser.text("#satisfaction-sample"), "its sample size, zero");
      if (browser.all("#system-tiles .system").isEmpty()) {
        assertTrue(browser.one("#systems-empty").isDisplayed(), "no systems reported: said so");
      }
      List<String> overdue = List.of("#overdue-totals [data-key='overdueNow'] dd", "#overdue-totals [data-key='fbOverdue'] dd");
      for (String css : overdue) {
        String value = browser.attr(css, "data-value");
        String colour = colour(browser, css);
        assertNotEquals(RED, colour, css + " (" + value + ") in red");
        if ("0".equals(value)) {
          assertEquals(NEUTRAL, colour, css + " zero shown neutral");
        }
      }
      assertTrue(browser.all("#district-ranking tbody tr[data-code]").isEmpty(), "no district listed as behind");
      assertTrue(List.of("Chưa có dữ liệu", "Không có hồ sơ, phản ánh quá hạn").contains(browser.text("#district-ranking tbody")),
          "the table says why it is empty: " + browser.text("#district-ranking tbody"));
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  private static String colour(Browser browser, String css) {
    return (String) browser.script("return getComputedStyle(document.querySelector(arguments[0])).color", css);
  }
}
