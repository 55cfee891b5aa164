package vn.hanoi.cityops.oncall;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaintenanceWindowTest {
  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  /** Saturday night 22:00 to Sunday 02:00, Hanoi time. */
  private static MaintenanceWindow saturdayNight(boolean weekly, List<String> systems) {
    return new MaintenanceWindow(1, systems, at("2026-12-05T22:00:00"), at("2026-12-06T02:00:00"), weekly,
        "Bảo trì định kỳ", "sre", at("2026-12-01T09:00:00"));
  }

  @Test
  void aOneOffWindowHoldsFromItsStartUntilJustBeforeItsEnd() {
    MaintenanceWindow w = saturdayNight(false, List.of("LGSP"));
    assertTrue(w.covering("LGSP", at("2026-12-05T21:59:59")).isEmpty());
    assertEquals(at("2026-12-05T22:00:00"), w.covering("LGSP", at("2026-12-05T22:00:00")).orElseThrow().from());
    assertTrue(w.covering("LGSP", at("2026-12-06T01:59:59")).isPresent());
    assertTrue(w.covering("LGSP", at("2026-12-06T02:00:00")).isEmpty(), "the end is not inside");
    assertTrue(w.covering("LGSP", at("2026-12-12T23:00:00")).isEmpty(), "once only");
    assertTrue(w.over(at("2026-12-06T02:00:00")));
  }

  @Test
  void aWindowHoldsOnlyTheSystemsItNamesOrEveryOneWhenItNamesNone() {
    assertTrue(saturdayNight(false, List.of("LGSP")).covering("WAN", at("2026-12-05T23:00:00")).isEmpty());
    assertTrue(saturdayNight(false, List.of()).covering("WAN", at("2026-12-05T23:00:00")).isPresent());
    assertTrue(saturdayNight(false, null).appliesTo("MOTCUA"));
  }

  @Test
  void aWeeklyWindowComesBackEveryWeekAtTheSameHanoiTime() {
    MaintenanceWindow w = saturdayNight(true, List.of());
    MaintenanceWindow.Occurrence third = w.covering("QLVB", at("2026-12-20T01:30:00")).orElseThrow();
    assertEquals(at("2026-12-19T22:00:00"), third.from());
    assertEquals(at("2026-12-20T02:00:00"), third.to());
    assertTrue(w.at(at("2026-12-16T12:00:00")).isEmpty(), "midweek: none");
    assertEquals(at("2026-12-19T22:00:00"), w.currentOrNext(at("2026-12-16T12:00:00")).orElseThrow().from());
    assertTrue(w.at(at("2026-12-01T23:00:00")).isEmpty(), "nothing before its first occurrence");
    assertEquals(at("2026-12-05T22:00:00"), w.currentOrNext(at("2026-12-01T23:00:00")).orElseThrow().from());
    assertFalse(w.over(at("2027-06-01T00:00:00")));
  }

  @Test
  void aWindowEndsAfterItStarts() {
    assertThrows(IllegalArgumentException.class, () -> new MaintenanceWindow(1, List.of(), at("2026-12-05T22:00:00"),
        at("2026-12-05T22:00:00"), false, "x", "sre", at("2026-12-01T09:00:00")));
  }
}
