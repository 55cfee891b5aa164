package vn.hanoi.cityops.oncall;

import vn.hanoi.cityops.city.Hanoi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Planned work on some systems (none named: every system) over {@code [startsAt, endsAt)}, every week again at the
 * same Hanoi weekday and time when {@code weekly}: pages for outages of those systems are held while it lasts (the
 * alerts stay visible). As stored in {@code maintenance_window}. Pure: no Vert.x, no I/O.
 */
public record MaintenanceWindow(long id, List<String> systems, Instant startsAt, Instant endsAt, boolean weekly,
                                String reason, String createdBy, Instant createdAt) {
  /** The longest a weekly window may last: a week (it would overlap its next occurrence). */
  public static final Duration MAX_WEEKLY = Duration.ofDays(7);

  /** One occurrence of the window: {@code [from, to)}. */
  public record Occurrence(Instant from, Instant to) {
  }

  public MaintenanceWindow {
    systems = systems == null ? List.of() : List.copyOf(systems);
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a maintenance window ends after it starts");
    }
  }

  /** Whether the window names {@code system} (a window naming none covers every system). */
  public boolean appliesTo(String system) {
    return systems.isEmpty() || systems.contains(system);
  }

  /** The occurrence that holds {@code system}'s pages at {@code t}, if one does. */
  public Optional<Occurrence> covering(String system, Instant t) {
    return appliesTo(system) ? at(t) : Optional.empty();
  }

  /** The occurrence in progress at {@code t}, if any. */
  public Optional<Occurrence> at(Instant t) {
    if (t.isBefore(startsAt)) {
      return Optional.empty();
    }
    Occurrence o = occurrence(weekly ? ChronoUnit.WEEKS.between(startsAt.atZone(Hanoi.ZONE), t.atZone(Hanoi.ZONE)) : 0);
    return t.isBefore(o.to()) ? Optional.of(o) : Optional.empty();
  }

  /** The occurrence in progress at {@code t}, else the next one; empty when the window is over for good. */
  public Optional<Occurrence> currentOrNext(Instant t) {
    Optional<Occurrence> now = at(t);
    if (now.isPresent() || t.isBefore(startsAt)) {
      return now.or(() -> Optional.of(occurrence(0)));
    }
    if (!weekly) {
      return Optional.empty();
    }
    return Optional.of(occurrence(ChronoUnit.WEEKS.between(startsAt.atZone(Hanoi.ZONE), t.atZone(Hanoi.ZONE)) + 1));
  }

  /** Whether no occurrence of it lies ahead of {@code t} or is in progress. */
  public boolean over(Instant t) {
    return currentOrNext(t).isEmpty();
  }

  private Occurrence occurrence(long week) {
    ZonedDateTime from = startsAt.atZone(Hanoi.ZONE).plusWeeks(week);
    return new Occurrence(from.toInstant(), from.toInstant().plus(Duration.between(startsAt, endsAt)));
  }
}
