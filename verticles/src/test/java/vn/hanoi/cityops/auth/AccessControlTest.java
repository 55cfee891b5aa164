package vn.hanoi.cityops.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessControlTest {
  private static final Map<String, String> DISTRICT_OF = Map.of("CG", "CG", "CG-03", "CG", "BD", "BD", "BD-01", "BD");
  private final AccessControl access = new AccessControl(DISTRICT_OF::get);

  private static Principal as(String agency, Role... roles) {
    return new Principal(1, "u", "U", agency, "vi", Set.of(roles), "t", Instant.now().plusSeconds(60));
  }

  @Test
  void operatorReadsEverythingAndAcknowledgesButManagesNothing() {
    Principal p = as("VP-UBND", Role.OPERATOR);
    assertTrue(access.allows(p, Action.READ_CITY_DATA));
    assertTrue(access.allows(p, Action.READ_AGENCY_DATA, "BD"));
    assertTrue(access.allows(p, Action.ACKNOWLEDGE_ALERT));
    for (Action a : new Action[]{Action.MANAGE_ALERTS, Action.RUN_MEETINGS, Action.MANAGE_USERS, Action.MANAGE_API_KEYS, Action.READ_AUDIT}) {
      assertFalse(access.allows(p, a), a.name());
    }
  }

  @Test
  void leaderRunsMeetingsButCannotTouchAlertsOrUsers() {
    Principal p = as("HN", Role.LEADER);
    assertTrue(access.allows(p, Action.RUN_MEETINGS));
    assertTrue(access.allows(p, Action.READ_CITY_DATA));
    assertFalse(access.allows(p, Action.ACKNOWLEDGE_ALERT));
    assertFalse(access.allows(p, Action.MANAGE_USERS));
  }

  @Test
  void sreHandlesAlertsOnly() {
    Principal p = as("STTTT", Role.SRE);
    assertTrue(access.allows(p, Action.ACKNOWLEDGE_ALERT));
    assertTrue(access.allows(p, Action.MANAGE_ALERTS));
    assertFalse(access.allows(p, Action.RUN_MEETINGS));
    assertFalse(access.allows(p, Action.MANAGE_API_KEYS));
  }

  @Test
  void adminManagesUsersKeysAndReadsAuditButNoAlertsOrMeetings() {
    Principal p = as("STTTT", Role.ADMIN);
    assertTrue(access.allows(p, Action.MANAGE_USERS));
    assertTrue(access.allows(p, Action.MANAGE_API_KEYS));
    assertTrue(access.allows(p, Action.READ_AUDIT));
    assertFalse(access.allows(p, Action.ACKNOWLEDGE_ALERT));
    assertFalse(access.allows(p, Action.RUN_MEETINGS));
  }

  @Test
  void districtOfficerSeesTheirDistrictAndItsCommunesOnly() {
    Principal p = as("CG", Role.AGENCY);
    assertTrue(access.allows(p, Action.READ_AGENCY_DATA, "CG"));
    assertTrue(access.allows(p, Action.READ_AGENCY_DATA, "CG-03"));
    assertTrue(access.allows(p, Action.UPDATE_AGENCY_TASK, "CG-03"));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA, "BD"));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA, "BD-01"));
    assertFalse(access.allows(p, Action.READ_CITY_DATA));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA));
  }

  @Test
  void communeOfficerDoesNotSeeTheirDistrictOrOtherCommunes() {
    Principal p = as("CG-03", Role.AGENCY);
    assertTrue(access.allows(p, Action.READ_AGENCY_DATA, "CG-03"));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA, "CG"));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA, "CG-01"));
  }

  @Test
  void departmentOfficerSeesOnlyTheirDepartment() {
    Principal p = as("SNV", Role.AGENCY);
    assertTrue(access.allows(p, Action.READ_AGENCY_DATA, "SNV"));
    assertFalse(access.allows(p, Action.READ_AGENCY_DATA, "STP"));
  }

  @Test
  void everyoneSignedInReadsThemselvesAndNobodyElseDoesAnything() {
    assertTrue(access.allows(as("CG", Role.AGENCY), Action.READ_SELF));
    for (Action a : Action.values()) {
      assertFalse(access.allows(null, a), a.name());
    }
  }
}
