package vn.hanoi.cityops.notify;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {
  private static LocalTime t(String hhmm) {
    return LocalTime.parse(hhmm);
  }

  @Test
  void aDaytimeWindowHoldsFromItsStartUpToButNotIncludingItsEnd() {
    QuietHours lunch = new QuietHours(t("11:30"), t("13:00"));
    assertFalse(lunch.contains(t("11:29")));
    assertTrue(lunch.contains(t("11:30")));
    assertTrue(lunch.contains(t("12:59")));
    assertFalse(lunch.contains(t("13:00")));
  }

  @Test
  void aNightWindowWrapsMidnight() {
    QuietHours night = new QuietHours(t("22:00"), t("06:30"));
    assertTrue(night.contains(t("22:00")));
    assertTrue(night.contains(t("23:59")));
    assertTrue(night.contains(t("00:00")));
    assertTrue(night.contains(t("06:29")));
    assertFalse(night.contains(t("06:30")));
    assertFalse(night.contains(t("12:00")));
    assertFalse(night.contains(t("21:59")));
  }

  @Test
  void aWindowOfNoLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new QuietHours(t("08:00"), t("08:00")));
  }

  @Test
  void onlyTwentyFourHourHhMmParses() {
    assertEquals(t("06:30"), QuietHours.parse("06:30").orElseThrow());
    assertEquals(t("23:59"), QuietHours.parse("23:59").orElseThrow());
    for (String bad : new String[]{"24:00", "6:30", "06:60", "06.30", "", "06:30:00", null}) {
      assertTrue(QuietHours.parse(bad).isEmpty(), String.valueOf(bad));
    }
    assertEquals("06:30", new QuietHours(t("06:30"), t("07:00")).fromText());
  }
}
