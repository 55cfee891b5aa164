package vn.hanoi.cityops.meeting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.Role;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.meeting.MeetingState.Phase;
import vn.hanoi.cityops.meeting.MeetingState.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which step a briefing allows in which phase, who may take it, and what a refusal says. */
class MeetingStateTest {
  private static final Map<String, String> DISTRICT_OF = Map.of("CG", "CG", "CG-02", "CG", "CG-03", "CG", "DA", "DA");
  private static final AccessControl ACCESS = new AccessControl(DISTRICT_OF::get);

  private static MeetingState meeting(Phase phase) {
    return new MeetingState(7, phase, "leader", "thuky", List.of("sre"), List.of("CG-02"));
  }

  private static Principal as(String username, String agency, Role... roles) {
    return new Principal(1, username, username, agency, "vi", Set.of(roles), "t", Instant.now().plusSeconds(60));
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "START, SCHEDULED, true", "START, IN_PROGRESS, false", "START, ENDED, false",
      "ACTIVATE_ITEM, SCHEDULED, false", "ACTIVATE_ITEM, IN_PROGRESS, true", "ACTIVATE_ITEM, ENDED, false",
      "SHARE_PANEL, SCHEDULED, false", "SHARE_PANEL, IN_PROGRESS, true", "SHARE_PANEL, ENDED, false",
      "HIGHLIGHT, SCHEDULED, false", "HIGHLIGHT, IN_PROGRESS, true", "HIGHLIGHT, ENDED, false",
      "HAND, SCHEDULED, false", "HAND, IN_PROGRESS, true", "HAND, ENDED, false",
      "JOIN, SCHEDULED, true", "JOIN, IN_PROGRESS, true", "JOIN, ENDED, false",
      "LEAVE, SCHEDULED, true", "LEAVE, IN_PROGRESS, true", "LEAVE, ENDED, false",
      "END, SCHEDULED, false", "END, IN_PROGRESS, true", "END, ENDED, false",
      "DECIDE, SCHEDULED, false", "DECIDE, IN_PROGRESS, true", "DECIDE, ENDED, false",
      "ASSIGN_TASK, SCHEDULED, false", "ASSIGN_TASK, IN_PROGRESS, true", "ASSIGN_TASK, ENDED, false",
      "DESIGNATE_SECRETARY, SCHEDULED, true", "DESIGNATE_SECRETARY, IN_PROGRESS, true", "DESIGNATE_SECRETARY, ENDED, false",
      "READ, SCHEDULED, true", "READ, IN_PROGRESS, true", "READ, ENDED, true", "READ, CANCELLED, true",
      "EDIT, SCHEDULED, true", "EDIT, IN_PROGRESS, false", "EDIT, ENDED, false", "EDIT, CANCELLED, false",
      "CANCEL, SCHEDULED, true", "CANCEL, IN_PROGRESS, false", "CANCEL, ENDED, false", "CANCEL, CANCELLED, false",
      "START, CANCELLED, false", "JOIN, CANCELLED, false", "DESIGNATE_SECRETARY, CANCELLED, false"})
  void eachStepIsLegalInItsPhasesOnly(Step step, Phase phase, boolean legal) {
    assertEquals(legal, step.legalIn(phase));
    MeetingState m = meeting(phase);
    if (legal) {
      assertSame(m, m.require(step));
    } else {
      Failure f = assertThrows(Failure.class, () -> m.require(step));
      assertEquals(Failure.Kind.CONFLICT, f.kind());
      assertEquals("illegal_transition", f.code());
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {
      "START | IN_PROGRESS | only a scheduled meeting can start (the meeting is in_progress)",
      "START | ENDED | only a scheduled meeting can start (the meeting is ended)",
      "ACTIVATE_ITEM | ENDED | agenda items are activated while the meeting is in progress (the meeting is ended)",
      "SHARE_PANEL | SCHEDULED | a panel is shared while the meeting is in progress (the meeting is scheduled)",
      "HIGHLIGHT | ENDED | highlights are shown while the meeting is in progress (the meeting is ended)",
      "HAND | SCHEDULED | hands are raised while the meeting is in progress (the meeting is scheduled)",
      "JOIN | ENDED | a meeting that ended cannot be joined (the meeting is ended)",
      "LEAVE | ENDED | the meeting ended (the meeting is ended)",
      "END | SCHEDULED | only a meeting in progress can end (the meeting is scheduled)",
      "END | ENDED | only a meeting in progress can end (the meeting is ended)",
      "DECIDE | ENDED | decisions are recorded while the meeting is in progress, on one of its agenda items (the meeting is ended)",
      "ASSIGN_TASK | SCHEDULED | tasks are assigned while the meeting is in progress, on one of its agenda items (the meeting is scheduled)",
      "DESIGNATE_SECRETARY | ENDED | the secretary is designated until the meeting ends (the meeting is ended)",
      "EDIT | IN_PROGRESS | only a scheduled meeting can be changed (the meeting is in_progress)",
      "CANCEL | ENDED | only a scheduled meeting can be cancelled (the meeting is ended)",
      "START | CANCELLED | only a scheduled meeting can start (the meeting is cancelled)"})
  void aRefusalSaysWhenTheStepIsLegalAndWhereTheMeetingIs(Step step, Phase phase, String message) {
    assertEquals(message, assertThrows(Failure.class, () -> meeting(phase).require(step)).getMessage());
    assertEquals(message, MeetingState.illegal(step, phase).getMessage(), "the repository explains a lost race alike");
  }

  @Test
  void theMeetingNeverGoesBack() {
    for (Phase phase : Phase.values()) {
      assertEquals(phase == Phase.SCHEDULED, Step.START.legalIn(phase), "only a scheduled meeting starts");
      assertEquals(phase == Phase.IN_PROGRESS, Step.END.legalIn(phase), "only one in progress ends");
    }
    for (Step step : Step.values()) {
      if (step != Step.READ) {
        assertFalse(step.legalIn(Phase.ENDED), step + " after the end");
        assertFalse(step.legalIn(Phase.CANCELLED), step + " after a cancel");
      }
    }
  }

  @Test
  void theChairOrALeaderChangesOrCancelsNobodyElse() {
    MeetingState m = meeting(Phase.SCHEDULED);
    AccessControl access = ACCESS;
    for (Step step : List.of(Step.EDIT, Step.CANCEL)) {
      assertTrue(m.may(step, as("leader", "VP-UBND", Role.LEADER), access), "the chair");
      assertTrue(m.may(step, as("leader2", "VP-UBND", Role.LEADER), access), "another leader");
      assertFalse(m.may(step, as("thuky", "VP-UBND", Role.OPERATOR), access), "the secretary drives, does not reschedule");
      assertFalse(m.may(step, as("sre", "STTTT", Role.SRE), access), "an invited person");
      assertEquals("forbidden", assertThrows(Failure.class, () -> m.authorize(step, as("sre", "STTTT", Role.SRE), access)).code());
    }
  }

  @Test
  void chairAndSecretaryDriveNobodyElse() {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    assertTrue(m.drives("leader"));
    assertTrue(m.drives("thuky"));
    assertFalse(m.drives("leader2"), "another leader is not the chair");
    assertFalse(m.drives("sre"), "an invited person takes part, does not drive");
    assertFalse(new MeetingState(7, Phase.IN_PROGRESS, "leader", null, List.of(), List.of()).drives("thuky"),
        "without a secretary only the chair drives");
  }

  @ParameterizedTest(name = "{0} drives: {1}")
  @EnumSource(value = Step.class, names = {"START", "ACTIVATE_ITEM", "SHARE_PANEL", "HIGHLIGHT", "FLOOR", "END", "DECIDE", "ASSIGN_TASK"})
  void drivingStepsAreForTheChairAndTheSecretary(Step step) {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    assertSame(m, m.authorize(step, as("leader", "HN", Role.LEADER), ACCESS));
    assertSame(m, m.authorize(step, as("thuky", "HN", Role.AGENCY), ACCESS));
    for (Principal other : List.of(as("leader2", "HN", Role.LEADER), as("sre", "STTTT", Role.SRE),
        as("cg-officer", "CG-02", Role.AGENCY), as("operator", "VP-UBND", Role.OPERATOR))) {
      Failure f = assertThrows(Failure.class, () -> m.authorize(step, other, ACCESS), other.username());
      assertEquals(Failure.Kind.FORBIDDEN, f.kind());
      assertEquals("forbidden", f.code());
      assertEquals("only the chair and the secretary of meeting 7 drive it", f.getMessage());
    }
  }

  @Test
  void onlyTheChairDesignatesTheSecretary() {
    MeetingState m = meeting(Phase.SCHEDULED);
    assertSame(m, m.authorize(Step.DESIGNATE_SECRETARY, as("leader", "HN", Role.LEADER), ACCESS));
    Failure f = assertThrows(Failure.class, () -> m.authorize(Step.DESIGNATE_SECRETARY, as("thuky", "HN", Role.AGENCY), ACCESS));
    assertEquals("only the chair of meeting 7 designates its secretary", f.getMessage(), "not even the secretary");
    assertEquals(Failure.Kind.FORBIDDEN, f.kind());
  }

  @Test
  void invitedPeopleAndOfficersOfInvitedAgenciesOrTheirDistrictTakePart() {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    assertTrue(m.takesPart(as("leader", "HN", Role.LEADER), ACCESS), "the chair");
    assertTrue(m.takesPart(as("thuky", "HN", Role.AGENCY), ACCESS), "the secretary");
    assertTrue(m.takesPart(as("sre", "STTTT", Role.SRE), ACCESS), "an invited person");
    assertTrue(m.takesPart(as("x", "CG-02", Role.AGENCY), ACCESS), "an officer of the invited commune");
    assertTrue(m.takesPart(as("y", "CG", Role.AGENCY), ACCESS), "the district of an invited commune");
    assertFalse(m.takesPart(as("w", "CG-03", Role.AGENCY), ACCESS), "another commune of that district");
    assertFalse(m.takesPart(as("z", "DA", Role.AGENCY), ACCESS));
    assertFalse(m.takesPart(as("operator", "HN", Role.OPERATOR), ACCESS), "reading city data is no invitation");
  }

  @Test
  void theMeetingIsReadByThoseWhoTakePartOrReadCityData() {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    for (Principal allowed : List.of(as("leader", "HN", Role.LEADER), as("sre", "STTTT", Role.SRE),
        as("x", "CG-02", Role.AGENCY), as("y", "CG", Role.AGENCY), as("operator", "VP-UBND", Role.OPERATOR),
        as("leader2", "HN", Role.LEADER))) {
      assertSame(m, m.authorize(Step.READ, allowed, ACCESS), allowed.username());
    }
    Failure f = assertThrows(Failure.class, () -> m.authorize(Step.READ, as("z", "DA", Role.AGENCY), ACCESS));
    assertEquals("you are not invited to meeting 7", f.getMessage());
    assertEquals(Failure.Kind.FORBIDDEN, f.kind());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Step.class, names = {"HAND", "JOIN", "LEAVE"})
  void onlyThoseWhoTakePartOrRunBriefingsJoinLeaveAndRaiseHandsReadingCityDataIsNoInvitation(Step step) {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    for (Principal allowed : List.of(as("leader", "HN", Role.LEADER), as("sre", "STTTT", Role.SRE),
        as("x", "CG-02", Role.AGENCY), as("y", "CG", Role.AGENCY), as("leader2", "HN", Role.LEADER))) {
      assertSame(m, m.authorize(step, allowed, ACCESS), allowed.username());
    }
    for (Principal refused : List.of(as("z", "DA", Role.AGENCY), as("operator", "VP-UBND", Role.OPERATOR),
        as("admin", "STTTT", Role.ADMIN), as("sre2", "STTTT", Role.SRE))) {
      Failure f = assertThrows(Failure.class, () -> m.authorize(step, refused, ACCESS), refused.username());
      assertEquals("you are not invited to meeting 7", f.getMessage());
      assertEquals(Failure.Kind.FORBIDDEN, f.kind());
    }
  }

  @Test
  void anyoneRaisesAndLowersTheirOwnHandOnlyThoseWhoDriveLowerSomeoneElses() {
    MeetingState m = meeting(Phase.IN_PROGRESS);
    Principal officer = as("cg-officer", "CG-02", Role.AGENCY);
    assertSame(m, m.authorizeHand("cg-officer", true, officer));
    assertSame(m, m.authorizeHand("cg-officer", false, officer));
    assertSame(m, m.authorizeHand("cg-officer", false, as("leader", "HN", Role.LEADER)), "the chair lowers it");
    assertSame(m, m.authorizeHand("cg-officer", false, as("thuky", "HN", Role.AGENCY)), "so does the secretary");
    for (Principal who : List.of(as("leader", "HN", Role.LEADER), officer)) {
      Failure f = assertThrows(Failure.class, () -> m.authorizeHand("sre", true, who), "nobody raises another's hand");
      assertEquals("only the chair lowers someone else's hand", f.getMessage());
    }
    assertThrows(Failure.class, () -> m.authorizeHand("sre", false, officer), "a participant lowers only their own");
  }

  @Test
  void phasesAreSpeltAsStored() {
    for (Phase p : Phase.values()) {
      assertSame(p, Phase.of(p.code()));
    }
    assertEquals("in_progress", Phase.IN_PROGRESS.code());
    assertEquals("cancelled", Phase.CANCELLED.code());
    assertThrows(IllegalArgumentException.class, () -> Phase.of("postponed"));
    assertThrows(IllegalArgumentException.class, () -> Phase.of(null));
  }

  @Test
  void theRosterIsAnImmutableCopy() {
    List<String> people = new ArrayList<>(List.of("sre"));
    MeetingState m = new MeetingState(7, Phase.SCHEDULED, "leader", null, people, List.of());
    people.add("operator");
    assertEquals(List.of("sre"), m.invitedPeople());
    assertThrows(UnsupportedOperationException.class, () -> m.invitedPeople().add("x"));
  }
}
