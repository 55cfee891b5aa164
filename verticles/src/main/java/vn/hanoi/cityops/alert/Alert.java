package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/**
 * One alert as stored: {@code firing} → {@code acknowledged} → {@code resolved} (see {@link AlertRepository}).
 * {@code version} grows with every change; the alerts topic keeps the highest it saw. {@code groupSize} is not
 * stored: REST reads it, the topic counts it.
 */
public record Alert(long id, String dedupKey, Long ruleId, String ruleCode, String kind, String subject, String state,
                    String severity, String baseSeverity, String titleVi, String titleEn, String groupKey, Double value,
                    OffsetDateTime firedAt, OffsetDateTime firstFiredAt, String acknowledgedBy,
                    OffsetDateTime acknowledgedAt, String acknowledgeNote, String resolvedBy, OffsetDateTime resolvedAt,
                    String resolveNote, int escalationLevel, OffsetDateTime escalatedAt, Long silenceId, int count,
                    OffsetDateTime lastEvaluatedAt, OffsetDateTime updatedAt, int version) {
  public static final String FIRING = "firing";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";

  static Alert from(Row r) {
    return new Alert(r.getLong("id"), r.getString("dedup_key"), r.getLong("rule_id"), r.getString("rule_code"),
        r.getString("kind"), r.getString("subject"), r.getString("state"), r.getString("severity"),
        r.getString("base_severity"), r.getString("title_vi"), r.getString("title_en"), r.getString("group_key"),
        r.getDouble("value"), r.getOffsetDateTime("fired_at"), r.getOffsetDateTime("first_fired_at"),
        r.getString("acknowledged_by"), r.getOffsetDateTime("acknowledged_at"), r.getString("acknowledge_note"),
        r.getString("resolved_by"), r.getOffsetDateTime("resolved_at"), r.getString("resolve_note"),
        r.getInteger("escalation_level"), r.getOffsetDateTime("escalated_at"), r.getLong("silence_id"),
        r.getInteger("count"), r.getOffsetDateTime("last_evaluated_at"), r.getOffsetDateTime("updated_at"),
        r.getInteger("version"));
  }

  public boolean open() {
    return !RESOLVED.equals(state);
  }

  public boolean silenced() {
    return silenceId != null;
  }

  /** The public shape (REST and the {@code alerts} topic), without {@code groupSize}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id).put("state", state).put("severity", severity).put("baseSeverity", baseSeverity)
        .put("subject", subject).put("rule", ruleCode).put("ruleId", ruleId).put("kind", kind)
        .put("title", titleVi).put("titleVi", titleVi).put("titleEn", titleEn)
        .put("group", groupKey).put("value", value)
        .put("firedAt", iso(firedAt)).put("firstFiredAt", iso(firstFiredAt))
        .put("acknowledgedBy", acknowledgedBy).put("acknowledgedAt", iso(acknowledgedAt)).put("acknowledgeNote", acknowledgeNote)
        .put("resolvedBy", resolvedBy).put("resolvedAt", iso(resolvedAt)).put("resolveNote", resolveNote)
        .put("escalated", escalationLevel > 0).put("escalationLevel", escalationLevel).put("escalatedAt", iso(escalatedAt))
        .put("silenced", silenceId != null).put("silenceId", silenceId)
        .put("count", count).put("lastEvaluatedAt", iso(lastEvaluatedAt)).put("updatedAt", iso(updatedAt))
        .put("version", version);
  }

  static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
