package vn.hanoi.cityops.city;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

  @ParameterizedTest(name = "{0} at {1}: [{2}, {3})")
  @CsvSource({
      // a Hanoi morning
      "today, 2026-11-23T01:00:00Z, 2026-11-22T17:00:00Z, 2026-11-23T17:00:00Z",
      // 23:30 UTC is 06:30 the next day in Hanoi: that day, not the UTC one
      "today, 2026-11-23T23:30:00Z, 2026-11-23T17:00:00Z, 2026-11-24T17:00:00Z",
      // local midnight exactly starts a new day
      "today, 2026-11-23T17:00:00Z, 2026-11-23T17:00:00Z, 2026-11-24T17:00:00Z",
      // one millisecond before local midnight is still the old day
      "today, 2026-11-23T16:59:59.999Z, 2026-11-22T17:00:00Z, 2026-11-23T17:00:00Z",
      "month, 2026-11-23T01:00:00Z, 2026-10-31T17:00:00Z, 2026-11-30T17:00:00Z",
      // 30 November 20:00 UTC is 1 December in Hanoi
      "month, 2026-11-30T20:00:00Z, 2026-11-30T17:00:00Z, 2026-12-31T17:00:00Z",
      "month, 2028-02-10T00:00:00Z, 2028-01-31T17:00:00Z, 2028-02-29T17:00:00Z",
      "month, 2027-02-10T00:00:00Z, 2027-01-31T17:00:00Z, 2027-02-28T17:00:00Z",
      "year, 2026-11-23T01:00:00Z, 2025-12-31T17:00:00Z, 2026-12-31T17:00:00Z",
      // New Year's Eve 18:00 UTC is already 1 January in Hanoi
      "year, 2026-12-31T18:00:00Z, 2026-12-31T17:00:00Z, 2027-12-31T17:00:00Z",
      "year, 2026-12-31T16:59:59Z, 2025-12-31T17:00:00Z, 2026-12-31T17:00:00Z",
  })
  void boundsFollowTheHanoiCalendar(String code, Instant now, Instant from, Instant to) {
    Period.Bounds b = Period.of(code).orElseThrow().bounds(now);

    assertEquals(new Period.Bounds(from, to), b);
    assertTrue(b.contains(now));
  }

  @Test
  void boundsIncludeTheirStartAndExcludeTheirEnd() {
    Period.Bounds b = Period.TODAY.bounds(Instant.parse("2026-11-23T01:00:00Z"));

    assertTrue(b.contains(b.from()));
    assertFalse(b.contains(b.to()));
    assertFalse(b.contains(b.from().minusMillis(1)));
  }

  @Test
  void periodsAreNamedAsTheApiSpellsThem() {
    assertEquals(Optional.of(Period.TODAY), Period.of("today"));
    assertEquals(Optional.of(Period.MONTH), Period.of("month"));
    assertEquals(Optional.of(Period.YEAR), Period.of("year"));
    assertEquals(Optional.empty(), Period.of("week"));
    assertEquals(Optional.empty(), Period.of("TODAY"));
    assertEquals(Optional.empty(), Period.of(""));
    assertEquals(Optional.empty(), Period.of(null));
  }

  @Test
  void startOfDayCountsBackInHanoiDays() {
    Instant now = Instant.parse("2026-11-23T23:30:00Z"); // 24 November, 06:30 in Hanoi

    assertEquals(Instant.parse("2026-11-23T17:00:00Z"), Period.startOfDay(now, 0));
    assertEquals(Instant.parse("2026-11-10T17:00:00Z"), Period.startOfDay(now, 13));
  }

  @Test
  void isoTimesAreWrittenInHanoiTime() {
    assertEquals("2026-11-23T00:00:00+07:00", Period.iso(Instant.parse("2026-11-22T17:00:00Z")));
    assertEquals("2026-11-23T08:00:00.123+07:00", Period.iso(Instant.parse("2026-11-23T01:00:00.123Z")));
  }
}
