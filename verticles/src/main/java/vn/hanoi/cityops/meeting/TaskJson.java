package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonObject;

import static vn.hanoi.cityops.meeting.MeetingJson.array;
import static vn.hanoi.cityops.meeting.MeetingJson.ordered;
import static vn.hanoi.cityops.meeting.MeetingJson.time;

/**
 * The one JSON shape of a task: in a meeting's live state ({@link #live}), on {@code /api/v1/tasks} and in a meeting's
 * record ({@link #full}), in the {@code previous-tasks} panel ({@link #ofMeeting}). Keys and timestamps as
 * {@link MeetingJson} writes them.
 */
final class TaskJson {
  private TaskJson() {
  }

  /** A task as a meeting's screens show it. */
  static JsonObject live(Task t) {
    return ordered(new JsonObject()
        .put("id", t.id()).put("item", t.item()).put("agency", t.agency()).put("description", t.description())
        .put("deadline", time(t.deadline())).put("priority", t.priority()).put("state", t.state())
        .put("progress", t.progress()).put("overdue", t.overdue()));
  }

  /** A task with everything recorded about it, its notes oldest first. */
  static JsonObject full(Task.Noted noted) {
    Task t = noted.task();
    return ordered(new JsonObject()
        .put("id", t.id()).put("meetingId", t.meetingId()).put("item", t.item()).put("agency", t.agency())
        .put("description", t.description()).put("deadline", time(t.deadline())).put("priority", t.priority())
        .put("state", t.state()).put("progress", t.progress()).put("doneNote", t.doneNote())
        .put("doneAt", time(t.doneAt())).put("assignedBy", t.assignedBy()).put("createdAt", time(t.createdAt()))
        .put("updatedAt", time(t.updatedAt())).put("overdue", t.overdue())
        .put("notes", array(noted.notes(), TaskJson::note)));
  }

  /** The figures of the {@code previous-tasks} panel: the meeting, its tasks, and how many are done and overdue. */
  static JsonObject ofMeeting(Task.OfMeeting m) {
    JsonObject meeting = ordered(new JsonObject()
        .put("id", m.meetingId()).put("title", m.title()).put("scheduledAt", time(m.scheduledAt()))
        .put("endedAt", time(m.endedAt())));
    long done = m.tasks().stream().filter(Task::done).count();
    long overdue = m.tasks().stream().filter(Task::overdue).count();
    return new JsonObject().put("meeting", meeting).put("tasks", array(m.tasks(), TaskJson::previous))
        .put("summary", new JsonObject().put("total", m.tasks().size()).put("done", done).put("overdue", overdue));
  }

  private static JsonObject previous(Task t) {
    return ordered(new JsonObject()
        .put("id", t.id()).put("agency", t.agency()).put("description", t.description())
        .put("deadline", time(t.deadline())).put("priority", t.priority()).put("state", t.state())
        .put("progress", t.progress()).put("doneNote", t.doneNote()).put("overdue", t.overdue()));
  }

  private static JsonObject note(Task.Note n) {
    return ordered(new JsonObject()
        .put("author", n.author()).put("at", time(n.at())).put("text", n.text()).put("state", n.state())
        .put("progress", n.progress()));
  }
}
