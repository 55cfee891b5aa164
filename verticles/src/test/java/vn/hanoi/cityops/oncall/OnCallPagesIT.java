package vn.hanoi.cityops.oncall;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in headless Chromium: the console link of a page ({@code /sre.html#alert=<id>}) opens the alert with
 * the pages of its outage and how each was delivered; the acknowledge link's page shows what it acknowledges and
 * acknowledges the group only when its button is pressed, in Vietnamese.
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000"}, configFrom = OnCallPagesIT.Smtp.class)
class OnCallPagesIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static Mailbox mailbox;
  private static OnCall oncall;
  private static String base;
  private static String primary;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Node node, Api api) {
    base = "http://127.0.0.1:" + node.config().httpPort();
    oncall = new OnCall(api);
    oncall.freeTheSystems();
    oncall.policy("console", null, new String[]{"PT0S", "primary"});
    primary = oncall.person("console.an", "vi");
    oncall.teamOf("console", "OPENDATA", "console", primary, primary, null);
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void theConsoleLinkOfAPageOpensTheAlertWithItsDeliveriesAndTheAcknowledgeLinkActsOnlyOnTheButton() {
    oncall.health("OPENDATA", "down");
    MimeMessage page = mailbox.await(OnCall.mail(primary), s -> s.contains("Cổng dữ liệu"), 1, Duration.ofSeconds(10)).get(0);
    long id = oncall.openAlert("OPENDATA").getLong("id");
    assertTrue(Mailbox.text(page).contains("/sre.html#alert=" + id), Mailbox.text(page));

    try (Browser console = new Browser(1600, 1000, Browser.newProfile())) {
      console.signIn(base + "/sre.html#alert=" + id, "sre", TestNodes.DEMO_PASSWORD);
      console.await(LOAD, "the linked alert with its page, delivered by email",
          d -> !console.all("#pages li[data-kind='page'][data-state='sent']").isEmpty());
      assertTrue(console.text("#detail").contains("Cổng dữ liệu thành phố ngừng hoạt động"), console.text("#detail"));
      assertTrue(console.text("#pages").contains(primary) && console.text("#pages").contains("email: sent"),
          console.text("#pages"));
      assertEquals(List.of(), console.consoleErrors());
    }

    try (Browser phone = new Browser(420, 900, Browser.newProfile())) {
      phone.open(base + "/ack.html?t=" + OnCall.ackToken(Mailbox.text(page)));
      phone.await(LOAD, "what the link acknowledges", d -> "usable".equals(phone.attr("body", "data-status")));
      assertTrue(phone.text("main").contains("Cổng dữ liệu thành phố (OPENDATA)"), phone.text("main"));
      assertTrue(phone.text("main").contains("Xác nhận cả nhóm"), phone.text("main"));
      assertEquals("firing", oncall.openAlert("OPENDATA").getString("state"), "opening the page acknowledged nothing");
      phone.one("#ack-button").click();
      phone.await(LOAD, "acknowledged", d -> "1".equals(phone.attr("body", "data-acknowledged")));
      assertTrue(phone.text("#ack-result").contains("Đã xác nhận 1 cảnh báo"), phone.text("#ack-result"));
      assertEquals(primary, oncall.openAlert("OPENDATA").getString("acknowledgedBy"));
      assertEquals(List.of(), phone.consoleErrors());
    }
  }
}
