package vn.hanoi.cityops.alert;

import java.time.OffsetDateTime;

/**
 * One alert as stored ({@code alert}); its life is {@link Lifecycle}'s, its JSON {@link AlertJson}'s. {@code version}
 * grows with every change; the alerts topic keeps the highest it saw.
 */
public record Alert(long id, String dedupKey, Long ruleId, String ruleCode, String kind, String subject, String state,
                    String severity, String baseSeverity, String titleVi, String titleEn, String groupKey, Double value,
                    OffsetDateTime firedAt, OffsetDateTime firstFiredAt, String acknowledgedBy,
                    OffsetDateTime acknowledgedAt, String acknowledgeNote, String resolvedBy, OffsetDateTime resolvedAt,
                    String resolveNote, int escalationLevel, OffsetDateTime escalatedAt, Long silenceId, int count,
                    OffsetDateTime lastEvaluatedAt, OffsetDateTime updatedAt, int version) {
  public boolean silenced() {
    return silenceId != null;
  }
}
