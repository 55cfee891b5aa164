package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTest {
  private static final String PUBLIC = "https://cityops.hanoi.gov.vn";
  private static final Message DOWN = Message.of(
          new Message.Content("Một cửa đang ngừng", "Hệ thống một cửa không phản hồi từ 08:02.\n\nĐề nghị kiểm tra."),
          new Message.Content("One-stop system down", "The one-stop system has not answered since 08:02."))
      .withLink("/sre.html#alert-42")
      .withActions(new Message.Action("Xác nhận", "Acknowledge", "/api/v1/alerts/42/ack?t=x"),
          new Message.Action("Mở bảng", "Open board", "https://grafana.hanoi.gov.vn/d/1"))
      .withUrgency(Message.Urgency.HIGH)
      .withTag("alert-42");

  @Test
  void aPersonReadsTheMessageInTheirLanguageVietnameseUnlessEnglish() {
    assertEquals("Một cửa đang ngừng", DOWN.in("vi", PUBLIC).subject());
    assertEquals("One-stop system down", DOWN.in("en", PUBLIC).subject());
    assertEquals("Một cửa đang ngừng", DOWN.in(null, PUBLIC).subject(), "no language: Vietnamese");
    assertEquals("Acknowledge", DOWN.in("en", PUBLIC).buttons().get(0).label());
    assertEquals("Xác nhận", DOWN.in("vi", PUBLIC).buttons().get(0).label());
  }

  @Test
  void relativeLinksAreMadeAbsoluteAgainstThePublicUrlAndAbsoluteOnesKept() {
    Letter letter = DOWN.in("vi", PUBLIC);
    assertEquals(PUBLIC + "/sre.html#alert-42", letter.link());
    assertEquals(PUBLIC + "/api/v1/alerts/42/ack?t=x", letter.buttons().get(0).url());
    assertEquals("https://grafana.hanoi.gov.vn/d/1", letter.buttons().get(1).url());
    assertEquals(PUBLIC + "/x", Message.of(DOWN.vi(), DOWN.en()).withLink("x").in("vi", PUBLIC).link());
    assertNull(Message.of(DOWN.vi(), DOWN.en()).in("vi", PUBLIC).link());
  }

  @Test
  void emailHtmlEscapesTheTextKeepsItsParagraphsAndEndsWithTheLinkAndButtons() {
    Letter letter = Message.of(new Message.Content("A <b> & \"q\"", "dòng 1\ndòng 2\n\nđoạn <2>"), DOWN.en())
        .withLink("/a?x=1&y=2").withActions(DOWN.actions().get(0)).in("vi", PUBLIC);
    String html = letter.emailHtml();
    assertTrue(html.contains("<html lang=\"vi\">"), html);
    assertTrue(html.contains("<title>A &lt;b&gt; &amp; &quot;q&quot;</title>"), html);
    assertTrue(html.contains("<p>dòng 1<br>dòng 2</p><p>đoạn &lt;2&gt;</p>"), html);
    assertTrue(html.contains("<a href=\"" + PUBLIC + "/a?x=1&amp;y=2\">Mở</a>"), html);
    assertTrue(html.contains(">Xác nhận</a>"), html);
  }

  @Test
  void theCallersOwnHtmlIsUsedAsItIs() {
    Letter letter = Message.of(new Message.Content("S", "t", "<table><tr><td>42</td></tr></table>"), DOWN.en()).in("vi", PUBLIC);
    assertTrue(letter.emailHtml().contains("<table><tr><td>42</td></tr></table>"));
  }

  @Test
  void plainTextHasTheTextTheLinkAndEachButton() {
    String text = DOWN.in("en", PUBLIC).plainText();
    assertEquals("The one-stop system has not answered since 08:02.\n\n" + PUBLIC + "/sre.html#alert-42\n"
        + "Acknowledge: " + PUBLIC + "/api/v1/alerts/42/ack?t=x\nOpen board: https://grafana.hanoi.gov.vn/d/1", text);
  }

  @Test
  void aMessageNeedsASubjectAndATextInBothLanguages() {
    assertThrows(IllegalArgumentException.class, () -> new Message.Content(" ", "t"));
    assertThrows(IllegalArgumentException.class, () -> new Message.Content("s", null));
    assertThrows(NullPointerException.class, () -> Message.of(DOWN.vi(), null));
    assertEquals(Message.Urgency.NORMAL, Message.of(DOWN.vi(), DOWN.en()).urgency());
  }

  @Test
  void anSmsKeepsTheLinkAndTheFirstActionWholeAndShortensTheText() {
    Letter long1 = Message.of(new Message.Content("Một cửa đang ngừng", "Chi tiết ".repeat(100)), DOWN.en())
        .withLink("/sre.html#alert-42").withActions(DOWN.actions().toArray(Message.Action[]::new)).in("vi", PUBLIC);
    String sms = SmsChannel.text(long1);
    assertTrue(sms.length() <= SmsChannel.MAX_TEXT, sms.length() + ": " + sms);
    assertTrue(sms.startsWith("Một cửa đang ngừng. Chi tiết"), sms);
    assertTrue(sms.endsWith("\n" + PUBLIC + "/sre.html#alert-42\nXác nhận: " + PUBLIC + "/api/v1/alerts/42/ack?t=x"), sms);
    assertTrue(sms.contains("…"), sms);
    assertFalse(sms.contains("Mở bảng"), "only the first action");
    assertEquals("Một cửa đang ngừng. Hệ thống một cửa không phản hồi từ 08:02. Đề nghị kiểm tra.",
        SmsChannel.text(Message.of(DOWN.vi(), DOWN.en()).in("vi", PUBLIC)), "a short one whole, on one line");
  }

  @Test
  void aPushPayloadCarriesWhatTheServiceWorkerShowsAndFitsAPushMessage() {
    JsonObject payload = new JsonObject(new String(WebPushChannel.payload(DOWN.in("vi", PUBLIC)), StandardCharsets.UTF_8));
    assertEquals("Một cửa đang ngừng", payload.getString("title"));
    assertEquals("alert-42", payload.getString("tag"));
    assertEquals("high", payload.getString("urgency"));
    assertEquals(PUBLIC + "/sre.html#alert-42", payload.getString("url"));
    assertEquals(List.of("Xác nhận", "Mở bảng"), payload.getJsonArray("actions").stream()
        .map(a -> ((JsonObject) a).getString("title")).toList());
    byte[] huge = WebPushChannel.payload(Message.of(new Message.Content("S", "ừ".repeat(5_000)), DOWN.en()).in("vi", PUBLIC));
    assertTrue(huge.length <= 3_800, "bytes " + huge.length);
    assertTrue(new JsonObject(new String(huge, StandardCharsets.UTF_8)).getString("body").endsWith("…"));
  }

  @Test
  void aTagIsItsOwnTopicWhenItFitsElseAStableHashOfIt() {
    assertEquals("alert-42", WebPushChannel.topic("alert-42"));
    String hashed = WebPushChannel.topic("alert:42 / MOTCUA");
    assertEquals(32, hashed.length());
    assertTrue(hashed.matches("[A-Za-z0-9_-]+"));
    assertEquals(hashed, WebPushChannel.topic("alert:42 / MOTCUA"));
    assertNull(WebPushChannel.topic(null));
  }
}
