package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.Role;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicAccessTest {
  private static final ReferenceData REFERENCE = new ReferenceData(Map.of(
      "CG", new ReferenceData.Agency("CG", "Cầu Giấy", "Cau Giay", "district", null),
      "CG-01", new ReferenceData.Agency("CG-01", "Dịch Vọng", "Dich Vong", "commune", "CG"),
      "STTTT", new ReferenceData.Agency("STTTT", "Sở TT&TT", "DIC", "department", null)), Set.of("MOTCUA"));
  private static final Map<String, String> DISTRICT_OF = Map.of("CG", "CG", "CG-01", "CG");
  private final TopicAccess topics = new TopicAccess(new AccessControl(DISTRICT_OF::get), Map.of(), REFERENCE);

  private static Principal as(String agency, Role role) {
    return new Principal(1, "u", "u", agency, "vi", Set.of(role), "t", Instant.now().plusSeconds(60));
  }

  @Test
  void aCommuneOrAnUnknownCodeIsNoDistrictTopicWhileEveryAgencyHasItsOwn() {
    assertTrue(topics.exists("kpi.district.CG"));
    assertFalse(topics.exists("kpi.district.CG-01"), "a commune is no district");
    assertFalse(topics.exists("kpi.district.STTTT"), "nor is a department");
    assertTrue(topics.exists("kpi.agency.CG-01"));
    assertTrue(topics.exists("tasks.agency.STTTT"));
    assertFalse(topics.exists("kpi.agency.NOPE"));
    assertFalse(topics.exists("tasks.agency.NOPE"));
    assertTrue(topics.exists("systems"));
    assertTrue(topics.exists("meeting.7"), "a meeting's audience judges its key");
    assertFalse(topics.exists("nothing.like.this"));
  }

  @Test
  void anOfficerOfTheDistrictMayAskForItsCommuneAsADistrictTopicAndIsThenToldItDoesNotExist() {
    Principal officer = as("CG", Role.AGENCY);
    assertTrue(topics.mayFollow(officer, "kpi.district.CG-01"), "access is decided first, on the agency the key names");
    assertFalse(topics.exists("kpi.district.CG-01"));
    assertFalse(topics.mayFollow(as("DA", Role.AGENCY), "kpi.district.CG-01"), "a stranger is refused before being told");
  }
}
