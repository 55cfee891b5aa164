package vn.hanoi.cityops.meeting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task a briefing assigned to an agency (giao nhiệm vụ); it lives on after the meeting. {@code state}: open,
 * in_progress or done; {@code progress}: 0-100; {@code overdue}: not done and past its deadline, as of when it was
 * read.
 */
public record Task(long id, long meetingId, Long item, String agency, String description, OffsetDateTime deadline,
                   String priority, String state, int progress, String doneNote, OffsetDateTime doneAt,
                   String assignedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean overdue) {

  public boolean done() {
    return "done".equals(state);
  }

  /** One update of a task: who, when, the note, and the state and progress it set (null when unchanged). */
  public record Note(String author, OffsetDateTime at, String text, String state, Integer progress) {
  }

  /** A task with its notes, oldest first. */
  public record Noted(Task task, List<Note> notes) {
  }

  /** The tasks a meeting assigned, each overdue or not as of a moment: what the next briefing opens with. */
  public record OfMeeting(long meetingId, String title, OffsetDateTime scheduledAt, OffsetDateTime endedAt,
                          List<Task> tasks) {
  }
}
