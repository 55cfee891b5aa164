package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/**
 * One alert rule as stored in {@code alert_rule}. {@code subject} null means every subject its kind applies to
 * (every system, agency or district). The webhook secret never leaves the server: {@link #toJson()} says only
 * whether one is set.
 */
public record Rule(long id, String code, Kind kind, String subject, String severity, Double threshold,
                   Double clearThreshold, Integer windowMinutes, int forSeconds, int clearSeconds, int reopenSeconds,
                   Integer escalateAfterSeconds, String webhookUrl, String webhookSecret, boolean enabled,
                   String description, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** What a rule watches, and which way its threshold points. */
  public enum Kind {
    SYSTEM_DOWN(true, true), SYSTEM_DEGRADED(true, true), LATENCY_HIGH(true, true),
    AGENCY_ON_TIME_BELOW(false, false), DISTRICT_OVERDUE_ABOVE(false, true), FEEDBACK_OVERDUE_ABOVE(false, true),
    KPI_DROP_RATE(false, true);

    private final boolean system;
    private final boolean above;

    Kind(boolean system, boolean above) {
      this.system = system;
      this.above = above;
    }

    /** Evaluated from health events (its subject is a system); otherwise from KPIs on clock ticks. */
    public boolean system() {
      return system;
    }

    /** The condition holds when the value is above the threshold (else below it). */
    public boolean above() {
      return above;
    }

    public String code() {
      return name().toLowerCase();
    }

    public static Kind of(String code) {
      return valueOf(code.toUpperCase());
    }
  }

  static Rule from(Row r) {
    return new Rule(r.getLong("id"), r.getString("code"), Kind.of(r.getString("kind")), r.getString("subject"),
        r.getString("severity"), r.getDouble("threshold"), r.getDouble("clear_threshold"), r.getInteger("window_minutes"),
        r.getInteger("for_seconds"), r.getInteger("clear_seconds"), r.getInteger("reopen_seconds"),
        r.getInteger("escalate_after_seconds"), r.getString("webhook_url"), r.getString("webhook_secret"),
        r.getBoolean("enabled"), r.getString("description"), r.getString("created_by"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
  }

  /** Whether this rule watches {@code subject}. */
  public boolean covers(String candidate) {
    return subject == null || subject.equals(candidate);
  }

  /** The deduplication key of this rule's alert on {@code subject}. */
  public String dedupKey(String onSubject) {
    return code + ":" + onSubject;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("code", code).put("kind", kind.code()).put("subject", subject).put("severity", severity)
        .put("threshold", threshold).put("clearThreshold", clearThreshold).put("windowMinutes", windowMinutes)
        .put("forSeconds", forSeconds).put("clearSeconds", clearSeconds).put("reopenSeconds", reopenSeconds)
        .put("escalateAfterSeconds", escalateAfterSeconds).put("webhookUrl", webhookUrl)
        .put("webhookSecretSet", webhookSecret != null).put("enabled", enabled).put("description", description)
        .put("createdBy", createdBy)
        .put("createdAt", createdAt == null ? null : createdAt.toInstant().toString())
        .put("updatedAt", updatedAt == null ? null : updatedAt.toInstant().toString());
  }
}
