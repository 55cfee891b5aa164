package vn.hanoi.cityops.oncall;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.Hanoi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationTest {
  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private static Rotation daily(List<Rotation.Cover> covers, String... members) {
    return new Rotation(List.of(members), Rotation.Length.DAILY, LocalTime.of(8, 0), null, LocalDate.of(2026, 12, 1),
        Hanoi.ZONE, covers);
  }

  @Test
  void dailyRotationHandsOverAtEightInTheMorningHanoiTime() {
    Rotation r = daily(List.of(), "an", "binh", "chi");
    assertEquals("an", r.at(at("2026-12-01T08:00:00")).orElseThrow().username());
    assertEquals("an", r.at(at("2026-12-02T07:59:59")).orElseThrow().username(), "the night belongs to the shift");
    assertEquals("binh", r.at(at("2026-12-02T08:00:00")).orElseThrow().username());
    assertEquals("chi", r.at(at("2026-12-03T12:00:00")).orElseThrow().username());
    assertEquals("an", r.at(at("2026-12-04T08:00:00")).orElseThrow().username(), "and round again");
    Rotation.Shift s = r.at(at("2026-12-02T15:00:00")).orElseThrow();
    assertEquals(at("2026-12-02T08:00:00"), s.from());
    assertEquals(at("2026-12-03T08:00:00"), s.to());
  }

  @Test
  void nobodyIsOnCallBeforeTheRotationStarts() {
    assertTrue(daily(List.of(), "an").at(at("2026-12-01T07:59:59")).isEmpty());
  }

  @Test
  void weeklyRotationStartsOnItsFirstHandoffDay() {
    Rotation r = new Rotation(List.of("an", "binh"), Rotation.Length.WEEKLY, LocalTime.of(9, 30), DayOfWeek.MONDAY,
        LocalDate.of(2026, 12, 3), Hanoi.ZONE, List.of());
    assertEquals(at("2026-12-07T09:30:00"), r.firstHandoff(), "Thursday 3rd: the first Monday is the 7th");
    assertEquals("an", r.at(at("2026-12-14T09:29:59")).orElseThrow().username());
    assertEquals("binh", r.at(at("2026-12-14T09:30:00")).orElseThrow().username());
    assertEquals("an", r.at(at("2026-12-21T10:00:00")).orElseThrow().username());
  }

  @Test
  void aCoverTakesOverItsStretchAndTheRegularShiftResumesAfter() {
    Rotation.Cover cover = new Rotation.Cover("dung", at("2026-12-02T12:00:00"), at("2026-12-02T18:00:00"));
    Rotation r = daily(List.of(cover), "an", "binh");
    assertEquals("binh", r.at(at("2026-12-02T11:59:59")).orElseThrow().username());
    Rotation.Shift covered = r.at(at("2026-12-02T12:00:00")).orElseThrow();
    assertEquals(new Rotation.Shift("dung", cover.from(), cover.to(), true), covered);
    Rotation.Shift after = r.at(at("2026-12-02T18:00:00")).orElseThrow();
    assertEquals("binh", after.username());
    assertEquals(at("2026-12-02T18:00:00"), after.from(), "the regular shift is cut where the cover ends");
    assertEquals(at("2026-12-03T08:00:00"), after.to());
    Rotation.Shift before = r.at(at("2026-12-02T09:00:00")).orElseThrow();
    assertEquals(at("2026-12-02T12:00:00"), before.to(), "and where it starts");
  }

  @Test
  void upcomingShiftsSayWhoIsOnNowAndNext() {
    Rotation.Cover cover = new Rotation.Cover("dung", at("2026-12-02T12:00:00"), at("2026-12-02T18:00:00"));
    List<Rotation.Shift> shifts = daily(List.of(cover), "an", "binh").upcoming(at("2026-12-02T10:00:00"), 4);
    assertEquals(List.of("binh", "dung", "binh", "an"), shifts.stream().map(Rotation.Shift::username).toList());
    assertEquals(at("2026-12-03T08:00:00"), shifts.get(3).from());
  }

  @Test
  void handoffsAreTheInstantsThePersonOnCallChanges() {
    Rotation r = daily(List.of(), "an", "binh");
    assertEquals(List.of(at("2026-12-02T08:00:00"), at("2026-12-03T08:00:00")),
        r.handoffs(at("2026-12-01T09:00:00"), at("2026-12-03T08:00:00")));
    assertEquals(List.of(), daily(List.of(), "an").handoffs(at("2026-12-01T09:00:00"), at("2026-12-05T09:00:00")),
        "a one-person rotation never changes hands");
  }

  @Test
  void overlappingCoversAreFoundAndTouchingOnesAreNot() {
    Rotation.Cover a = new Rotation.Cover("a", at("2026-12-02T12:00:00"), at("2026-12-02T18:00:00"));
    Rotation.Cover b = new Rotation.Cover("b", at("2026-12-02T17:00:00"), at("2026-12-02T20:00:00"));
    Rotation.Cover c = new Rotation.Cover("c", at("2026-12-02T18:00:00"), at("2026-12-02T20:00:00"));
    assertTrue(Rotation.overlap(List.of(b, a)).isPresent());
    assertTrue(Rotation.overlap(List.of(a, c)).isEmpty());
  }

  @Test
  void aRotationWithoutMembersOrAWeeklyOneWithoutADayIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> daily(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Rotation(List.of("a"), Rotation.Length.WEEKLY, LocalTime.NOON,
        null, LocalDate.of(2026, 12, 1), Hanoi.ZONE, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Rotation.Cover("a", at("2026-12-02T12:00:00"),
        at("2026-12-02T12:00:00")));
  }

  @Test
  void aLoneMemberIsOnCallWithNobodyNextAndTheSearchEnds() {
    Rotation r = daily(List.of(), "an");
    List<Rotation.Shift> upcoming = r.upcoming(at("2026-12-05T12:00:00"), 2);
    assertEquals(1, upcoming.size(), upcoming.toString());
    assertEquals("an", upcoming.get(0).username());
    assertTrue(r.handoffs(at("2026-12-05T12:00:00"), at("2026-12-09T12:00:00")).isEmpty(), "nobody to hand over to");
  }
}
