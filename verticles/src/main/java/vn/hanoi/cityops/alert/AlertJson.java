package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.alert.AlertRepository.Change;
import vn.hanoi.cityops.alert.AlertRepository.Detail;
import vn.hanoi.cityops.alert.AlertRepository.Listed;
import vn.hanoi.cityops.alert.AlertRepository.SystemStats;
import vn.hanoi.cityops.alert.AlertRepository.Transition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every JSON shape of the alerts, in one place: the alert as the REST API answers it, as the {@code alert} event of
 * the log carries it and as the {@code alerts} topic shows it (the same object: the SRE console reads both), its
 * history and stats, the webhook body (cityops' own and Alertmanager's) and the audit details of a change; rules
 * and silences as the API reads and answers them. Times are ISO-8601 instants (UTC).
 */
final class AlertJson {
  private AlertJson() {
  }

  /** The public shape of an alert, without {@code groupSize} (REST adds it, the topic counts it). */
  static JsonObject alert(Alert a) {
    return new JsonObject()
        .put("id", a.id()).put("state", a.state()).put("severity", a.severity()).put("baseSeverity", a.baseSeverity())
        .put("subject", a.subject()).put("rule", a.ruleCode()).put("ruleId", a.ruleId()).put("kind", a.kind())
        .put("title", a.titleVi()).put("titleVi", a.titleVi()).put("titleEn", a.titleEn())
        .put("group", a.groupKey()).put("value", a.value())
        .put("firedAt", iso(a.firedAt())).put("firstFiredAt", iso(a.firstFiredAt()))
        .put("acknowledgedBy", a.acknowledgedBy()).put("acknowledgedAt", iso(a.acknowledgedAt()))
        .put("acknowledgeNote", a.acknowledgeNote())
        .put("resolvedBy", a.resolvedBy()).put("resolvedAt", iso(a.resolvedAt())).put("resolveNote", a.resolveNote())
        .put("escalated", a.escalationLevel() > 0).put("escalationLevel", a.escalationLevel())
        .put("escalatedAt", iso(a.escalatedAt()))
        .put("silenced", a.silenced()).put("silenceId", a.silenceId())
        .put("count", a.count()).put("lastEvaluatedAt", iso(a.lastEvaluatedAt())).put("updatedAt", iso(a.updatedAt()))
        .put("version", a.version());
  }

  /** An alert as REST lists it: with the number of open alerts in its group. */
  static JsonObject listed(Listed listed) {
    return alert(listed.alert()).put("groupSize", listed.groupSize());
  }

  /** {@code GET /alerts/:id}: the alert with its group's size and its history. */
  static JsonObject detail(Detail d) {
    return alert(d.alert()).put("groupSize", d.groupSize()).put("history", array(d.history(), AlertJson::transition));
  }

  static JsonObject transition(Transition t) {
    return new JsonObject().put("id", t.id()).put("at", iso(t.at())).put("actor", t.actor()).put("action", t.action())
        .put("from", t.fromState()).put("to", t.toState()).put("severity", t.severity()).put("note", t.note())
        .put("version", t.version());
  }

  /** {@code GET /alerts/stats}: MTTA and MTTR per system over ({@code from}, {@code to}], seconds to a tenth. */
  static JsonObject stats(OffsetDateTime from, OffsetDateTime to, int days, List<SystemStats> systems) {
    return new JsonObject().put("from", iso(from)).put("to", iso(to)).put("days", days)
        .put("systems", array(systems, s -> new JsonObject().put("system", s.system()).put("nameVi", s.nameVi())
            .put("nameEn", s.nameEn()).put("alerts", s.alerts()).put("acknowledged", s.acknowledged())
            .put("resolved", s.resolved()).put("mttaSeconds", tenths(s.mttaSeconds()))
            .put("mttrSeconds", tenths(s.mttrSeconds()))));
  }

  /** The body of a change's webhook: {@code {"event", "actor", "note", "at", "alert"}}. */
  static JsonObject webhook(Change change, JsonObject alert, String actor, String note) {
    return new JsonObject().put("event", change.action().code()).put("actor", actor).put("note", note)
        .put("at", iso(change.alert().updatedAt())).put("alert", alert);
  }

  /** Alertmanager's "no end yet" ({@code endsAt} of a firing alert). */
  static final String ALERTMANAGER_ZERO_TIME = "0001-01-01T00:00:00Z";

