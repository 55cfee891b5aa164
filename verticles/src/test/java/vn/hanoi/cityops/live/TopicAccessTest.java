package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.Role;
import vn.hanoi.cityops.bus.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicAccessTest {
  private static final Map<String, String> DISTRICT_OF = Map.of("CG", "CG", "CG-03", "CG", "BD", "BD", "BD-01", "BD");
  private final AccessControl access = new AccessControl(DISTRICT_OF::get);
  private final TopicAccess topics = new TopicAccess(access, Map.of());

  private static Principal as(String agency, Role... roles) {
    return new Principal(1, "u", "U", agency, "vi", Set.of(roles), "t", Instant.now().plusSeconds(60));
  }

  @Test
  void topicsFollowTheSameRulesAsTheRoutes() {
    Principal officer = as("CG", Role.AGENCY);
    assertTrue(topics.mayFollow(officer, "kpi.district.CG"));
    assertTrue(topics.mayFollow(officer, "kpi.agency.CG-03"));
    assertFalse(topics.mayFollow(officer, "kpi.district.BD"));
    assertFalse(topics.mayFollow(officer, "systems"));
    assertFalse(topics.mayFollow(officer, "alerts"));
    Principal operator = as("VP-UBND", Role.OPERATOR);
    assertTrue(topics.mayFollow(operator, "systems"));
    assertTrue(topics.mayFollow(operator, "kpi.district.BD"));
    assertFalse(topics.mayFollow(operator, "kpi.district."));
    assertFalse(topics.mayFollow(operator, "no-such-topic"));
    assertFalse(topics.mayFollow(null, "systems"));
  }

  @Test
  void aTopicOfParticipantsIsForItsOwnersAudienceOnly() {
    Principal officer = as("CG", Role.AGENCY);
    Principal operator = as("VP-UBND", Role.OPERATOR);
    assertFalse(topics.mayFollow(operator, "meeting.7"), "no audience handed over: nobody, not even city-wide readers");
    TopicAccess withMeetings = new TopicAccess(access, Map.of(Topics.MEETING, (who, key) -> "7".equals(key) && who == officer));
    assertTrue(withMeetings.mayFollow(officer, "meeting.7"));
    assertFalse(withMeetings.mayFollow(officer, "meeting.8"));
    assertFalse(withMeetings.mayFollow(operator, "meeting.7"));
  }

  @Test
  void topicNamesReadBackToTheirFamilyAndKey() {
    assertEquals(new Topics.Match(Topics.KPI_DISTRICT, "CG"), Topics.match("kpi.district.CG").orElseThrow());
    assertEquals(new Topics.Match(Topics.SYSTEMS, null), Topics.match("systems").orElseThrow());
    assertEquals("meeting.42", Topics.MEETING.topic(42));
    assertTrue(Topics.match("systems.x").isEmpty());
    assertTrue(Topics.match("meeting.").isEmpty());
    assertEquals("kpi.agency.", Topics.catalogue().getString("KPI_AGENCY"));
  }
}
