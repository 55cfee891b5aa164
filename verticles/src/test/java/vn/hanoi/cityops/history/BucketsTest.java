package vn.hanoi.cityops.history;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.history.Buckets.Step;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketsTest {
  /** 2026-11-23 08:37:25.5 in Hanoi. */
  private static final Instant NOW = hanoi("2026-11-23T08:37:25.5");

  private static Instant hanoi(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  @Test
  void minuteAndHourBucketsStartAtWholeHanoiMinutesAndHours() {
    assertEquals(hanoi("2026-11-23T08:37:00"), Step.MINUTE.floor(NOW));
    assertEquals(hanoi("2026-11-23T08:38:00"), Step.MINUTE.ceil(NOW));
    assertEquals(hanoi("2026-11-23T08:00:00"), Step.HOUR.floor(NOW));
    assertEquals(hanoi("2026-11-23T09:00:00"), Step.HOUR.ceil(NOW));
    assertEquals(hanoi("2026-11-24T00:00:00"), Step.HOUR.floor(hanoi("2026-11-24T00:59:59")), "Hanoi midnight is an hour bucket");
  }

  @Test
  void aBucketStartIsItsOwnFloorAndCeiling() {
    Instant t = hanoi("2026-11-23T08:00:00");
    for (Step s : Step.values()) {
      assertEquals(t, s.floor(t));
      assertEquals(t, s.ceil(t));
    }
  }

  @Test
  void minutesAreKeptFortyEightHoursAndHoursNinetyDays() {
    assertEquals(hanoi("2026-11-21T08:37:00"), Step.MINUTE.oldestKept(NOW));
    assertEquals(hanoi("2026-08-25T08:00:00"), Step.HOUR.oldestKept(NOW));
  }

  @Test
  void aMinuteRunRewritesTheCurrentMinuteAndTheTwoBefore() {
    Buckets.MinuteRun run = Buckets.minuteRun(NOW);
    assertEquals(hanoi("2026-11-23T08:37:00"), run.current());
    assertEquals(hanoi("2026-11-23T08:35:00"), run.recomputeFrom());
    assertEquals(hanoi("2026-11-21T08:37:00"), run.oldestKept());
  }

  @Test
  void anHourlyRollCoversTheHoursOfTheLastTwoHoursUpToTheCurrentOne() {
    Buckets.HourRun run = Buckets.hourRun(NOW, null);
    assertEquals(hanoi("2026-11-23T06:00:00"), run.from());
    assertEquals(hanoi("2026-11-23T09:00:00"), run.to());
    assertEquals(hanoi("2026-11-21T08:37:00"), run.minuteCutoff());
    assertEquals(hanoi("2026-08-25T08:00:00"), run.hourCutoff());
  }

  @Test
  void anHourlyRollReachesBackToTheHourOfALateMinute() {
    assertEquals(hanoi("2026-11-22T21:00:00"), Buckets.hourRun(NOW, hanoi("2026-11-22T21:42:00")).from());
  }

  @Test
  void aRecentDirtyMinuteDoesNotShortenTheHourlyRoll() {
    assertEquals(hanoi("2026-11-23T06:00:00"), Buckets.hourRun(NOW, hanoi("2026-11-23T08:36:00")).from());
  }

  @Test
  void anHourlyRollNeverRollsAnHourWhoseFirstMinutesAreAlreadyDeleted() {
    // minutes are kept from 2026-11-21 08:37: the hour 08:00 of that day is incomplete, 09:00 is whole
    assertEquals(hanoi("2026-11-21T09:00:00"), Buckets.hourRun(NOW, hanoi("2026-11-20T10:00:00")).from());
  }

  @Test
  void theDefaultSeriesIsTheLast24HoursByMinuteUpToTheCurrentMinute() {
    Buckets.Window w = Buckets.window(null, null, null, NOW);
    assertEquals(Step.MINUTE, w.step());
    assertEquals(hanoi("2026-11-22T08:37:00"), w.first());
    assertEquals(hanoi("2026-11-23T08:38:00"), w.end());
    assertEquals(24 * 60 + 1, w.buckets());
  }

  @Test
  void everyBucketOverlappingTheRangeHasAPoint() {
    Buckets.Window w = Buckets.window(hanoi("2026-11-23T08:00:30"), hanoi("2026-11-23T08:10:00"), null, NOW);
    assertEquals(hanoi("2026-11-23T08:00:00"), w.first());
    assertEquals(hanoi("2026-11-23T08:10:00"), w.end(), "to is exclusive");
    assertEquals(10, w.buckets());
  }

  @Test
  void bucketsAfterTheCurrentOneHaveNoPoint() {
    Buckets.Window w = Buckets.window(hanoi("2026-11-23T08:30:00"), hanoi("2026-11-23T09:30:00"), null, NOW);
    assertEquals(hanoi("2026-11-23T08:38:00"), w.end());
    Buckets.Window future = Buckets.window(hanoi("2026-11-24T08:30:00"), hanoi("2026-11-24T09:30:00"), null, NOW);
    assertEquals(0, future.buckets());
  }

  @Test
  void bucketsPastRetentionHaveNoPoint() {
    Buckets.Window w = Buckets.window(hanoi("2026-11-21T08:00:00"), hanoi("2026-11-21T10:00:00"), Step.MINUTE, NOW);
    assertEquals(hanoi("2026-11-21T08:37:00"), w.first());
    assertEquals(83, w.buckets());
  }

  @Test
  void theDefaultStepIsHourBeyondFortyEightHours() {
    assertEquals(Step.MINUTE, Buckets.window(NOW.minus(Duration.ofHours(48)), NOW, null, NOW).step());
    Buckets.Window w = Buckets.window(NOW.minus(Duration.ofDays(3)), NOW, null, NOW);
    assertEquals(Step.HOUR, w.step());
    assertEquals(hanoi("2026-11-20T08:00:00"), w.first());
    assertEquals(hanoi("2026-11-23T09:00:00"), w.end());
    assertEquals(73, w.buckets());
  }

  @Test
  void theDefaultStepIsHourForAShortRangeWhoseMinutesAreGone() {
    assertEquals(Step.HOUR, Buckets.window(hanoi("2026-11-20T08:00:00"), hanoi("2026-11-20T09:00:00"), null, NOW).step());
  }

  @Test
  void minuteStepsSpanAtMostFortyEightHours() {
    Buckets.window(NOW.minus(Duration.ofHours(48)), NOW, Step.MINUTE, NOW);
    Buckets.Invalid e = assertThrows(Buckets.Invalid.class,
        () -> Buckets.window(NOW.minus(Duration.ofHours(48)).minusSeconds(1), NOW, Step.MINUTE, NOW));
    assertEquals("to", e.field());
    assertTrue(e.reason().contains("48 hours"), e.reason());
  }

  @Test
  void hourStepsSpanAtMostNinetyDays() {
    Buckets.window(NOW.minus(Duration.ofDays(90)), NOW, Step.HOUR, NOW);
    Buckets.Invalid e = assertThrows(Buckets.Invalid.class,
        () -> Buckets.window(NOW.minus(Duration.ofDays(90)).minusSeconds(1), NOW, Step.HOUR, NOW));
    assertTrue(e.reason().contains("90 days"), e.reason());
    assertThrows(Buckets.Invalid.class, () -> Buckets.window(NOW.minus(Duration.ofDays(91)), NOW, null, NOW));
  }

  @Test
  void aRangeMustEndAfterItBegins() {
    assertEquals("from", assertThrows(Buckets.Invalid.class, () -> Buckets.window(NOW, NOW, null, NOW)).field());
    assertEquals("from", assertThrows(Buckets.Invalid.class,
        () -> Buckets.window(NOW, NOW.minusSeconds(60), null, NOW)).field());
  }

  @Test
  void timesAreIsoWithAnOffsetAndAnUnencodedPlusIsForgiven() {
    Instant expected = hanoi("2026-11-23T08:00:00");
    assertEquals(expected, Buckets.instant("from", "2026-11-23T08:00:00+07:00"));
    assertEquals(expected, Buckets.instant("from", "2026-11-23T08:00:00 07:00"));
    assertEquals(expected, Buckets.instant("from", "2026-11-23T01:00:00Z"));
    for (String bad : new String[]{"yesterday", "2026-11-23T08:00:00", "2026-11-23", "1999-12-31T23:00:00Z",
        "2026-02-30T08:00:00+07:00", ""}) {
      Buckets.Invalid e = assertThrows(Buckets.Invalid.class, () -> Buckets.instant("to", bad), bad);
      assertEquals("to", e.field());
    }
  }

  @Test
  void scopesAreTheCityOrAKnownDistrict() {
    Set<String> districts = Set.of("CG", "BD");
    assertEquals(Scope.CITY, Scope.parse("city", districts::contains).orElseThrow());
    assertEquals("district:CG", Scope.parse("district:CG", districts::contains).orElseThrow().code());
    for (String bad : new String[]{"district:XX", "district:", "CG", "City", "district:CG-01", ""}) {
      assertFalse(Scope.parse(bad, districts::contains).isPresent(), bad);
    }
    assertFalse(Scope.parse(null, districts::contains).isPresent());
  }

  @Test
  void everyKpiHasAUniqueCodeAndTheGaugesAreTheStateSamples() {
    for (Kpi k : Kpi.values()) {
      assertEquals(k, Kpi.of(k.code()).orElseThrow());
    }
    assertEquals(java.util.List.of("dossiers_backlog", "dossiers_overdue", "feedback_open", "systems_down"), Kpi.gauges());
    assertFalse(Kpi.of("DOSSIERS_RECEIVED").isPresent());
  }
}
