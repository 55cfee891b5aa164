package vn.hanoi.cityops.metrics;

import vn.hanoi.cityops.bus.Topics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of the city metrics at one moment, read from the live topics the node holds ({@code systems},
 * {@code kpi.agency.<code>}, {@code feedback}, {@code alerts}, {@code tasks}), by family and label values. A series
 * nothing counted is 0, except a system's {@code up} and latency before it ever reported: NaN (not known).
 * Pure: the topics come in as a function.
 */
final class CityFigures {
  static final String SYSTEM_UP = "cityops_system_up";
  static final String SYSTEM_STATUS = "cityops_system_status";
  static final String SYSTEM_LATENCY = "cityops_system_latency_seconds";
  static final String DOSSIERS_RECEIVED = "cityops_dossiers_received_today";
  static final String DOSSIERS_COMPLETED = "cityops_dossiers_completed_today";
  static final String DOSSIERS_ON_TIME = "cityops_dossiers_completed_on_time_today";
  static final String DOSSIERS_OPEN = "cityops_dossiers_open";
  static final String DOSSIERS_OVERDUE = "cityops_dossiers_overdue";
  static final String FEEDBACK_OPEN_DISTRICT = "cityops_feedback_open_by_district";
  static final String FEEDBACK_OVERDUE_DISTRICT = "cityops_feedback_overdue_by_district";
  static final String FEEDBACK_OPEN_CHANNEL = "cityops_feedback_open_by_channel";
  static final String FEEDBACK_OVERDUE_CHANNEL = "cityops_feedback_overdue_by_channel";
  static final String ALERTS_OPEN = "cityops_alerts_open";
  static final String TASKS_OPEN = "cityops_briefing_tasks_open";
  static final String TASKS_OVERDUE = "cityops_briefing_tasks_overdue";

  private final Map<String, Map<List<String>, Double>> values = new HashMap<>();

  private CityFigures() {
  }

  /** The figures as the topics ({@code topic}: a topic's current data by name, empty when none) hold them at {@code now}. */
  static CityFigures read(Function<String, Map<String, Object>> topic, CityLabels labels, Instant now) {
    CityFigures f = new CityFigures();
    f.systems(topic.apply(Topics.SYSTEMS.topic()), labels);
    f.dossiers(topic, labels);
    f.feedback(topic.apply(Topics.FEEDBACK.topic()));
    f.alerts(topic.apply(Topics.ALERTS.topic()));
    f.tasks(topic.apply(Topics.TASKS.topic()), now);
    return f;
  }

  /** The value of one series; NaN for a system not known, 0 for anything else nothing counted. */
  double value(String family, List<String> labelValues) {
    Double v = values.getOrDefault(family, Map.of()).get(labelValues);
    if (v != null) {
      return v;
    }
    return SYSTEM_UP.equals(family) || SYSTEM_LATENCY.equals(family) ? Double.NaN : 0;
  }

  private void set(String family, double value, String... labelValues) {
    values.computeIfAbsent(family, k -> new HashMap<>()).put(List.of(labelValues), value);
  }

  private void add(String family, double value, String... labelValues) {
    values.computeIfAbsent(family, k -> new HashMap<>()).merge(List.of(labelValues), value, Double::sum);
  }

  private void systems(Map<String, Object> systems, CityLabels labels) {
    for (String code : labels.systems()) {
      Map<?, ?> system = map(systems.get(code));
      String status = system.get("status") instanceof String s && CityLabels.STATUSES.contains(s) ? s : "unknown";
      for (String each : CityLabels.STATUSES) {
        set(SYSTEM_STATUS, each.equals(status) ? 1 : 0, code, each);
      }
      if (!"unknown".equals(status)) {
        set(SYSTEM_UP, "down".equals(status) ? 0 : 1, code);
      }
      if (system.get("latencyMs") instanceof Number ms) {
        set(SYSTEM_LATENCY, ms.doubleValue() / 1000, code);
      }
    }
  }

  private void dossiers(Function<String, Map<String, Object>> topic, CityLabels labels) {
    labels.agencyScopes().forEach((agency, scope) -> {
      Map<?, ?> today = map(topic.apply(Topics.KPI_AGENCY.topic(agency)).get("today"));
      if (today.isEmpty()) {
        return;
      }
      add(DOSSIERS_RECEIVED, number(today, "received"), scope.district(), scope.level());
      add(DOSSIERS_COMPLETED, number(today, "completedOnTime") + number(today, "completedLate"), scope.district(), scope.level());
      add(DOSSIERS_ON_TIME, number(today, "completedOnTime"), scope.district(), scope.level());
      add(DOSSIERS_OPEN, number(today, "backlog"), scope.district(), scope.level());
      add(DOSSIERS_OVERDUE, number(today, "overdueNow"), scope.district(), scope.level());
    });
  }

  private void feedback(Map<String, Object> feedback) {
    feedback.forEach((key, value) -> {
      Map<?, ?> counts = map(value);
      if (key.startsWith("district.")) {
        String district = key.substring("district.".length());
        set(FEEDBACK_OPEN_DISTRICT, number(counts, "open"), district);
        set(FEEDBACK_OVERDUE_DISTRICT, number(counts, "overdue"), district);
      } else if (key.startsWith("channel.")) {
        String channel = key.substring("channel.".length());
        set(FEEDBACK_OPEN_CHANNEL, number(counts, "open"), channel);
        set(FEEDBACK_OVERDUE_CHANNEL, number(counts, "overdue"), channel);
      }
    });
  }

  private void alerts(Map<String, Object> alerts) {
    alerts.values().forEach(value -> {
      Map<?, ?> alert = map(value);
      if (alert.get("severity") instanceof String severity && alert.get("state") instanceof String state
          && CityLabels.OPEN_STATES.contains(state)) {
        add(ALERTS_OPEN, 1, severity, state);
      }
    });
  }

  private void tasks(Map<String, Object> tasks, Instant now) {
    tasks.values().forEach(value -> {
      Map<?, ?> task = map(value);
      if ("done".equals(task.get("state"))) {
        return;
      }
      add(TASKS_OPEN, 1);
      Instant deadline = instant(task.get("deadline"));
      if (deadline != null && deadline.isBefore(now)) {
        add(TASKS_OVERDUE, 1);
      }
    });
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static double number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : 0;
  }

  private static Instant instant(Object iso) {
    try {
      return iso instanceof String s ? OffsetDateTime.parse(s).toInstant() : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
