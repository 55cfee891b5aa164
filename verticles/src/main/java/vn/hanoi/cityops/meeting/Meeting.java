package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A briefing's live state: what its topic shows and its {@code meeting} event carries. {@code currentItem}: the
 * agenda item on screen (null before the start); {@code panel}: the shared panel's spec, {@code highlight} the row
 * the chair points at (each null when none); {@code hands}: who asks for the floor, in order; {@code floor}: who has it (given by the chair, or null); {@code presence}: the
 * open stays; {@code decisions} and {@code tasks}: what was recorded so far.
 */
public record Meeting(long id, int version, String title, String level, MeetingState.Phase phase,
                      OffsetDateTime scheduledAt, String chair, String secretary, OffsetDateTime startedAt,
                      OffsetDateTime endedAt, List<String> invitedAgencies, List<String> invitedPeople,
                      AgendaItem currentItem, JsonObject panel, JsonObject highlight, List<String> hands,
                      String floor,
                      List<Stay> presence, List<Decision> decisions, List<Task> tasks) {

  /** Its phase and roster, which decide what may be done to it and by whom. */
  public MeetingState state() {
    return new MeetingState(id, phase, chair, secretary, invitedPeople, invitedAgencies);
  }

  /** A meeting as a list shows it. */
  public record Listed(long id, String title, String level, MeetingState.Phase phase, OffsetDateTime scheduledAt,
                       String chair, OffsetDateTime startedAt, OffsetDateTime endedAt, Schedule schedule) {
  }

  /**
   * What the calendar adds to a meeting: its length, its video-room link (or null) and its invitation's iCalendar
   * sequence (moves when what a calendar shows of it changes, and on cancel).
   */
  public record Schedule(int durationMinutes, String videoUrl, int invitationSequence) {
  }

  /**
   * A meeting with its whole record: the live state, the agenda, every stay (not only the open ones), the decisions
   * with the panel on screen when each was taken, and the tasks with their notes.
   */
  public record Full(Meeting meeting, List<AgendaItem> agenda, List<Stay> attendance, List<Decision.Recorded> decisions,
                     List<Task.Noted> tasks, Schedule schedule) {
  }
}
