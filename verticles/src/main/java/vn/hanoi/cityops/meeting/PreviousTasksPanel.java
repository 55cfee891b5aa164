package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.capability.Panel;

import java.time.Instant;
import java.util.Set;

/**
 * Briefing panel {@code previous-tasks} {meeting}: the tasks a previous briefing assigned, with their state now (what
 * the next briefing opens with), {@code {meeting, tasks, summary}}; {@code unknown_reference} when there is no such
 * meeting. Moved by that meeting's events (every change of its tasks is one), named by its topic.
 */
final class PreviousTasksPanel implements Panel {
  static final String KIND = "previous-tasks";

  private final TaskRepository tasks;

  PreviousTasksPanel(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    Object meeting = spec.getValue("meeting");
    if (!(meeting instanceof Integer || meeting instanceof Long) || ((Number) meeting).longValue() < 1) {
      throw Panel.invalid("meeting", "must be a meeting id (a whole number)");
    }
    return new JsonObject().put("kind", KIND).put("meeting", ((Number) meeting).longValue());
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    return tasks.ofMeeting(spec.getLong("meeting"), now).map(TaskJson::ofMeeting);
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(MeetingTopics.topic(spec.getLong("meeting")));
  }
}
