package vn.hanoi.cityops.alert;

import java.time.OffsetDateTime;

/**
 * A silence as stored ({@code alert_silence}): until {@code endsAt}, the alerts matching every given matcher (null:
 * any) are recorded but not pushed. See {@link Silences}.
 */
record Silence(long id, String rule, String kind, String subject, String severity, String reason,
               OffsetDateTime startsAt, OffsetDateTime endsAt, String createdBy, OffsetDateTime createdAt,
               String endedBy) {
  /** Whether it still silences at {@code now}. */
  boolean active(OffsetDateTime now) {
    return endsAt.isAfter(now);
  }
}
