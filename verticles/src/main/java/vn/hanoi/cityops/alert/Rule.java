package vn.hanoi.cityops.alert;

import java.time.OffsetDateTime;

/**
 * One alert rule as stored in {@code alert_rule}. {@code subject} null means every subject its kind applies to
 * (every system, agency or district). The webhook secret never leaves the server: {@link AlertJson#rule} says only
 * whether one is set. {@code webhookFormat}: {@code cityops} (its own body) or {@code alertmanager} (the Alertmanager
 * webhook v4 payload, {@link AlertJson#alertmanager}).
 */
public record Rule(long id, String code, Kind kind, String subject, String severity, Double threshold,
                   Double clearThreshold, Integer windowMinutes, int forSeconds, int clearSeconds, int reopenSeconds,
                   Integer escalateAfterSeconds, String webhookUrl, String webhookSecret, String webhookFormat, boolean enabled,
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

  /** Whether this rule watches {@code subject}. */
  public boolean covers(String candidate) {
    return subject == null || subject.equals(candidate);
  }

  /** The deduplication key of this rule's alert on {@code subject}. */
  public String dedupKey(String onSubject) {
    return code + ":" + onSubject;
  }
}
