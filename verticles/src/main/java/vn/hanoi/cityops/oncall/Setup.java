package vn.hanoi.cityops.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The on-call configuration as the engine reads it at the start of a tick: teams, their policies and rotations (with
 * covers), the maintenance windows, the systems' names. Answers who a team pages ({@link #roster}) and which window
 * holds a system's pages now ({@link #holding}). Pure: no Vert.x, no I/O.
 */
public record Setup(Map<Long, Team> teams, Map<String, EscalationPolicy> policies, List<TeamRotation> rotations,
                    List<MaintenanceWindow> windows, Map<String, SystemName> systems) {
  /** A window occurrence that holds pages. */
  public record Held(MaintenanceWindow window, MaintenanceWindow.Occurrence occurrence) {
  }

  public Setup {
    teams = Map.copyOf(teams);
    policies = Map.copyOf(policies);
    rotations = List.copyOf(rotations);
    windows = List.copyOf(windows);
    systems = Map.copyOf(systems);
  }

  public static Setup of(List<Team> teams, List<EscalationPolicy> policies, List<TeamRotation> rotations,
                         List<MaintenanceWindow> windows, Map<String, SystemName> systems) {
    return new Setup(teams.stream().collect(Collectors.toMap(Team::id, Function.identity())),
        policies.stream().collect(Collectors.toMap(EscalationPolicy::code, Function.identity())), rotations, windows,
        systems);
  }

  public Optional<Team> team(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(teams.get(id));
  }

  public Optional<TeamRotation> rotation(Long id) {
    return rotations.stream().filter(r -> id != null && r.id() == id).findFirst();
  }

  /** Who team {@code teamId} pages; empty when there is no such team or it pages by no policy. */
  public Optional<Paging.Roster> roster(Long teamId) {
    return team(teamId).filter(team -> team.policy() != null)
        .flatMap(team -> Optional.ofNullable(policies.get(team.policy())).map(policy ->
        new Paging.Roster(team.lead(), policy.policy(), layer(team.id(), TeamRotation.Layer.PRIMARY),
            layer(team.id(), TeamRotation.Layer.SECONDARY))));
  }

  /** The window occurrence holding {@code system}'s pages at {@code now}, if any. */
  public Optional<Held> holding(String system, Instant now) {
    for (MaintenanceWindow w : windows) {
      Optional<MaintenanceWindow.Occurrence> o = w.covering(system, now);
      if (o.isPresent()) {
        return Optional.of(new Held(w, o.get()));
      }
    }
    return Optional.empty();
  }

  /** A system's names (its code for both when unknown). */
  public SystemName system(String code) {
    return systems.getOrDefault(code, new SystemName(code, code, code));
  }

  private Rotation layer(long teamId, TeamRotation.Layer layer) {
    return rotations.stream().filter(r -> r.teamId() == teamId && r.layer() == layer).findFirst()
        .map(TeamRotation::rotation).orElse(null);
  }
}
