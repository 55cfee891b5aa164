package vn.hanoi.cityops.auth;

import vn.hanoi.cityops.bus.Topics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one access-control decision: may this person do this action on this resource? Every HTTP route
 * and every WebSocket topic asks here. Pure: no Vert.x, no I/O.
 */
public final class AccessControl {
  private static final Map<Role, Set<Action>> GRANTS = Map.of(
      Role.OPERATOR, EnumSet.of(Action.READ_CITY_DATA, Action.ACKNOWLEDGE_ALERT),
      Role.LEADER, EnumSet.of(Action.READ_CITY_DATA, Action.RUN_MEETINGS),
      Role.SRE, EnumSet.of(Action.READ_CITY_DATA, Action.ACKNOWLEDGE_ALERT, Action.MANAGE_ALERTS, Action.MANAGE_ONCALL,
          Action.USE_TWO_STEP_SIGN_IN),
      Role.AGENCY, EnumSet.noneOf(Action.class),
      Role.ADMIN, EnumSet.of(Action.READ_CITY_DATA, Action.MANAGE_USERS, Action.MANAGE_API_KEYS, Action.READ_AUDIT,
          Action.MANAGE_ONCALL, Action.USE_TWO_STEP_SIGN_IN),
      Role.DISPLAY, EnumSet.of(Action.READ_CITY_DATA));
  /** Actions an agency officer may take on their own agency (a district officer also on its communes). */
  private static final Set<Action> OWN_AGENCY = EnumSet.of(Action.READ_AGENCY_DATA, Action.UPDATE_AGENCY_TASK);

  private final Function<String, String> districtOf;

  /** {@code districtOf}: an agency's district (itself for a district, its parent for a commune), else null. */
  public AccessControl(Function<String, String> districtOf) {
    this.districtOf = districtOf;
  }

  public boolean allows(Principal who, Action action) {
    return allows(who, action, null);
  }

  /**
   * The roles that may take {@code action} (an agency officer only on its own agency, where that applies): what
   * the API description says of a route. Read from the same grants {@link #allows} decides by.
   */
  public List<String> rolesAllowed(Action action) {
    return Arrays.stream(Role.values())
        .filter(role -> action == Action.READ_SELF || GRANTS.get(role).contains(action)
            || action == Action.READ_AGENCY_DATA && GRANTS.get(role).contains(Action.READ_CITY_DATA)
            || role == Role.AGENCY && OWN_AGENCY.contains(action))
        .map(Role::code).toList();
  }

  /** {@code agency}: the agency the resource belongs to, when it belongs to one. */
  public boolean allows(Principal who, Action action, String agency) {
    if (who == null) {
      return false;
    }
    if (action == Action.READ_SELF) {
      return true;
    }
    for (Role role : who.roles()) {
      if (GRANTS.get(role).contains(action)) {
        return true;
      }
    }
    if (action == Action.READ_AGENCY_DATA && allows(who, Action.READ_CITY_DATA)) {
      return true;
    }
    return who.has(Role.AGENCY) && agency != null && OWN_AGENCY.contains(action) && covers(who.agency(), agency);
  }

  /**
   * A topic of city-wide or agency data ({@link Topics.Access#CITY_DATA}, {@link Topics.Access#AGENCY_DATA}, the key
   * naming the agency); false for any other (a topic of participants is for its owner to decide).
   */
  public boolean mayFollow(Principal who, Topics.Match topic) {
    return switch (topic.topic().access()) {
      case CITY_DATA -> allows(who, Action.READ_CITY_DATA);
      case AGENCY_DATA -> allows(who, Action.READ_AGENCY_DATA, topic.key());
      case PARTICIPANTS -> false;
    };
  }

  /** Whether an agency officer of {@code own} acts for {@code agency} (the same, or its district). */
  public boolean coversAgency(String own, String agency) {
    return covers(own, agency);
  }

  /** An officer of {@code own} covers {@code agency}: the same, or {@code own} is the district of {@code agency}. */
  private boolean covers(String own, String agency) {
    return own.equals(agency) || own.equals(districtOf.apply(agency)) && !own.equals(agency) && isDistrict(own);
  }

  private boolean isDistrict(String code) {
    return code.equals(districtOf.apply(code));
  }
}
