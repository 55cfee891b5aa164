package vn.hanoi.cityops.sim;

import vn.hanoi.cityops.city.Hanoi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Event ids unique within a run, the common fields, and the one timestamp format of the simulator. */
final class SimEvents {
  /** Asia/Ho_Chi_Minh has kept UTC+07:00 without daylight saving since 1975, so a fixed offset is exact. */

  private final String runId;
  private long next = 1;

  SimEvents(String runId) {
    this.runId = runId;
  }

  String runId() {
    return runId;
  }

  /** A new event holding {@code id}, {@code type} and {@code occurredAt}, in that order; callers add the rest. */
  Map<String, Object> create(String type, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "sim-" + runId + "-" + next++);
    event.put("type", type);
    event.put("occurredAt", iso(at));
    return event;
  }

  /** ISO-8601 with the Hanoi offset, to the millisecond: {@code 2026-11-23T08:00:00.25+07:00}. */
  static String iso(Instant t) {
    return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MILLIS), Hanoi.OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
