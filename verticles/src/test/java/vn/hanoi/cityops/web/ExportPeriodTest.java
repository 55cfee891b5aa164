package vn.hanoi.cityops.web;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.failure.Failure;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportPeriodTest {
  private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

  @Test
  void aNamedPeriodIsTheKpiRoutesPeriodLabelledByItsFirstAndLastDay() {
    ExportPeriod month = ExportPeriod.of("month", null, null, NOW);
    assertEquals(Instant.parse("2026-10-31T17:00:00Z"), month.bounds().from());
    assertEquals(Instant.parse("2026-11-30T17:00:00Z"), month.bounds().to());
    assertEquals("2026-11-01_2026-11-30", month.label());
    assertEquals("2026-11-23", ExportPeriod.of(null, null, null, NOW).label());
  }

  @Test
  void datesAreHanoiDaysBothIncluded() {
    ExportPeriod p = ExportPeriod.of(null, "2026-11-01", "2026-11-02", NOW);
    assertEquals(Instant.parse("2026-10-31T17:00:00Z"), p.bounds().from());
    assertEquals(Instant.parse("2026-11-02T17:00:00Z"), p.bounds().to());
    assertEquals("2026-11-01_2026-11-02", p.label());
  }

  @Test
  void badPeriodsAreRefusedNamingTheField() {
    assertField("to", () -> ExportPeriod.of(null, "2026-11-02", "2026-11-01", NOW));
    assertField("from", () -> ExportPeriod.of(null, "2026-02-30", "2026-03-01", NOW));
    assertField("from", () -> ExportPeriod.of(null, null, "2026-03-01", NOW));
    assertField("to", () -> ExportPeriod.of(null, "2025-01-01", "2026-01-02", NOW));
    assertField("period", () -> ExportPeriod.of("year", "2026-01-01", "2026-01-02", NOW));
    assertEquals(366, ExportPeriod.of(null, "2024-01-01", "2024-12-31", NOW).bounds().to()
        .minusSeconds(ExportPeriod.of(null, "2024-01-01", "2024-12-31", NOW).bounds().from().getEpochSecond())
        .getEpochSecond() / 86400);
  }

  private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
    Failure f = assertThrows(Failure.class, call);
    assertEquals(field, f.toJson().getJsonArray("details").getJsonObject(0).getString("field"));
  }
}
