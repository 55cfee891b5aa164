package vn.hanoi.cityops.oncall;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.oncall.PolicyRepository.PolicyFields;
import vn.hanoi.cityops.oncall.TeamRepository.CoverFields;
import vn.hanoi.cityops.oncall.TeamRepository.RotationFields;
import vn.hanoi.cityops.oncall.WindowRepository.WindowFields;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnCallRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
  private static final Escalation.Step FIRST = new Escalation.Step(Duration.ZERO, Escalation.Target.PRIMARY, null);

  private static List<String> fields(Optional<Failure> failure) {
    return failure.map(f -> f.details().stream().map(d -> ((JsonObject) d).getString("field")).toList()).orElse(List.of());
  }

  private static RotationFields rotation(Rotation.Length length, DayOfWeek day, List<String> members) {
    return new RotationFields(TeamRotation.Layer.PRIMARY, length, LocalTime.of(8, 0), day, LocalDate.of(2026, 12, 1),
        members);
  }

  @Test
  void aRotationNeedsMembersAndAWeeklyOneADay() {
    assertEquals(List.of(), fields(OnCallRules.rotation(rotation(Rotation.Length.DAILY, null, List.of("an")))));
    assertEquals(List.of("members"), fields(OnCallRules.rotation(rotation(Rotation.Length.DAILY, null, List.of()))));
    assertEquals(List.of("handoffDay"), fields(OnCallRules.rotation(rotation(Rotation.Length.WEEKLY, null, List.of("an")))));
    assertEquals(List.of("handoffDay"), fields(OnCallRules.rotation(rotation(Rotation.Length.DAILY, DayOfWeek.MONDAY,
        List.of("an")))));
    assertEquals(List.of(), fields(OnCallRules.rotation(rotation(Rotation.Length.WEEKLY, DayOfWeek.MONDAY,
        List.of("an", "binh")))));
    assertEquals("validation_failed", OnCallRules.rotation(rotation(Rotation.Length.DAILY, null, List.of()))
        .orElseThrow().code());
  }

  @Test
  void aCoverEndsAfterItStartsAndNotInThePast() {
    assertEquals(List.of(), fields(OnCallRules.cover(new CoverFields("an", NOW, NOW.plusSeconds(60), null), NOW)));
    assertEquals(List.of("endsAt"), fields(OnCallRules.cover(new CoverFields("an", NOW, NOW, null), NOW)));
    assertEquals(List.of("endsAt"), fields(OnCallRules.cover(new CoverFields("an", NOW.minusSeconds(90),
        NOW.minusSeconds(30), null), NOW)));
  }

  @Test
  void aPolicyHasStepsAndSensibleIntervals() {
    assertEquals(List.of(), fields(OnCallRules.policy(new PolicyFields("p", "P", List.of(FIRST), Duration.ofMinutes(30), 2,
        Duration.ofSeconds(5)))));
    assertEquals(List.of("steps"), fields(OnCallRules.policy(new PolicyFields("p", "P", List.of(), null, 0, null))));
    assertEquals(List.of("repeatEvery"), fields(OnCallRules.policy(new PolicyFields("p", "P", List.of(FIRST), null, 1,
        null))));
    assertEquals(List.of("repeatEvery", "remindEvery"), fields(OnCallRules.policy(new PolicyFields("p", "P",
        List.of(FIRST), Duration.ZERO, 0, Duration.ofDays(8)))));
  }

  @Test
  void aWindowEndsAfterItStartsIsAheadAndAWeeklyOneLastsAWeekAtMost() {
    assertEquals(List.of(), fields(OnCallRules.window(new WindowFields(List.of(), NOW.minusSeconds(60),
        NOW.plusSeconds(60), false, "r"), NOW)));
    assertEquals(List.of("endsAt"), fields(OnCallRules.window(new WindowFields(List.of(), NOW.plusSeconds(60), NOW,
        false, "r"), NOW)));
    assertEquals(List.of("endsAt"), fields(OnCallRules.window(new WindowFields(List.of(), NOW.minusSeconds(120),
        NOW.minusSeconds(60), false, "r"), NOW)));
    assertEquals(List.of(), fields(OnCallRules.window(new WindowFields(List.of(), NOW.minusSeconds(86400 * 30),
        NOW.minusSeconds(86400 * 30 - 3600), true, "r"), NOW)), "a weekly window from the past comes back");
    assertEquals(List.of("endsAt"), fields(OnCallRules.window(new WindowFields(List.of(), NOW,
        NOW.plus(Duration.ofDays(8)), true, "r"), NOW)));
    assertTrue(OnCallRules.window(new WindowFields(List.of(), NOW, NOW.plus(Duration.ofDays(7)), true, "r"), NOW).isEmpty());
  }
}