  /**
   * The Alertmanager webhook v4 payload of one alert as it now is, for a rule whose {@code webhookFormat} is
   * {@code alertmanager}: what Alertmanager posts to a webhook receiver, so bridges written for it (Telegram, Zalo,
   * PagerDuty, MS Teams) read it unchanged. One alert per notification (cityops notifies each change); the group
   * is the alert's ({@code system:WAN} for everything behind WAN), {@code generatorURL} opens the alert in the SRE
   * console under {@code publicUrl}, {@code fingerprint} is stable for the alert's rule and subject.
   */
  static JsonObject alertmanager(Alert a, String publicUrl) {
    boolean resolved = Lifecycle.RESOLVED.equals(a.state());
    String status = resolved ? "resolved" : "firing";
    JsonObject labels = new JsonObject().put("alertname", a.kind()).put("rule", a.ruleCode())
        .put(isSystemKind(a.kind()) ? "system" : "subject", a.subject()).put("severity", a.severity())
        .put("group", a.groupKey());
    JsonObject annotations = new JsonObject().put("summary", a.titleVi()).put("description", a.titleEn());
    JsonObject alert = new JsonObject()
        .put("status", status)
        .put("labels", labels)
        .put("annotations", annotations)
        .put("startsAt", iso(a.firedAt()))
        .put("endsAt", resolved ? iso(a.resolvedAt()) : ALERTMANAGER_ZERO_TIME)
        .put("generatorURL", publicUrl + "/sre.html#alert=" + a.id())
        .put("fingerprint", fingerprint(a));
    return new JsonObject()
        .put("version", "4")
        .put("groupKey", "{}:{group=\"" + a.groupKey() + "\"}")
        .put("truncatedAlerts", 0)
        .put("status", status)
        .put("receiver", a.ruleCode())
        .put("groupLabels", new JsonObject().put("group", a.groupKey()))
        .put("commonLabels", labels.copy())
        .put("commonAnnotations", annotations.copy())
        .put("externalURL", publicUrl + "/sre.html")
        .put("alerts", new JsonArray().add(alert));
  }

  private static boolean isSystemKind(String kind) {
    return Rule.Kind.of(kind).system();
  }

