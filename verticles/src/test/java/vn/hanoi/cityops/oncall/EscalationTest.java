package vn.hanoi.cityops.oncall;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EscalationTest {
  private static final Instant OPEN = Instant.parse("2026-12-03T01:00:00Z");
  private static final Escalation.Policy POLICY = new Escalation.Policy(List.of(
      new Escalation.Step(Duration.ZERO, Escalation.Target.PRIMARY, null),
      new Escalation.Step(Duration.ofMinutes(5), Escalation.Target.SECONDARY, null),
      new Escalation.Step(Duration.ofMinutes(10), Escalation.Target.LEAD, null),
      new Escalation.Step(Duration.ofMinutes(15), Escalation.Target.USER, "pgd-sotttt")),
      Duration.ofMinutes(30), 1, Duration.ofMinutes(20));

  private static Instant plus(int minutes) {
    return OPEN.plus(Duration.ofMinutes(minutes));
  }

  private static List<Integer> steps(List<Escalation.Page> pages) {
    return pages.stream().map(p -> p.round() * 10 + p.step()).toList();
  }

  @Test
  void theFirstStepIsDueAtOnceAndEachNextAfterItsDelay() {
    Escalation.Episode open = new Escalation.Episode(OPEN, null, null);
    assertEquals(List.of(0), steps(Escalation.due(POLICY, open, OPEN)));
    assertEquals(List.of(0), steps(Escalation.due(POLICY, open, plus(4))));
    assertEquals(List.of(0, 1), steps(Escalation.due(POLICY, open, plus(5))));
    assertEquals(List.of(0, 1, 2), steps(Escalation.due(POLICY, open, plus(15))));
    assertEquals(List.of(0, 1, 2, 3), steps(Escalation.due(POLICY, open, plus(30))));
  }

  @Test
  void theWholePolicyRepeatsAfterItsIntervalAsOftenAsItSays() {
    Escalation.Episode open = new Escalation.Episode(OPEN, null, null);
    assertEquals(List.of(0, 1, 2, 3), steps(Escalation.due(POLICY, open, plus(59))));
    assertEquals(List.of(0, 1, 2, 3, 10), steps(Escalation.due(POLICY, open, plus(60))), "round 2 opens 30 min after the last step");
    assertEquals(List.of(0, 1, 2, 3, 10, 11, 12, 13), steps(Escalation.due(POLICY, open, plus(600))), "one repeat only");
  }

  @Test
  void anAcknowledgementStopsEveryPageDueAfterIt() {
    Escalation.Episode acked = new Escalation.Episode(OPEN, plus(3), null);
    assertEquals(List.of(0), steps(Escalation.due(POLICY, acked, plus(100))));
    assertEquals(Optional.of(plus(23)), Escalation.next(POLICY, acked, plus(3)), "next: the reminder");
  }

  @Test
  void aStepDueTheInstantOfTheAcknowledgementIsNotSent() {
    Escalation.Episode acked = new Escalation.Episode(OPEN, plus(5), null);
    assertEquals(List.of(0), steps(Escalation.due(POLICY, acked, plus(5))));
  }

  @Test
  void aResolutionStopsPagesAndReminders() {
    Escalation.Episode resolved = new Escalation.Episode(OPEN, null, plus(7));
    assertEquals(List.of(0, 1), steps(Escalation.due(POLICY, resolved, plus(100))));
    assertEquals(Optional.empty(), Escalation.next(POLICY, resolved, plus(100)));
    Escalation.Episode ackedThenResolved = new Escalation.Episode(OPEN, plus(1), plus(50));
    assertEquals(List.of(plus(21), plus(41)), Escalation.reminders(POLICY, ackedThenResolved, plus(100)));
  }

  @Test
  void anAcknowledgedOutageRemindsWhoAcknowledgedUntilResolved() {
    Escalation.Episode acked = new Escalation.Episode(OPEN, plus(2), null);
    assertEquals(List.of(), Escalation.reminders(POLICY, acked, plus(21)));
    assertEquals(List.of(plus(22), plus(42)), Escalation.reminders(POLICY, acked, plus(50)));
  }

  @Test
  void nextSaysWhenToLookAgainAndNothingOnceAllIsSent() {
    Escalation.Episode open = new Escalation.Episode(OPEN, null, null);
    assertEquals(Optional.of(plus(5)), Escalation.next(POLICY, open, OPEN));
    assertEquals(Optional.of(plus(60)), Escalation.next(POLICY, open, plus(30)));
    assertEquals(Optional.empty(), Escalation.next(POLICY, open, plus(90)));
  }

  @Test
  void aPolicyWithoutStepsOrWithABadStepIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Escalation.Policy(List.of(), null, 0, null));
    assertThrows(IllegalArgumentException.class, () -> new Escalation.Step(Duration.ofMinutes(-1), Escalation.Target.LEAD, null));
    assertThrows(IllegalArgumentException.class, () -> new Escalation.Step(Duration.ZERO, Escalation.Target.USER, null));
    assertThrows(IllegalArgumentException.class, () -> new Escalation.Step(Duration.ZERO, Escalation.Target.LEAD, "x"));
    assertThrows(IllegalArgumentException.class, () -> new Escalation.Policy(List.of(
        new Escalation.Step(Duration.ZERO, Escalation.Target.PRIMARY, null)), Duration.ZERO, 1, null));
  }
}
