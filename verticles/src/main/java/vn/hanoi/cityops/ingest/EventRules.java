package vn.hanoi.cityops.ingest;

import vn.hanoi.cityops.bus.EventTypes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Checks an event's JSON Schema cannot express: real calendar dates, a sane time range, the order of a
 * dossier's dates, a rating only once feedback is answered, and no NUL character (PostgreSQL text cannot
 * hold one). Pure: no Vert.x, no I/O.
 */
final class EventRules {
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  private static final List<String> TIMESTAMPS = List.of("occurredAt", "receivedAt", "dueAt", "completedAt");

  private EventRules() {
  }

  /** Reports each problem as (field, reason); the event already matches the schema. */
  static void check(Map<String, Object> event, BiConsumer<String, String> problem) {
    noNul("", event, problem);
    for (String field : TIMESTAMPS) {
      if (event.get(field) instanceof String text && parse(text) == null) {
        problem.accept(field, "is not a real date-time between " + MIN_YEAR + " and " + MAX_YEAR + " with an offset: '" + text + "'");
      }
    }
    String type = String.valueOf(event.get("type"));
    if (EventTypes.DOSSIER.equals(type)) {
      OffsetDateTime received = timestamp(event, "receivedAt");
      OffsetDateTime due = timestamp(event, "dueAt");
      OffsetDateTime completed = timestamp(event, "completedAt");
      if (received != null && due != null && due.isBefore(received)) {
        problem.accept("dueAt", "is before receivedAt");
      }
      if (received != null && completed != null && completed.isBefore(received)) {
        problem.accept("completedAt", "is before receivedAt");
      }
    }
    if (EventTypes.FEEDBACK.equals(type) && event.get("rating") != null && !"answered".equals(event.get("status"))) {
      problem.accept("rating", "is given only once the feedback is answered");
    }
  }

  static OffsetDateTime timestamp(Map<String, Object> event, String field) {
    return event.get(field) instanceof String text ? parse(text) : null;
  }

  static OffsetDateTime parse(String text) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR ? null : t;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static void noNul(String path, Object value, BiConsumer<String, String> problem) {
    if (value instanceof String s && s.indexOf('\u0000') >= 0) {
      problem.accept(path, "contains a NUL character");
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String child = path.isEmpty() ? String.valueOf(k) : path + "." + k;
        if (String.valueOf(k).indexOf('\u0000') >= 0) {
          problem.accept(child, "has a NUL character in its name");
        }
        noNul(child, v, problem);
      });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        noNul(path + "[" + i + "]", list.get(i), problem);
      }
    }
  }
}
