package vn.hanoi.cityops.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email through a real SMTP server (GreenMail): the right recipient, language, text and HTML, STARTTLS, login. */
@NodeTest(config = {"notify.maxPerPersonPerMinute=10000", "notify.timeoutMs=2000"}, configFrom = NotifyEmailIT.Smtp.class)
class NotifyEmailIT {
  private static final String PUBLIC = "http://localhost:8080";
  private static Mailbox mailbox;
  private static Node node;
  private static Persons persons;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Node started, Api api) {
    node = started;
    persons = new Persons(api);
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static Message down(String system) {
    return Message.of(
            new Message.Content("Hệ thống " + system + " ngừng hoạt động", "Hệ thống " + system + " không phản hồi từ 08:02.\n\nĐề nghị kiểm tra <ngay>."),
            new Message.Content("System " + system + " is down", "System " + system + " has not answered since 08:02."))
        .withLink("/sre.html#alert-42")
        .withActions(new Message.Action("Xác nhận", "Acknowledge", "/api/v1/alerts/42/ack"));
  }

  private static Notification send(String username, Message message, String ref) {
    return Api.await(node.notifier().notify(username, message, ref));
  }

  @Test
  void aVietnameseReaderGetsTheMailInVietnameseWithPlainTextAndHtml() throws Exception {
    Notification n = send("operator", down("MOTCUA"), "alert:vi");

    assertEquals(Notification.Status.SENT, n.status(), n.toString());
    assertEquals(1, n.attempts().size());
    Attempt attempt = n.attempts().get(0);
    assertEquals(ChannelKind.EMAIL, attempt.channel());
    assertEquals(Attempt.Status.SENT, attempt.status());
    assertEquals("o***@localhost", attempt.address());
    MimeMessage mail = mailbox.await("operator@localhost", 1).get(0);
    assertEquals("Hệ thống MOTCUA ngừng hoạt động", mail.getSubject());
    assertEquals("cityops@localhost", mail.getFrom()[0].toString());
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertTrue(text.contains("Hệ thống MOTCUA không phản hồi từ 08:02.") && text.contains("Đề nghị kiểm tra <ngay>."), text);
    assertTrue(text.contains(PUBLIC + "/sre.html#alert-42") && text.contains("Xác nhận: " + PUBLIC + "/api/v1/alerts/42/ack"), text);
    assertTrue(html.contains("<p>Đề nghị kiểm tra &lt;ngay&gt;.</p>"), html);
    assertTrue(html.contains("<a href=\"" + PUBLIC + "/sre.html#alert-42\">Mở</a>"), html);
    assertTrue(html.contains(">Xác nhận</a>"), html);
    assertEquals("vi", mail.getHeader("Content-Language", null));
  }

  @Test
  void anEnglishReaderGetsItInEnglish() throws Exception {
    persons.create("mail.reader.en", "en");
    persons.add("mail.reader.en", Persons.email("reader.en@hanoi.gov.vn"));

    Notification n = send("mail.reader.en", down("LGSP"), "alert:en");

    assertEquals(Notification.Status.SENT, n.status(), n.toString());
    assertEquals("System LGSP is down", n.subject());
    MimeMessage mail = mailbox.await("reader.en@hanoi.gov.vn", 1).get(0);
    assertEquals("System LGSP is down", mail.getSubject());
    assertTrue(part(mail, "text/plain").contains("has not answered since 08:02") , part(mail, "text/plain"));
    assertTrue(part(mail, "text/html").contains(">Acknowledge</a>"));
    assertFalse(part(mail, "text/plain").contains("Hệ thống"));
  }

  @Test
  void anInvitationCarriesItsCalendarFile() throws Exception {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Giao ban trực tuyến\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    Message invitation = Message.of(new Message.Content("Mời họp giao ban", "Giao ban trực tuyến lúc 08:00."),
            new Message.Content("Briefing invitation", "Online briefing at 08:00."))
        .withAttachments(new Message.Attachment("giao-ban.ics", "text/calendar; method=REQUEST; charset=utf-8",
            ics.getBytes(StandardCharsets.UTF_8)));

    assertEquals(Notification.Status.SENT, send("leader", invitation, "meeting:7").status());

    MimeMessage mail = mailbox.await("leader@localhost", 1).get(0);
    Part calendar = find(mail, "text/calendar");
    assertEquals("giao-ban.ics", calendar.getFileName());
    assertEquals(ics, read(calendar));
  }

  @Test
  void withStarttlsOffOrOptionalMailGoesThroughAndRequiredFailsForGoodAgainstAServerThatOffersNone() {
    Letter letter = down("QLVB").in("vi", PUBLIC);
    for (AppConfig.StartTls mode : new AppConfig.StartTls[]{AppConfig.StartTls.OFF, AppConfig.StartTls.OPTIONAL}) {
      String to = "starttls-" + mode.name().toLowerCase() + "@hanoi.gov.vn";
      Delivery d = Api.await(channel(smtp(mailbox.port(), mode, "", "")).send(email(to), letter));
      assertEquals(Attempt.Status.SENT, d.status(), mode + ": " + d);
      mailbox.await(to, 1);
    }
    Delivery required = Api.await(channel(smtp(mailbox.port(), AppConfig.StartTls.REQUIRED, "", ""))
        .send(email("starttls-required@hanoi.gov.vn"), letter));
    assertEquals(Attempt.Status.FAILED, required.status(), required.toString());
    assertFalse(required.retryable(), "asking again will not make the server offer STARTTLS");
    assertTrue(required.error().toLowerCase().contains("starttls"), required.error());
    assertTrue(mailbox.to("starttls-required@hanoi.gov.vn").isEmpty());
  }

  @Test
  void aServerThatIsDownIsWorthARetry() {
    Delivery d = Api.await(channel(smtp(TestNodes.freePort(), AppConfig.StartTls.OPTIONAL, "", ""))
        .send(email("nobody@hanoi.gov.vn"), down("WAN").in("vi", PUBLIC)));
    assertEquals(Attempt.Status.FAILED, d.status());
    assertTrue(d.retryable(), d.toString());
  }

  @Test
  void aLoginIsUsedWhenAUsernameIsSetAndAWrongPasswordFailsForGood() {
    try (Mailbox strict = Mailbox.start()) {
      strict.server().setUser("cityops@localhost", "cityops", "mail-pass-1");
      Letter letter = down("CKS").in("vi", PUBLIC);
      Delivery right = Api.await(channel(smtp(strict.port(), AppConfig.StartTls.OFF, "cityops", "mail-pass-1"))
          .send(email("login-ok@hanoi.gov.vn"), letter));
      assertEquals(Attempt.Status.SENT, right.status(), right.toString());
      strict.await("login-ok@hanoi.gov.vn", 1);
      Delivery wrong = Api.await(channel(smtp(strict.port(), AppConfig.StartTls.OFF, "cityops", "not-the-password"))
          .send(email("login-bad@hanoi.gov.vn"), letter));
      assertEquals(Attempt.Status.FAILED, wrong.status(), wrong.toString());
      assertFalse(wrong.retryable(), wrong.toString());
      assertTrue(strict.to("login-bad@hanoi.gov.vn").isEmpty());
    }
  }

  /** Not a timed test: prints how long notify() takes until GreenMail holds the mail, one at a time and all at once. */
  @Test
  void everyOneOfAFewHundredMailsArrivesAndTheTimeFromNotifyToTheMailboxIsPrinted() {
    int count = 300;
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      Notification n = send("sre", down("S" + i), "measure:sequential");
      micros.add((System.nanoTime() - started) / 1_000);
      assertEquals(Notification.Status.SENT, n.status());
    }
    long allStarted = System.nanoTime();
    List<io.vertx.core.Future<Notification>> burst = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      burst.add(node.notifier().notify("admin", down("B" + i), "measure:burst"));
    }
    Api.await(io.vertx.core.Future.all(burst));
    long burstMs = (System.nanoTime() - allStarted) / 1_000_000;
    assertEquals(count, mailbox.await("sre@localhost", count).size());
    assertEquals(count, mailbox.await("admin@localhost", count).size());
    Collections.sort(micros);
    System.out.printf("notify_email_latency n=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f burst_n=%d burst_ms=%d at=%s%n", count,
        micros.get(count / 2) / 1000.0, micros.get(count * 95 / 100) / 1000.0, micros.get(count - 1) / 1000.0,
        count, burstMs, OffsetDateTime.now());
  }

  private static EmailChannel channel(AppConfig.Smtp smtp) {
    return new EmailChannel(node.vertx(), smtp, 2_000);
  }

  private static AppConfig.Smtp smtp(int port, AppConfig.StartTls mode, String username, String password) {
    return new AppConfig.Smtp("127.0.0.1", port, "cityops@localhost", username, password, mode);
  }

  private static ContactPoint email(String address) {
    OffsetDateTime now = OffsetDateTime.now();
    return new ContactPoint(0, 0, ChannelKind.EMAIL, address, null, null, 0, false, null, now, now);
  }

  private static String part(Part part, String type) throws Exception {
    return read(find(part, type));
  }

  private static Part find(Part part, String type) throws Exception {
    if (part.isMimeType(type + "*") || part.getContentType().toLowerCase().startsWith(type)) {
      return part;
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        try {
          return find(child, type);
        } catch (AssertionError notHere) {
          // look further
        }
      }
    }
    throw new AssertionError("no " + type + " part in " + part.getContentType());
  }

  private static String read(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
