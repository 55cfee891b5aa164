package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.config.AlertmanagerMapping;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the alerts of an Alertmanager webhook (v4, already valid against its schema) into {@code system.health}
 * events for the systems their labels name: firing is {@code down} ({@code degraded} when the {@code severity}
 * label is {@code warning} or {@code info}), resolved is {@code up}; the message is the {@code summary} annotation.
 * An event's id is {@code am:<fingerprint>:<startsAt>:<status>}, so a redelivered notification is a duplicate while
 * the same alert firing again later (a new {@code startsAt}) is new. It happened at {@code startsAt} when firing,
 * at {@code endsAt} when resolved. An alert whose labels name no system is skipped and reported. Pure.
 */
final class AlertmanagerAlerts {
  static final int MAX_MESSAGE = 2_000;
  private static final Set<String> MILD = Set.of("warning", "info");

  /** The events to store (each with the index of its alert), and the alerts skipped with why. */
  record Translation(List<Object> events, int[] indexes, JsonArray skipped) {
  }

  private final AlertmanagerMapping mapping;

  AlertmanagerAlerts(AlertmanagerMapping mapping) {
    this.mapping = mapping;
  }

  Translation translate(JsonObject webhook) {
    JsonArray alerts = webhook.getJsonArray("alerts");
    List<Object> events = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    JsonArray skipped = new JsonArray();
    JsonArray problems = new JsonArray();
    for (int i = 0; i < alerts.size(); i++) {
      JsonObject alert = alerts.getJsonObject(i);
      Map<String, String> labels = strings(alert.getJsonObject("labels"));
      String system = mapping.systemOf(labels);
      if (system == null) {
        skipped.add(new JsonObject().put("index", i).put("alertname", labels.get("alertname"))
            .put("reason", "no label names a city system (looked at: " + mapping.labelsLookedAt() + ")"));
        continue;
      }
      boolean resolved = "resolved".equals(alert.getString("status"));
      OffsetDateTime startsAt = time(alert, "startsAt", i, problems);
      OffsetDateTime at = resolved ? time(alert, "endsAt", i, problems) : startsAt;
      if (startsAt == null || at == null) {
        continue;
      }
      events.add(event(alert, labels, system, resolved, startsAt, at));
      indexes.add(i);
    }
    if (!problems.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID, "validation_failed",
          "the notification was rejected: some alerts carry no usable time, nothing was stored", problems);
    }
    return new Translation(events, indexes.stream().mapToInt(Integer::intValue).toArray(), skipped);
  }

  private static JsonObject event(JsonObject alert, Map<String, String> labels, String system, boolean resolved,
                                  OffsetDateTime startsAt, OffsetDateTime at) {
    String status = alert.getString("status");
    JsonObject annotations = alert.getJsonObject("annotations", new JsonObject());
    String summary = annotations.getString("summary", annotations.getString("description", labels.getOrDefault("alertname", "")));
    String message = resolved ? "resolved: " + summary : summary;
    JsonObject source = new JsonObject().put("fingerprint", alert.getString("fingerprint")).put("status", status)
        .put("startsAt", alert.getString("startsAt")).put("labels", alert.getJsonObject("labels")).put("annotations", annotations);
    if (resolved) {
      source.put("endsAt", alert.getString("endsAt"));
    }
    if (alert.getString("generatorURL") != null) {
      source.put("generatorURL", alert.getString("generatorURL"));
    }
    return new JsonObject()
        .put("id", "am:" + alert.getString("fingerprint") + ":" + startsAt.toInstant() + ":" + status)
        .put("type", EventTypes.SYSTEM_HEALTH)
        .put("occurredAt", at.toString())
        .put("system", system)
        .put("status", resolved ? "up" : MILD.contains(labels.getOrDefault("severity", "")) ? "degraded" : "down")
        .put("message", message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message)
        .put("alertmanager", source);
  }

  /** The alert's time {@code field}, reported as a problem when it is absent or not a real time. */
  private static OffsetDateTime time(JsonObject alert, String field, int index, JsonArray problems) {
    String text = alert.getString(field);
    OffsetDateTime t = text == null ? null : EventRules.parse(text);
    if (t == null) {
      problems.add(Problems.of(index, "alerts." + index + "." + field, text == null ? "is required"
          : "is not an RFC 3339 time between " + EventRules.MIN_YEAR + " and " + EventRules.MAX_YEAR + ": '" + text + "'"));
    }
    return t;
  }

  private static Map<String, String> strings(JsonObject labels) {
    Map<String, String> map = new HashMap<>();
    labels.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return map;
  }
}
