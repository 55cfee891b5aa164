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
  void aLineFoldedByCharactersIsUnfoldedThenFoldedByOctets() {
    String line = "DESCRIPTION:Chương trình: " + "Hồ sơ quá hạn của các phường ".repeat(4);
    String byCharacters = "BEGIN:VEVENT\r\n" + line.substring(0, 30) + "\r\n " + line.substring(30) + "\r\nEND:VEVENT\r\n";
    String folded = BriefingCalendar.fold(byCharacters);
    String[] lines = folded.split("\r\n");
    assertEquals(line, (lines[1] + lines[2].substring(1) + lines[3].substring(1)), "refolded, not folded twice");
    assertTrue(lines[1].getBytes(StandardCharsets.UTF_8).length >= 72, "the first line is filled: " + lines[1]);
  }

  @Test
  void aShortLineIsLeftAlone() {
    assertEquals("UID:meeting-7@localhost\r\n", BriefingCalendar.fold("UID:meeting-7@localhost\r\n"));
  }
}
