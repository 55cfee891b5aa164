package vn.hanoi.cityops.health;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UptimeTest {
  private static final double HOUR = 3600;

  @Test
  void todayStartsAtHanoiMidnightNotUtcMidnight() {
    // 17:45 UTC on the 23rd is already 00:45 on the 24th in Hanoi.
    Instant asOf = Instant.parse("2026-11-23T17:45:00Z");

    OffsetDateTime start = Uptime.startOfDay(asOf);

    assertEquals(OffsetDateTime.parse("2026-11-24T00:00:00+07:00"), start);
    assertEquals(Instant.parse("2026-11-23T17:00:00Z"), start.toInstant());
  }

  @Test
  void todayStartsAtTheSameMidnightUntilTheLastSecondOfTheDay() {
    assertEquals(OffsetDateTime.parse("2026-11-23T00:00:00+07:00"), Uptime.startOfDay(Instant.parse("2026-11-23T16:59:59Z")));
    assertEquals(OffsetDateTime.parse("2026-11-24T00:00:00+07:00"), Uptime.startOfDay(Instant.parse("2026-11-23T17:00:00Z")));
  }

  @Test
  void weekIsTheLast168Hours() {
    assertEquals(Instant.parse("2026-11-16T09:30:00Z"), Uptime.startOfWeek(Instant.parse("2026-11-23T09:30:00Z")).toInstant());
  }

  @Test
  void noCoveredTimeHasNoUptime() {
    assertNull(Uptime.percent(0, 0));
  }

  @Test
  void neverDownIsExactlyOneHundred() {
    assertEquals(100.0, Uptime.percent(12 * HOUR, 0));
  }

  @Test
  void alwaysDownIsExactlyZero() {
    assertEquals(0.0, Uptime.percent(0, 3 * HOUR));
  }

  @Test
  void shareIsRoundedToTwoDecimals() {
    assertEquals(91.67, Uptime.percent(11 * HOUR, 1 * HOUR));
    assertEquals(96.15, Uptime.percent(25 * HOUR, 1 * HOUR));
    assertEquals(50.0, Uptime.percent(HOUR, HOUR));
    assertEquals(33.33, Uptime.percent(1, 2));
  }

  @Test
  void aShortOutageInALongWeekIsNotRoundedUpToOneHundred() {
    // One second down in a week is 99.9998%.
    assertEquals(99.99, Uptime.percent(7 * 24 * HOUR - 1, 1));
  }

  @Test
  void aMomentOfServiceInALongOutageIsNotRoundedDownToZero() {
    assertEquals(0.01, Uptime.percent(1, 7 * 24 * HOUR - 1));
  }

  @Test
  void negativeSecondsFromClockNoiseCountAsNone() {
    assertEquals(100.0, Uptime.percent(HOUR, -0.000001));
    assertNull(Uptime.percent(-1, 0));
  }
}
