package vn.hanoi.cityops.oncall;

import java.time.Instant;
import java.util.List;

/**
 * One outage as the on-call engine keeps it ({@code oncall_episode}): its alert group, owning team, when it opened
 * and when its escalation clock starts, who acknowledged it and when, when it was over and how (resolved, or merged
 * into another outage), what its messages say; and its group's live counts now (0 once it is over, or when read
 * for the timeline).
 */
public record Episode(long id, String groupKey, Long teamId, Instant openedAt, Instant escalationFrom,
                      Instant acknowledgedAt, String acknowledgedBy, Instant closedAt, String closeReason,
                      Long mergedInto, boolean allClearDone, List<Long> alertIds, String system, List<String> systems,
                      long leadAlertId, String titleVi, String titleEn, String severity, long openCount,
                      long unsilencedCount, long firingCount) {
  public Episode {
    alertIds = List.copyOf(alertIds);
    systems = List.copyOf(systems);
  }

  public boolean open() {
    return closedAt == null;
  }

  /** Whether its climb goes on: open, not acknowledged, with a firing alert that is not silenced. */
  public boolean climbing() {
    return open() && acknowledgedAt == null && firingCount > 0;
  }

  /** Whether it still owes reminders: open and acknowledged. */
  public boolean owned() {
    return open() && acknowledgedAt != null && unsilencedCount > 0;
  }

  /** As {@link Escalation} reads it: the clock's start, the acknowledgement, not over (the engine stops at the end). */
  public Escalation.Episode escalation() {
    return new Escalation.Episode(escalationFrom, acknowledgedAt, null);
  }
}
