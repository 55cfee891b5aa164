package vn.hanoi.cityops.health;

import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.Hanoi;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One city system's health as of a moment. {@code status}: up, degraded, down, or unknown (never reported);
 * {@code since}: when the current status began; {@code lastHeartbeat}: the latest event from the system's own
 * probes (not the watchdog); {@code silent}: the current down is the watchdog's (no heartbeat for too long);
 * {@code uptimeToday} (since local midnight) and {@code uptime7d}: percent of the time not down, null before
 * the first event.
 */
public record SystemStatus(String code, String nameVi, String nameEn, String kind, String status,
                           OffsetDateTime since, OffsetDateTime lastHeartbeat, Integer latencyMs, String message,
                           boolean silent, Double uptimeToday, Double uptime7d) {
  public static final String UNKNOWN = "unknown";

  public JsonObject toJson() {
    return new JsonObject()
        .put("code", code)
        .put("nameVi", nameVi)
        .put("nameEn", nameEn)
        .put("kind", kind)
        .put("status", status)
        .put("since", iso(since))
        .put("lastHeartbeat", iso(lastHeartbeat))
        .put("latencyMs", latencyMs)
        .put("message", message)
        .put("silent", silent)
        .put("uptimeToday", uptimeToday)
        .put("uptime7d", uptime7d);
  }

  /** ISO-8601 with Hanoi's offset, seconds always written: {@code 2026-11-23T08:00:00+07:00}. */
  static String iso(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(Hanoi.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
