package vn.hanoi.cityops.notify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramTextTest {
  private static final String PUBLIC = "https://cityops.hanoi.gov.vn";

  @Test
  void theSubjectIsBoldTheTextEscapedAndTheLinkLast() {
    Letter letter = Message.of(new Message.Content("A & B", "x < y"), new Message.Content("A", "x"))
        .withLink("/a?b=1&c=2").in("vi", PUBLIC);
    assertEquals("<b>A &amp; B</b>\n\nx &lt; y\n\n<a href=\"" + PUBLIC + "/a?b=1&amp;c=2\">Mở</a>", TelegramChannel.text(letter));
  }

  @Test
  void aLongTextIsCutBeforeEscapingSoNoEntityIsCutInHalf() {
    Letter letter = Message.of(new Message.Content("S", "<&>\"".repeat(2_000)), new Message.Content("S", "t")).in("vi", PUBLIC);
    String text = TelegramChannel.text(letter);
    String body = text.substring("<b>S</b>\n\n".length());
    assertTrue(body.length() <= TelegramChannel.MAX_TEXT, "length " + body.length());
    assertTrue(body.endsWith("…"), body.substring(body.length() - 20));
    assertTrue(body.replace("&lt;", "").replace("&amp;", "").replace("&gt;", "").replace("&quot;", "")
        .replace("…", "").isEmpty(), "only whole entities are left");
  }
}
