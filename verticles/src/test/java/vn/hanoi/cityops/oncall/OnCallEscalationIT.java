package vn.hanoi.cityops.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The climb, against a real node and a real SMTP server: an outage pages the team's primary by mail at once, the
 * secondary after the step's delay when nobody acknowledges, nobody more once someone has; whoever acknowledged is
 * reminded while it is not resolved; resolving sends the all-clear to everyone paged; the console's timeline shows
 * each page with its delivery. Each test has a team of its own, owning one system, with short policies (seconds).
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000", "notify.timeoutMs=3000"},
    configFrom = OnCallEscalationIT.Smtp.class)
class OnCallEscalationIT {
  private static Mailbox mailbox;
  private static OnCall oncall;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Api api) {
    oncall = new OnCall(api);
    oncall.freeTheSystems();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static List<MimeMessage> pagesTo(String username, int count, Duration within) {
    return mailbox.await(OnCall.mail(username), s -> !s.startsWith("Đã hết") && !s.startsWith("Nhắc việc")
        && !s.startsWith("All clear") && !s.startsWith("Reminder"), count, within);
  }

  private static boolean noMailTo(String username) {
    return mailbox.to(OnCall.mail(username)).isEmpty();
  }

  @Test
  void anOutagePagesThePrimaryAtOnceAndTheSecondaryAfterTheDelayWhenNobodyAcknowledges() {
    oncall.policy("climb", null, new String[]{"PT0S", "primary"}, new String[]{"PT3S", "secondary"});
    oncall.teamOf("climb", "OPENDATA", "climb", oncall.person("climb.lead", "vi"),
        oncall.person("climb.an", "vi"), oncall.person("climb.binh", "vi"));

    oncall.health("OPENDATA", "down");
    JsonObject alert = oncall.openAlert("OPENDATA");
    Instant fired = Instant.parse(alert.getString("firedAt"));

    pagesTo("climb.an", 1, Duration.ofSeconds(10));
    assertTrue(noMailTo("climb.binh"), "the secondary waits for the step's delay");
    pagesTo("climb.binh", 1, Duration.ofSeconds(10));
    long afterMs = Duration.between(fired, Instant.now()).toMillis();
    System.out.println("oncall_escalation secondary_paged_after_ms=" + afterMs + " delay_ms=3000");
    assertTrue(afterMs >= 3000, "paged " + afterMs + " ms after the outage");
    assertTrue(noMailTo("climb.lead"), "the policy has no lead step");

    JsonArray timeline = oncall.pages(alert.getLong("id"));
    assertEquals(1, timeline.size(), timeline.encodePrettily());
    JsonArray pages = timeline.getJsonObject(0).getJsonArray("pages");
    assertEquals(2, pages.size(), pages.encodePrettily());
    JsonObject first = pages.getJsonObject(0);
    assertEquals("climb.an", first.getString("username"));
    assertEquals("sent", Wait.until(Duration.ofSeconds(5), () -> oncall.pages(alert.getLong("id")).getJsonObject(0)
        .getJsonArray("pages").getJsonObject(0).getString("state"), "sent"::equals, "the first page marked sent"));
    JsonObject delivered = oncall.pages(alert.getLong("id")).getJsonObject(0).getJsonArray("pages").getJsonObject(0);
    JsonObject attempt = delivered.getJsonArray("notifications").getJsonObject(0).getJsonArray("attempts").getJsonObject(0);
    assertEquals("email", attempt.getString("channel"));
    assertEquals("sent", attempt.getString("status"));
  }

  @Test
  void anAcknowledgementBeforeTheDelayStopsTheClimb() {
    oncall.policy("stop", null, new String[]{"PT0S", "primary"}, new String[]{"PT6S", "secondary"});
    String primary = oncall.person("stop.an", "vi");
    oncall.teamOf("stop", "QLVB", "stop", oncall.person("stop.lead", "vi"), primary, oncall.person("stop.binh", "vi"));

    java.time.Instant outage = java.time.Instant.now();
    oncall.health("QLVB", "down");
    pagesTo(primary, 1, Duration.ofSeconds(10));
    oncall.acknowledge(oncall.openAlert("QLVB").getLong("id"), oncall.token(primary));

    // Time passing is the point: the secondary's step falls due 6 s after the outage (room for a busy machine to
    // acknowledge first); watched until 3 s past it.
    Wait.holds(Duration.between(java.time.Instant.now(), outage.plusSeconds(9)), () -> noMailTo("stop.binh"),
        "no page to the secondary after the acknowledgement");
  }

  @Test
  void whoeverAcknowledgedIsRemindedAndResolvingSendsTheAllClearToEveryonePaged() {
    oncall.policy("remind", new JsonObject().put("remindEvery", "PT2S"), new String[]{"PT0S", "primary"},
        new String[]{"PT1S", "lead"});
    String primary = oncall.person("remind.an", "vi");
    String lead = oncall.person("remind.lead", "en");
    oncall.teamOf("remind", "BAOCAO", "remind", lead, primary, null);

    oncall.health("BAOCAO", "down");
    pagesTo(primary, 1, Duration.ofSeconds(10));
    pagesTo(lead, 1, Duration.ofSeconds(10));
    JsonObject alert = oncall.openAlert("BAOCAO");
    oncall.acknowledge(alert.getLong("id"), oncall.token(primary));

    MimeMessage reminder = mailbox.await(OnCall.mail(primary), s -> s.startsWith("Nhắc việc"), 1, Duration.ofSeconds(10)).get(0);
    assertTrue(Mailbox.text(reminder).contains("chưa được xử lý xong"), Mailbox.text(reminder));
    assertTrue(mailbox.to(OnCall.mail(lead), s -> s.startsWith("Reminder")).isEmpty(), "only whoever acknowledged");

    oncall.health("BAOCAO", "up"); // the system is back: the alert resolves by itself (by hand is refused while down)
    MimeMessage toPrimary = mailbox.await(OnCall.mail(primary), s -> s.startsWith("Đã hết sự cố"), 1,
        Duration.ofSeconds(10)).get(0);
    MimeMessage toLead = mailbox.await(OnCall.mail(lead), s -> s.startsWith("All clear"), 1, Duration.ofSeconds(10)).get(0);
    assertTrue(Mailbox.text(toPrimary).contains("đã kết thúc lúc"), Mailbox.text(toPrimary));
    assertTrue(Mailbox.text(toLead).contains("was over at"), Mailbox.text(toLead));
    int reminders = mailbox.to(OnCall.mail(primary), s -> s.startsWith("Nhắc việc")).size();
    Wait.holds(Duration.ofSeconds(3), () -> mailbox.to(OnCall.mail(primary), s -> s.startsWith("Nhắc việc")).size() == reminders
            && mailbox.to(OnCall.mail(primary), s -> s.startsWith("Đã hết")).size() == 1,
        "no reminder after the resolution, one all-clear");
    JsonObject episode = oncall.pages(alert.getLong("id")).getJsonObject(0);
    assertNotNull(episode.getString("closedAt"));
    assertEquals("resolved", episode.getString("closeReason"));
    assertEquals(primary, episode.getString("acknowledgedBy"));
  }

  @Test
  void aPageSaysInVietnameseWhatWhereSinceWhyAndCarriesTheConsoleAndAcknowledgeLinks() {
    oncall.policy("words", null, new String[]{"PT0S", "primary"});
    String primary = oncall.person("words.an", "vi");
    oncall.teamOf("words", "DVC-PORTAL", "words", oncall.person("words.lead", "vi"), primary, null);

    oncall.health("DVC-PORTAL", "down");
    MimeMessage page = pagesTo(primary, 1, Duration.ofSeconds(10)).get(0);
    long alertId = oncall.openAlert("DVC-PORTAL").getLong("id");
    String text = Mailbox.text(page);
    assertTrue(Mailbox.subject(page).contains("Cổng dịch vụ công trực tuyến thành phố"), Mailbox.subject(page));
    assertTrue(Mailbox.subject(page).startsWith("[NGHIÊM TRỌNG]"), Mailbox.subject(page));
    assertTrue(text.contains("Hệ thống: Cổng dịch vụ công trực tuyến thành phố (DVC-PORTAL)"), text);
    assertTrue(text.contains("(giờ Hà Nội)") && text.contains("người trực chính của đội Nhóm words"), text);
    assertTrue(text.contains("http://localhost:8080/sre.html#alert=" + alertId), text);
    assertTrue(text.contains("Xác nhận cả nhóm: http://localhost:8080/ack.html?t="), text);
    assertFalse(OnCall.ackToken(text).isBlank());
    assertTrue(Mailbox.html(page).contains(">Xác nhận cả nhóm</a>"), Mailbox.html(page));
  }
}
