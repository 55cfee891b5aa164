package vn.hanoi.cityops.oncall;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.Hanoi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingTest {
  private static final Escalation.Policy POLICY = new Escalation.Policy(List.of(
      new Escalation.Step(Duration.ZERO, Escalation.Target.PRIMARY, null),
      new Escalation.Step(Duration.ofMinutes(5), Escalation.Target.SECONDARY, null),
      new Escalation.Step(Duration.ofMinutes(10), Escalation.Target.LEAD, null),
      new Escalation.Step(Duration.ofMinutes(15), Escalation.Target.USER, "pgd-sotttt")),
      null, 0, Duration.ofMinutes(30));

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private static Rotation daily(String... members) {
    return new Rotation(List.of(members), Rotation.Length.DAILY, LocalTime.of(8, 0), null, LocalDate.of(2026, 12, 1),
        Hanoi.ZONE, List.of());
  }

  private static final Paging.Roster ROSTER = new Paging.Roster("lead.hoa", POLICY, daily("an", "binh"),
      daily("chi", "dung"));

  private static List<String> who(List<Paging.Intent> intents) {
    return intents.stream().map(i -> i.kind().code() + ":" + i.round() + "." + i.step() + ":" + i.username()).toList();
  }

  @Test
  void eachDueStepPagesTheOneWhoFillsItsRoleAtItsDueTime() {
    Escalation.Episode open = new Escalation.Episode(at("2026-12-02T07:50:00"), null, null);
    assertEquals(List.of("page:0.0:an"), who(Paging.due(ROSTER, open, null, at("2026-12-02T07:50:00"))));
    // the secondary's step falls due at 07:55, before the 08:00 handoff: chi (day 1's secondary), even asked after
    assertEquals(List.of("page:0.0:an", "page:0.1:chi", "page:0.2:lead.hoa", "page:0.3:pgd-sotttt"),
        who(Paging.due(ROSTER, open, null, at("2026-12-02T09:00:00"))));
  }

  @Test
  void aStepWhoseRoleNobodyFillsPagesNobody() {
    Paging.Roster noSecondary = new Paging.Roster("lead.hoa", POLICY, daily("an"), null);
    // (an is the lone primary every day)
    Escalation.Episode open = new Escalation.Episode(at("2026-12-02T10:00:00"), null, null);
    assertEquals(List.of("page:0.0:an", "page:0.2:lead.hoa"), who(Paging.due(noSecondary, open, null,
        at("2026-12-02T10:15:00"))));
  }

  @Test
  void anAcknowledgedOutageOwesOnlyItsLatestReminderToWhoeverAcknowledged() {
    Escalation.Episode acked = new Escalation.Episode(at("2026-12-02T10:00:00"), at("2026-12-02T10:02:00"), null);
    // 2 December's primary is binh (an had the 1st)
    assertEquals(List.of("page:0.0:binh"), who(Paging.due(ROSTER, acked, "binh", at("2026-12-02T10:31:00"))),
        "nothing after the acknowledgement, no reminder before 30 min");
    assertEquals(List.of("page:0.0:binh", "reminder:2.0:binh"), who(Paging.due(ROSTER, acked, "binh",
        at("2026-12-02T11:05:00"))), "the second reminder; the first, missed, is not sent late");
    assertEquals(at("2026-12-02T11:02:00"), Paging.due(ROSTER, acked, "binh", at("2026-12-02T11:05:00")).get(1).dueAt());
  }

  @Test
  void theAllClearGoesOnceToEachPersonPaged() {
    Instant over = at("2026-12-02T11:00:00");
    List<Paging.Intent> clear = Paging.allClear(List.of("binh", "an", "binh"), over);
    assertEquals(List.of("all_clear:0.0:an", "all_clear:0.0:binh"), who(clear));
    assertTrue(clear.stream().allMatch(i -> i.dueAt().equals(over)));
    assertTrue(Paging.allClear(List.of(), over).isEmpty());
  }

  @Test
  void aHandoffTellsTheOneGoingOffAndTheOneComingOnOnceInConsecutiveWindows() {
    Rotation r = daily("an", "binh");
    assertEquals(List.of("handoff:0.0:an", "handoff:0.1:binh"),
        who(Paging.handoffs(r, at("2026-12-02T07:59:59"), at("2026-12-02T08:00:00"))));
    assertEquals(at("2026-12-02T08:00:00"), Paging.handoffs(r, at("2026-12-02T07:59:59"), at("2026-12-02T08:00:00"))
        .get(0).dueAt());
    assertTrue(Paging.handoffs(r, at("2026-12-02T08:00:00"), at("2026-12-02T08:00:01")).isEmpty(),
        "the next window does not repeat it");
    assertEquals(List.of("handoff:0.0:an", "handoff:0.1:binh", "handoff:0.0:binh", "handoff:0.1:an"),
        who(Paging.handoffs(r, at("2026-12-02T07:00:00"), at("2026-12-03T09:00:00"))));
  }

  @Test
  void aCoverMakesHandoffsAtItsEdges() {
    Rotation r = new Rotation(List.of("an"), Rotation.Length.DAILY, LocalTime.of(8, 0), null, LocalDate.of(2026, 12, 1),
        Hanoi.ZONE, List.of(new Rotation.Cover("chi", at("2026-12-02T12:00:00"), at("2026-12-02T18:00:00"))));
    assertEquals(List.of("handoff:0.0:an", "handoff:0.1:chi", "handoff:0.0:chi", "handoff:0.1:an"),
        who(Paging.handoffs(r, at("2026-12-02T11:00:00"), at("2026-12-02T19:00:00"))));
  }
}
