package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks pages' topics: {@code tasks} (every agency's tasks, for city-wide readers) and {@code tasks.agency.<code>}
 * (the tasks of that agency and, for a district, of its communes: what its officers see on {@code /api/v1/tasks}).
 * Keys: the task's id; values: the task as a meeting's screens show it ({@link TaskJson#live}). Every task change is
 * a {@code meeting} event carrying the meeting's tasks, so each node publishes the same values at the event's
 * ordinal; the hub sends only the tasks that changed.
 */
final class TaskTopics implements FeedListener {
  /** The most tasks read at start (the tasks page lists at most 500 per request). */
  private static final int LOAD_LIMIT = 5000;

  private final TaskRepository tasks;
  private final ReferenceData reference;
  private final Connections hub;

  TaskTopics(TaskRepository tasks, ReferenceData reference, Connections hub) {
    this.tasks = tasks;
    this.reference = reference;
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return tasks.list(null, null, null, LOAD_LIMIT).map(all -> {
      byTopic(all.stream().map(noted -> TaskJson.live(noted.task())).toList())
          .forEach((topic, values) -> hub.load(topic, ordinal, values));
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    for (EventFeed.FeedEvent e : events) {
      if (!EventTypes.MEETING.equals(e.type()) || e.payload() == null) {
        continue;
      }
      JsonArray list = e.payload().getJsonArray("tasks", new JsonArray());
      List<JsonObject> changed = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        changed.add(list.getJsonObject(i));
      }
      byTopic(changed).forEach((topic, values) -> hub.publish(topic, e.ordinal(), values));
    }
    return Future.succeededFuture();
  }

  /** The tasks by the topics they belong to, each topic's keyed by task id in the order given. */
  private Map<String, Map<String, Object>> byTopic(List<JsonObject> live) {
    Map<String, Map<String, Object>> byTopic = new HashMap<>();
    for (JsonObject task : live) {
      for (String topic : topicsOf(task.getString("agency"))) {
        byTopic.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(String.valueOf(task.getLong("id")), task.getMap());
      }
    }
    return byTopic;
  }

  /** The topics a task of {@code agency} belongs to: the city's, its agency's and its district's. */
  private Set<String> topicsOf(String agency) {
    Set<String> topics = new LinkedHashSet<>();
    topics.add(Topics.TASKS.topic());
    if (agency != null) {
      topics.add(Topics.TASKS_AGENCY.topic(agency));
      String district = reference.districtOf(agency);
      if (district != null) {
        topics.add(Topics.TASKS_AGENCY.topic(district));
      }
    }
    return topics;
  }
}
