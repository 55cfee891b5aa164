package vn.hanoi.cityops.oncall;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.notify.Letter;
import vn.hanoi.cityops.notify.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTextTest {
  private static final Instant SINCE = OffsetDateTime.parse("2026-11-23T08:02:00+07:00").toInstant();
  private static final PageText.Outage WAN = new PageText.Outage("system:WAN", "WAN", "Mạng diện rộng WAN thành phố",
      "City wide-area network", "Mạng diện rộng WAN thành phố ngừng hoạt động", "City wide-area network is down",
      "critical", 5, SINCE, 42);
  private static final String PUBLIC = "https://cityops.hanoi.gov.vn";

  @Test
  void aPageSaysTheSystemWhatSinceAndWhyInVietnameseWithTheConsoleAndAcknowledgeLinks() {
    Message m = PageText.page(WAN, Escalation.Target.SECONDARY, 0, "SRE Trung tâm dữ liệu", "Data-center SRE",
        "/ack.html?t=abc", 60);
    Letter vi = m.in("vi", PUBLIC);
    assertEquals("[NGHIÊM TRỌNG] Mạng diện rộng WAN thành phố ngừng hoạt động (+4 cảnh báo liên quan)", vi.subject());
    assertTrue(vi.text().contains("Hệ thống: Mạng diện rộng WAN thành phố (WAN)"), vi.text());
    assertTrue(vi.text().contains("Từ: 08:02 ngày 23/11/2026 (giờ Hà Nội)"), vi.text());
    assertTrue(vi.text().contains("Nhóm system:WAN: 5 cảnh báo liên quan, một trang cho cả nhóm."), vi.text());
    assertTrue(vi.text().contains("Bạn nhận tin này vì: người trực phụ của đội SRE Trung tâm dữ liệu."), vi.text());
    assertFalse(vi.text().contains("\n\n"), "no empty line left by a part that does not apply");
    assertEquals(PUBLIC + "/sre.html#alert=42", vi.link());
    assertEquals(List.of(new Letter.Button("Xác nhận cả nhóm", PUBLIC + "/ack.html?t=abc")), vi.buttons());
    assertEquals(Message.Urgency.HIGH, m.urgency());
    assertEquals("system:WAN", m.tag(), "a later push about the outage replaces this one");
  }

  @Test
  void anEnglishReaderGetsItInEnglishAndARepeatSaysSo() {
    Letter en = PageText.page(WAN, Escalation.Target.PRIMARY, 2, "SRE Trung tâm dữ liệu", "Data-center SRE",
        "/ack.html?t=abc", 60).in("en", PUBLIC);
    assertEquals("[CRITICAL] City wide-area network is down (+4 related)", en.subject());
    assertTrue(en.text().contains("Since: 08:02, 23 Nov 2026 (Hanoi time)"), en.text());
    assertTrue(en.text().contains("the primary on call of team Data-center SRE (repeat 2, nobody has acknowledged)"),
        en.text());
    assertEquals("Acknowledge all", en.buttons().get(0).label());
  }

  @Test
  void aLoneOutageSaysNothingOfAGroup() {
    PageText.Outage lone = new PageText.Outage("system:CKS", "CKS", "Dịch vụ chữ ký số", "Digital signature service",
        "Dịch vụ chữ ký số ngừng hoạt động", "Digital signature service is down", "warning", 1, SINCE, 7);
    Letter vi = PageText.page(lone, Escalation.Target.LEAD, 0, "Đội", "Team", "/ack.html?t=x", 60).in("vi", PUBLIC);
    assertEquals("[CẢNH BÁO] Dịch vụ chữ ký số ngừng hoạt động", vi.subject());
    assertFalse(vi.text().contains("Nhóm system:CKS"), vi.text());
    assertTrue(vi.text().contains("trưởng nhóm"), vi.text());
  }

  @Test
  void theAllClearSaysHowLongItLastedAndTheReminderSinceWhen() {
    Letter clear = PageText.allClear(WAN, SINCE.plus(Duration.ofMinutes(125))).in("vi", PUBLIC);
    assertEquals("Đã hết sự cố: Mạng diện rộng WAN thành phố ngừng hoạt động", clear.subject());
    assertTrue(clear.text().contains("đã kết thúc lúc 10:07 ngày 23/11/2026 (kéo dài 2 giờ 5 phút)"), clear.text());
    assertTrue(clear.buttons().isEmpty());
    Letter reminder = PageText.reminder(WAN, SINCE.plusSeconds(60), SINCE.plus(Duration.ofMinutes(31))).in("en", PUBLIC);
    assertEquals("Reminder: City wide-area network is down — not resolved yet", reminder.subject());
    assertTrue(reminder.text().contains("30 min later it is still not resolved"), reminder.text());
  }

  @Test
  void aHandoffListsTheOpenAlertsOrSaysThereAreNone() {
    PageText.Handoff h = new PageText.Handoff("SRE Trung tâm dữ liệu", "Data-center SRE", "primary", "an", "binh",
        OffsetDateTime.parse("2026-11-24T08:00:00+07:00").toInstant());
    Letter incoming = PageText.handoff(h, true, List.of(new PageText.OpenAlert("LGSP chậm", "LGSP slow", true, "an",
        SINCE))).in("vi", PUBLIC);
    assertEquals("Bàn giao ca trực chính: SRE Trung tâm dữ liệu", incoming.subject());
    assertTrue(incoming.text().startsWith("Từ 08:00 ngày 24/11/2026 bạn trực chính cho đội SRE Trung tâm dữ liệu, nhận ca từ an."),
        incoming.text());
    assertTrue(incoming.text().contains("- LGSP chậm (từ 08:02 ngày 23/11/2026, đã xác nhận bởi an)"), incoming.text());
    Letter outgoing = PageText.handoff(h, false, List.of()).in("en", PUBLIC);
    assertTrue(outgoing.text().contains("your primary shift for team Data-center SRE is over; binh takes over."),
        outgoing.text());
    assertTrue(outgoing.text().contains("No alert is open on the team's systems."), outgoing.text());
  }
}
