package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.Role;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.TopicAccess;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who drives a meeting and who may follow its topic, as the roster decides from the meeting's live state (its event's payload). */
class MeetingRosterTest {
  private static final Map<String, String> DISTRICT_OF = Map.of("CG", "CG", "CG-02", "CG", "DA", "DA");
  private final AccessControl access = new AccessControl(DISTRICT_OF::get);
  /** A meeting topic's key is the meeting's to judge: no reference data is consulted. */
  private static final ReferenceData NO_REFERENCE = new ReferenceData(Map.of(), Set.of());
  private final JsonObject meeting = new JsonObject().put("id", 7).put("state", "in_progress").put("chair", "leader").put("secretary", "thuky")
      .put("invitedAgencies", new JsonArray().add("CG-02")).put("invitedPeople", new JsonArray().add("sre"));

  private static Principal as(String username, String agency, Role... roles) {
    return new Principal(1, username, username, agency, "vi", Set.of(roles), "t", Instant.now().plusSeconds(60));
  }

  private static boolean mayDrive(JsonObject live, Principal who) {
    return MeetingJson.state(live).drives(who.username());
  }

  private static boolean isParticipant(JsonObject live, Principal who, AccessControl access) {
    return MeetingJson.state(live).takesPart(who, access);
  }

  @Test
  void chairAndSecretaryDriveNobodyElse() {
    assertTrue(mayDrive(meeting, as("leader", "HN", Role.LEADER)));
    assertTrue(mayDrive(meeting, as("thuky", "HN", Role.AGENCY)));
    assertFalse(mayDrive(meeting, as("leader2", "HN", Role.LEADER)), "another leader is not the chair");
    assertFalse(mayDrive(meeting, as("cg-officer", "CG-02", Role.AGENCY)));
  }

  @Test
  void invitedPeopleAndOfficersOfInvitedAgenciesOrTheirDistrictTakePart() {
    assertTrue(isParticipant(meeting, as("sre", "STTTT", Role.SRE), access));
    assertTrue(isParticipant(meeting, as("x", "CG-02", Role.AGENCY), access));
    assertTrue(isParticipant(meeting, as("y", "CG", Role.AGENCY), access), "the district of an invited commune");
    assertFalse(isParticipant(meeting, as("z", "DA", Role.AGENCY), access));
    assertFalse(isParticipant(meeting, as("operator", "HN", Role.OPERATOR), access), "reading city data is no invitation");
  }

  @Test
  void meetingTopicIsOpenOnlyToItsParticipantsAndOnlyForMeetingsTheNodeKnows() {
    Principal officer = as("x", "CG-02", Role.AGENCY);
    assertFalse(new TopicAccess(access, Map.of(), NO_REFERENCE).mayFollow(officer, "meeting.7"), "no roster installed: nobody");
    TopicAccess topics = new TopicAccess(access, Map.of(Topics.MEETING,
        (who, key) -> "7".equals(key) && isParticipant(meeting, who, access)), NO_REFERENCE);
    assertTrue(topics.mayFollow(officer, "meeting.7"));
    assertFalse(topics.mayFollow(officer, "meeting.8"));
    assertFalse(topics.mayFollow(officer, "meeting.abc"));
    assertFalse(topics.mayFollow(as("z", "DA", Role.AGENCY), "meeting.7"));
    assertFalse(topics.mayFollow(as("leader2", "HN", Role.LEADER), "meeting.7"));
  }
}
