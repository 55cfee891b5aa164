package vn.hanoi.cityops.oncall;

import java.time.Instant;
import java.util.List;

/**
 * A team as stored ({@code oncall_team}): its code and names, its lead, the escalation policy it pages by (its
 * code; null: none, so its outages page nobody), who may stand in its rotations, the systems it owns.
 */
public record Team(long id, String code, String nameVi, String nameEn, String lead, String policy, List<String> members,
                   List<String> systems, Instant createdAt, Instant updatedAt) {
  public Team {
    members = List.copyOf(members);
    systems = List.copyOf(systems);
  }
}
