package vn.hanoi.cityops.notify;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanTest {
  private static final LocalTime NIGHT = LocalTime.of(23, 30);
  private static final LocalTime DAY = LocalTime.of(10, 0);
  private static final QuietHours SLEEP = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 30));

  private static ContactPoint point(long id, ChannelKind channel, int position, boolean fallbackOnly, QuietHours quiet) {
    OffsetDateTime t = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");
    return new ContactPoint(id, 7, channel, "a-" + id, null, null, position, fallbackOnly, quiet, t, t);
  }

  private static List<Long> ids(List<Plan.Pick> picks) {
    return picks.stream().map(p -> p.point() == null ? -1L : p.point().id()).toList();
  }

  @Test
  void everyPrimaryChannelIsUsedInPositionOrderWhateverOrderTheyComeIn() {
    Plan plan = new Plan(List.of(point(3, ChannelKind.SMS, 5, false, null), point(1, ChannelKind.EMAIL, 0, false, null),
        point(2, ChannelKind.TELEGRAM, 1, false, null), point(4, ChannelKind.ZALO, 2, true, null)), DAY);
    assertEquals(List.of(1L, 2L, 3L), ids(plan.first()), "fallback-only zalo waits");
  }

  @Test
  void equalPositionsKeepTheOrderTheyWereAddedIn() {
    Plan plan = new Plan(List.of(point(9, ChannelKind.SMS, 0, false, null), point(8, ChannelKind.EMAIL, 0, false, null)), DAY);
    assertEquals(List.of(8L, 9L), ids(plan.first()));
  }

  @Test
  void aFailedChannelHandsOverToTheFallbacksOneAtATimeInTheirOrder() {
    Plan plan = new Plan(List.of(point(1, ChannelKind.EMAIL, 0, false, null), point(2, ChannelKind.SMS, 2, true, null),
        point(3, ChannelKind.ZALO, 1, true, null)), DAY);
    assertEquals(List.of(1L), ids(plan.first()));
    assertEquals(3L, plan.next().point().id());
    assertEquals(2L, plan.next().point().id());
    assertNull(plan.next().point(), "no fallback left");
  }

  @Test
  void aPrimaryInItsQuietHoursIsSkippedAndTheNextFallbackTakesItsPlace() {
    ContactPoint telegram = point(2, ChannelKind.TELEGRAM, 1, false, SLEEP);
    Plan plan = new Plan(List.of(point(1, ChannelKind.EMAIL, 0, false, null), telegram,
        point(3, ChannelKind.SMS, 2, true, null)), NIGHT);
    List<Plan.Pick> first = plan.first();
    assertEquals(List.of(1L, 3L), ids(first));
    assertEquals(List.of(telegram), first.get(1).skipped());
  }

  @Test
  void quietHoursOutsideTheirWindowChangeNothing() {
    Plan plan = new Plan(List.of(point(1, ChannelKind.TELEGRAM, 0, false, SLEEP), point(2, ChannelKind.SMS, 1, true, null)), DAY);
    assertEquals(List.of(1L), ids(plan.first()));
    assertTrue(plan.first().get(0).skipped().isEmpty());
  }

  @Test
  void aFallbackInItsQuietHoursIsSkippedOnTheWayToTheNext() {
    ContactPoint quietSms = point(2, ChannelKind.SMS, 1, true, SLEEP);
    Plan plan = new Plan(List.of(point(1, ChannelKind.EMAIL, 0, false, null), quietSms,
        point(3, ChannelKind.ZALO, 2, true, null)), NIGHT);
    plan.first();
    Plan.Pick next = plan.next();
    assertEquals(3L, next.point().id());
    assertEquals(List.of(quietSms), next.skipped());
  }

  @Test
  void whenEveryChannelIsQuietNothingIsPickedButTheLastSkippedIsTheLastResortOnce() {
    ContactPoint email = point(1, ChannelKind.EMAIL, 0, false, SLEEP);
    ContactPoint sms = point(2, ChannelKind.SMS, 1, true, SLEEP);
    Plan plan = new Plan(List.of(email, sms), NIGHT);
    List<Plan.Pick> first = plan.first();
    assertNull(first.get(0).point());
    assertEquals(List.of(email, sms), first.get(0).skipped());
    assertEquals(sms, plan.lastResort().orElseThrow(), "the last channel left is used after all");
    assertTrue(plan.lastResort().isEmpty(), "only once");
  }

  @Test
  void nothingSkippedMeansNoLastResort() {
    Plan plan = new Plan(List.of(point(1, ChannelKind.EMAIL, 0, false, null)), NIGHT);
    plan.first();
    assertNull(plan.next().point());
    assertTrue(plan.lastResort().isEmpty());
  }

  @Test
  void aPersonWhoseEveryChannelIsFallbackOnlyIsReachedOnTheFirstOfThem() {
    Plan plan = new Plan(List.of(point(2, ChannelKind.SMS, 1, true, null), point(1, ChannelKind.EMAIL, 0, true, null)), DAY);
    assertEquals(List.of(1L), ids(plan.first()));
    assertEquals(2L, plan.next().point().id());
  }

  @Test
  void eachFailureTakesADifferentFallback() {
    Plan plan = new Plan(List.of(point(1, ChannelKind.EMAIL, 0, false, null), point(2, ChannelKind.TELEGRAM, 1, false, null),
        point(3, ChannelKind.SMS, 2, true, null), point(4, ChannelKind.ZALO, 3, true, null)), DAY);
    assertEquals(List.of(1L, 2L), ids(plan.first()));
    assertEquals(3L, plan.next().point().id(), "email failed");
    assertEquals(4L, plan.next().point().id(), "telegram failed");
  }

  @Test
  void retriesWaitTheBackoffDoubledForEachRetryBeforeAtMostAnHour() {
    assertEquals(1_000, Plan.backoffMs(1_000, 1));
    assertEquals(2_000, Plan.backoffMs(1_000, 2));
    assertEquals(4_000, Plan.backoffMs(1_000, 3));
    assertEquals(3_600_000, Plan.backoffMs(1_000, 40));
  }
}
