package vn.hanoi.cityops.meeting;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5545 line folding: at most 75 octets a line, never inside a UTF-8 sequence, and unfolding gives the line back. */
class BriefingCalendarTest {

  @Test
  void longVietnameseLinesFoldAt75OctetsWithoutSplittingACharacterAndUnfoldBack() {
    String summary = "SUMMARY:Giao ban quận Cầu Giấy về hồ sơ quá hạn\\, phản ánh kiến nghị, nhiệm vụ tồn đọng 🏙 của tuần trước và kế hoạch tuần sau";
    String folded = BriefingCalendar.fold("BEGIN:VEVENT\r\n" + summary + "\r\nEND:VEVENT\r\n");
    for (String line : folded.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
      assertTrue(!line.isEmpty() && !Character.isLowSurrogate(line.charAt(0)), "a pair stays whole: " + line);
    }
    assertTrue(folded.split("\r\n").length > 3, "the long line was folded");
    assertEquals("BEGIN:VEVENT\r\n" + summary + "\r\nEND:VEVENT\r\n", folded.replace("\r\n ", ""));
  }

  @Test
  void aShortLineIsLeftAlone() {
    assertEquals("UID:meeting-7@localhost\r\n", BriefingCalendar.fold("UID:meeting-7@localhost\r\n"));
  }
}
