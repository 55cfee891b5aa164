package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.alert.AlertRepository.Change;
import vn.hanoi.cityops.alert.AlertRepository.Detail;
import vn.hanoi.cityops.alert.AlertRepository.Listed;
import vn.hanoi.cityops.alert.AlertRepository.SystemStats;
import vn.hanoi.cityops.alert.AlertRepository.Transition;
import vn.hanoi.cityops.alert.Lifecycle.Action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertJsonTest {
  private static final OffsetDateTime FIRED = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");

  private static Alert alert(String state, int escalationLevel, Long silenceId, OffsetDateTime resolvedAt) {
    return new Alert(42, "system-down.wan:WAN", 3L, "system-down.wan", "system_down", "WAN", state, "critical",
        "warning", "WAN ngừng hoạt động", "WAN is down", "system:WAN", 1.0, FIRED, FIRED.minusHours(1), "operator",
        FIRED.plusMinutes(1), "đang kiểm tra", resolvedAt == null ? null : "sre", resolvedAt, null, escalationLevel,
        escalationLevel > 0 ? FIRED.plusMinutes(5) : null, silenceId, 2, FIRED.plusMinutes(2), FIRED.plusMinutes(3), 5);
  }

  @Test
  void anAlertHasEveryFieldTheConsoleAndTheTestsRead() {
    JsonObject a = AlertJson.alert(alert("acknowledged", 1, null, null));
    assertEquals(Set.of("id", "state", "severity", "baseSeverity", "subject", "rule", "ruleId", "kind", "title", "titleVi",
        "titleEn", "group", "value", "firedAt", "firstFiredAt", "acknowledgedBy", "acknowledgedAt", "acknowledgeNote",
        "resolvedBy", "resolvedAt", "resolveNote", "escalated", "escalationLevel", "escalatedAt", "silenced", "silenceId",
        "count", "lastEvaluatedAt", "updatedAt", "version"), a.fieldNames());
    assertEquals(42L, a.getLong("id"));
    assertEquals("system-down.wan", a.getString("rule"));
    assertEquals("WAN ngừng hoạt động", a.getString("title"), "the title is Vietnamese");
    assertEquals("system:WAN", a.getString("group"));
    assertEquals("2026-11-23T01:00:00Z", a.getString("firedAt"), "instants in UTC");
    assertTrue(a.getBoolean("escalated"));
    assertFalse(a.getBoolean("silenced"));
    assertNull(a.getString("resolvedAt"));
    assertTrue(a.containsKey("resolvedAt"), "null fields are present, as null");
    assertEquals(5, a.getInteger("version"));
  }

  @Test
  void restAddsTheGroupSizeAndTheHistory() {
    Alert a = alert("firing", 0, null, null);
    assertEquals(4L, AlertJson.listed(new Listed(a, 4)).getLong("groupSize"));
    Transition fire = new Transition(9, FIRED, "cityops-alerts", "fire", null, "firing", "warning", null, 1);
    JsonObject detail = AlertJson.detail(new Detail(a, 1, List.of(fire)));
    assertEquals(1L, detail.getLong("groupSize"));
    JsonObject h = detail.getJsonArray("history").getJsonObject(0);
    assertEquals(Map.of("id", 9L, "at", "2026-11-23T01:00:00Z", "actor", "cityops-alerts", "action", "fire", "to", "firing",
        "severity", "warning", "version", 1), withoutNulls(h));
    assertTrue(h.containsKey("from") && h.containsKey("note"));
  }

  @Test
  void theTopicReadsBackWhatTheEventCarries() {
    OffsetDateTime resolved = FIRED.plusMinutes(30);
    JsonObject event = AlertJson.alert(alert("resolved", 0, 8L, resolved));
    AlertJson.Shown shown = AlertJson.shown(new JsonObject(event.encode()));
    assertEquals("42", shown.id());
    assertEquals(5, shown.version());
    assertEquals("system:WAN", shown.group());
    assertFalse(shown.open());
    assertTrue(shown.silenced());
    assertEquals(resolved.toInstant(), shown.resolvedAt());
    Map<String, Object> value = shown.value(3);
    assertEquals(3L, value.get("groupSize"));
    assertFalse(shown.json().containsKey("groupSize"), "the held alert is not changed");
    AlertJson.Shown open = AlertJson.shown(AlertJson.alert(alert("firing", 0, null, null)));
    assertTrue(open.open());
    assertFalse(open.silenced());
    assertNull(open.resolvedAt());
  }

  @Test
  void aWebhookCarriesTheActionTheActorAndTheAlert() {
    Alert a = alert("acknowledged", 0, null, null);
    JsonObject json = AlertJson.alert(a);
    JsonObject hook = AlertJson.webhook(new Change(a, Action.ACKNOWLEDGE, "firing"), json, "operator", "đang kiểm tra");
    assertEquals(Set.of("event", "actor", "note", "at", "alert"), hook.fieldNames());
    assertEquals("acknowledge", hook.getString("event"));
    assertEquals("operator", hook.getString("actor"));
    assertEquals("2026-11-23T01:03:00Z", hook.getString("at"), "when the alert changed");
    assertEquals(json, hook.getJsonObject("alert"));
  }

  @Test
  void theAuditEntrySaysFromWhatToWhat() {
    Alert a = alert("acknowledged", 0, null, null);
    assertEquals(new JsonObject().put("from", "firing").put("to", "acknowledged").put("severity", "critical")
        .put("note", "n").put("version", 5), AlertJson.audit(new Change(a, Action.ACKNOWLEDGE, "firing"), "n"));
    JsonObject fired = AlertJson.audit(new Change(alert("firing", 0, null, null), Action.FIRE, null), null);
    assertTrue(fired.containsKey("from") && fired.getValue("from") == null, "a new alert came from no state");
    assertTrue(fired.containsKey("note"));
  }

  @Test
  void statsRoundSecondsToATenthAndKeepUnknownsNull() {
    JsonObject stats = AlertJson.stats(FIRED.minusDays(7), FIRED, 7, List.of(
        new SystemStats("WAN", "Mạng WAN", "WAN", 3, 2, 1, 12.345, 60.06),
        new SystemStats("LGSP", "LGSP", "LGSP", 0, 0, 0, null, null)));
    assertEquals("2026-11-16T01:00:00Z", stats.getString("from"));
    assertEquals(7, stats.getInteger("days"));
    JsonObject wan = stats.getJsonArray("systems").getJsonObject(0);
    assertEquals("WAN", wan.getString("system"));
    assertEquals(3L, wan.getLong("alerts"));
    assertEquals(12.3, wan.getDouble("mttaSeconds"));
    assertEquals(60.1, wan.getDouble("mttrSeconds"));
    JsonObject lgsp = stats.getJsonArray("systems").getJsonObject(1);
    assertNull(lgsp.getDouble("mttaSeconds"));
    assertTrue(lgsp.containsKey("mttrSeconds"));
  }

  @Test
  void theAlertmanagerPayloadHasVersionFourShapeWithTheConsoleLinkAndAStableFingerprint() {
    JsonObject firing = AlertJson.alertmanager(alert("acknowledged", 0, null, null), "https://cityops.hanoi.gov.vn");
    assertEquals(Set.of("version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels",
        "commonAnnotations", "externalURL", "alerts"), firing.fieldNames());
    assertEquals("4", firing.getString("version"));
    assertEquals("firing", firing.getString("status"), "acknowledged is still firing in Alertmanager's words");
    assertEquals("{}:{group=\"system:WAN\"}", firing.getString("groupKey"));
    assertEquals(new JsonObject().put("group", "system:WAN"), firing.getJsonObject("groupLabels"));
    assertEquals("https://cityops.hanoi.gov.vn/sre.html", firing.getString("externalURL"));
    JsonObject one = firing.getJsonArray("alerts").getJsonObject(0);
    assertEquals(Set.of("status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"),
        one.fieldNames());
    assertEquals(new JsonObject().put("alertname", "system_down").put("rule", "system-down.wan").put("system", "WAN")
        .put("severity", "critical").put("group", "system:WAN"), one.getJsonObject("labels"));
    assertEquals(new JsonObject().put("summary", "WAN ngừng hoạt động").put("description", "WAN is down"),
        one.getJsonObject("annotations"));
    assertEquals(one.getJsonObject("labels"), firing.getJsonObject("commonLabels"));
    assertEquals("2026-11-23T01:00:00Z", one.getString("startsAt"));
    assertEquals("0001-01-01T00:00:00Z", one.getString("endsAt"), "Alertmanager's zero time: not ended");
    assertEquals("https://cityops.hanoi.gov.vn/sre.html#alert=42", one.getString("generatorURL"));
    assertTrue(one.getString("fingerprint").matches("[0-9a-f]{16}"), one.getString("fingerprint"));

    JsonObject resolved = AlertJson.alertmanager(alert("resolved", 2, null, FIRED.plusMinutes(30)), "http://x");
    JsonObject gone = resolved.getJsonArray("alerts").getJsonObject(0);
    assertEquals("resolved", resolved.getString("status"));
    assertEquals("2026-11-23T01:30:00Z", gone.getString("endsAt"));
    assertEquals(one.getString("fingerprint"), gone.getString("fingerprint"), "the same alert, the same fingerprint");
  }

  @Test
  void aRuleNeverShowsItsSecret() {
    Rule r = new Rule(3, "hook.wan", Rule.Kind.SYSTEM_DOWN, "WAN", "critical", null, null, null, 0, 0, 600, 300,
        "http://127.0.0.1:9/hook", "0123456789abcdef0123", "alertmanager", true, null, "sre", FIRED, FIRED);
    JsonObject json = AlertJson.rule(r);
    assertFalse(json.containsKey("webhookSecret"));
    assertTrue(json.getBoolean("webhookSecretSet"));
    assertEquals("system_down", json.getString("kind"));
    assertEquals("alertmanager", json.getString("webhookFormat"));
    assertEquals("2026-11-23T01:00:00Z", json.getString("createdAt"));
    assertFalse(AlertJson.rule(new Rule(3, "x", Rule.Kind.SYSTEM_DOWN, null, "info", null, null, null, 0, 0, 600, null,
        null, null, "cityops", true, null, "sre", null, null)).getBoolean("webhookSecretSet"));
  }

  @Test
  void aNewRuleIsReadFromItsBody() {
    RuleFields f = AlertJson.ruleFields(new JsonObject().put("code", "latency.lgsp").put("kind", "latency_high")
        .put("subject", "LGSP").put("severity", "info").put("threshold", 1000).put("clearThreshold", 500.5)
        .put("forSeconds", 2).put("windowMinutes", 15));
    assertEquals(Rule.Kind.LATENCY_HIGH, f.kind());
    assertEquals(1000.0, f.threshold());
    assertEquals(500.5, f.clearThreshold());
    assertEquals(2, f.forSeconds());
    assertEquals(15, f.windowMinutes());
    assertNull(f.clearSeconds(), "left out: the defaults fill it");
    assertNull(f.enabled());
  }

  @Test
  void anUpdateOverwritesTheFieldsItSendsEvenWithNull() {
    Rule stored = new Rule(3, "latency.lgsp", Rule.Kind.LATENCY_HIGH, "LGSP", "info", 1000.0, 500.0, null, 2, 0, 600,
        null, "http://h/x", "0123456789abcdef0123", "cityops", true, "d", "sre", FIRED, FIRED);
    RuleFields merged = AlertJson.ruleFields(stored, new JsonObject().put("threshold", 20).put("severity", "critical")
        .putNull("clearThreshold").put("enabled", false));
    assertEquals("latency.lgsp", merged.code());
    assertEquals(Rule.Kind.LATENCY_HIGH, merged.kind());
    assertEquals(20.0, merged.threshold());
    assertEquals("critical", merged.severity());
    assertNull(merged.clearThreshold());
    assertFalse(merged.enabled());
    assertEquals("LGSP", merged.subject());
    assertEquals(2, merged.forSeconds());
    assertEquals("0123456789abcdef0123", merged.webhookSecret(), "the stored secret stays");
    assertTrue(merged.disables(stored));
  }

  @Test
  void aSilenceSaysWhetherItIsActive() {
    Silence s = new Silence(5, null, null, "HOP", null, "bảo trì", FIRED, FIRED.plusMinutes(30), "sre", FIRED, null);
    JsonObject json = AlertJson.silence(s, FIRED.plusMinutes(10));
    assertEquals(List.of("id", "rule", "kind", "subject", "severity", "reason", "startsAt", "endsAt", "createdBy",
        "createdAt", "endedBy", "active"), List.copyOf(json.fieldNames()));
    assertTrue(json.getBoolean("active"));
    assertEquals("HOP", json.getString("subject"));
    assertEquals("2026-11-23T01:30:00Z", json.getString("endsAt"));
    assertFalse(AlertJson.silence(s, FIRED.plusMinutes(30)).getBoolean("active"));
  }

  @Test
  void aSilenceIsReadFromItsBody() {
    SilenceRequest r = AlertJson.silenceRequest(new JsonObject().put("subject", "HOP").put("reason", "x")
        .put("durationMinutes", 30));
    assertEquals(new SilenceRequest(null, null, "HOP", null, 30, null, "x"), r);
  }

  @Test
  void listsAreItems() {
    JsonObject items = AlertJson.items(List.of(1, 2), n -> new JsonObject().put("n", n));
    assertEquals(2, items.getJsonArray("items").size());
    assertEquals(Instant.parse("2026-11-23T01:00:00Z").toString(), AlertJson.iso(FIRED));
  }

  private static Map<String, Object> withoutNulls(JsonObject json) {
    JsonObject copy = json.copy();
    json.fieldNames().stream().filter(k -> json.getValue(k) == null).toList().forEach(copy::remove);
    return copy.getMap();
  }
}