  /** 16 hex digits of SHA-256 over what names the alert (rule and subject), as Alertmanager's label hash is 16. */
  static String fingerprint(Alert a) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((a.ruleCode() + "\n" + a.subject()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The details of a change's audit entry. */
  static JsonObject audit(Change change, String note) {
    Alert a = change.alert();
    return new JsonObject().put("from", change.fromState()).put("to", a.state()).put("severity", a.severity())
        .put("note", note).put("version", a.version());
  }

  /**
   * An alert as the {@code alerts} topic holds it: the object of an {@code alert} event (or of {@link #alert(Alert)}
   * at start), with what the topic decides on read from it once.
   */
  record Shown(String id, int version, String group, boolean open, boolean silenced, Instant resolvedAt,
               JsonObject json) {
    /** The value the topic publishes: the alert with its group's size. */
    Map<String, Object> value(long groupSize) {
      return json.copy().put("groupSize", groupSize).getMap();
    }
  }

  static Shown shown(JsonObject alert) {
    String resolvedAt = alert.getString("resolvedAt");
    return new Shown(String.valueOf(alert.getLong("id")), alert.getInteger("version"), alert.getString("group"),
        Lifecycle.open(alert.getString("state")), alert.getBoolean("silenced", false),
        resolvedAt == null ? null : Instant.parse(resolvedAt), alert);
  }

  /** A rule as the API answers it: the webhook secret stays on the server ({@code webhookSecretSet}). */
  static JsonObject rule(Rule r) {
    return new JsonObject()
        .put("id", r.id()).put("code", r.code()).put("kind", r.kind().code()).put("subject", r.subject())
        .put("severity", r.severity()).put("threshold", r.threshold()).put("clearThreshold", r.clearThreshold())
        .put("windowMinutes", r.windowMinutes()).put("forSeconds", r.forSeconds()).put("clearSeconds", r.clearSeconds())
        .put("reopenSeconds", r.reopenSeconds()).put("escalateAfterSeconds", r.escalateAfterSeconds())
        .put("webhookUrl", r.webhookUrl()).put("webhookSecretSet", r.webhookSecret() != null)
        .put("webhookFormat", r.webhookFormat()).put("enabled", r.enabled())
        .put("description", r.description()).put("createdBy", r.createdBy())
        .put("createdAt", iso(r.createdAt())).put("updatedAt", iso(r.updatedAt()));
  }

  /**
   * The answer of a rule's test against the last hour: the rule as tested, the span, how many observations of how many
   * subjects it saw, and the alerts it would have had ({@code firedBefore}: already firing when the hour began).
   */
  static JsonObject trial(RuleTrial.Result r) {
    JsonArray firings = new JsonArray();
    for (RuleReplay.Firing f : r.firings()) {
      firings.add(new JsonObject().put("subject", f.subject()).put("firedAt", f.firedAt().toString())
          .put("value", f.value()).put("worst", f.worst())
          .put("clearedAt", f.clearedAt() == null ? null : f.clearedAt().toString())
          .put("firedBefore", f.firedAt().isBefore(r.from())));
    }
    return new JsonObject().put("rule", rule(r.rule())).put("from", r.from().toString()).put("to", r.to().toString())
        .put("observations", r.observations()).put("subjects", r.subjects()).put("firings", firings)
        .put("stored", false);
  }

  /** The body of a new rule (it matches {@code alert-rule.schema.json}). */
  static RuleFields ruleFields(JsonObject body) {
    return new RuleFields(body.getString("code"), Rule.Kind.of(body.getString("kind")), body.getString("subject"),
        body.getString("severity"), number(body, "threshold"), number(body, "clearThreshold"),
        body.getInteger("windowMinutes"), body.getInteger("forSeconds"), body.getInteger("clearSeconds"),
        body.getInteger("reopenSeconds"), body.getInteger("escalateAfterSeconds"), body.getString("webhookUrl"),
        body.getString("webhookSecret"), body.getString("webhookFormat"), body.getBoolean("enabled"),
        body.getString("description"));
  }

  /** {@code stored} with {@code update} on top (it matches {@code alert-rule-update.schema.json}): a field it sends, even null, wins. */
  static RuleFields ruleFields(Rule stored, JsonObject update) {
    return ruleFields(new JsonObject().put("code", stored.code()).put("kind", stored.kind().code())
        .put("subject", stored.subject()).put("severity", stored.severity()).put("threshold", stored.threshold())
        .put("clearThreshold", stored.clearThreshold()).put("windowMinutes", stored.windowMinutes())
        .put("forSeconds", stored.forSeconds()).put("clearSeconds", stored.clearSeconds())
        .put("reopenSeconds", stored.reopenSeconds()).put("escalateAfterSeconds", stored.escalateAfterSeconds())
        .put("webhookUrl", stored.webhookUrl()).put("webhookSecret", stored.webhookSecret())
        .put("webhookFormat", stored.webhookFormat())
        .put("enabled", stored.enabled()).put("description", stored.description())
        .mergeIn(update));
  }

  /** A silence as the API answers it; {@code active} as of {@code now}. */
  static JsonObject silence(Silence s, OffsetDateTime now) {
    return new JsonObject().put("id", s.id()).put("rule", s.rule()).put("kind", s.kind()).put("subject", s.subject())
        .put("severity", s.severity()).put("reason", s.reason()).put("startsAt", iso(s.startsAt()))
        .put("endsAt", iso(s.endsAt())).put("createdBy", s.createdBy()).put("createdAt", iso(s.createdAt()))
        .put("endedBy", s.endedBy()).put("active", s.active(now));
  }

  /** The body of a new silence (it matches {@code silence-create.schema.json}). */
  static SilenceRequest silenceRequest(JsonObject body) {
    return new SilenceRequest(body.getString("rule"), body.getString("kind"), body.getString("subject"),
        body.getString("severity"), body.getInteger("durationMinutes"), body.getString("endsAt"),
        body.getString("reason"));
  }

  /** {@code {"items": [...]}}, the envelope of every list. */
  static <T> JsonObject items(List<T> items, Function<T, JsonObject> json) {
    return new JsonObject().put("items", array(items, json));
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> json) {
    JsonArray array = new JsonArray();
    items.forEach(i -> array.add(json.apply(i)));
    return array;
  }

  private static Double number(JsonObject body, String key) {
    Number n = body.getNumber(key);
    return n == null ? null : n.doubleValue();
  }

  private static Double tenths(Double seconds) {
    return seconds == null ? null : Math.round(seconds * 10) / 10.0;
  }

  static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
