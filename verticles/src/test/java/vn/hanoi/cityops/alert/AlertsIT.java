package vn.hanoi.cityops.alert;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.alert.Alerting.state;

/** Alerts on one real node: detection, dedup, flapping, lifecycle and its 409s, rules, silences, grouping, escalation, stats. */
@NodeTest
class AlertsIT {
  private static Node node;
  private static Api api;
  private static Alerting sre;
  private static Alerting operator;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    sre = new Alerting(api, "sre");
    operator = new Alerting(api, "operator");
  }

  @Test
  void downReportIsAnAlertOnTheScreenWithinTwoSecondsAndRepeatedDownsKeepOneAlert(Vertx vertx) {
    LiveClient screen = LiveClient.connect(vertx, node, api.token("operator")).subscribe("alerts", null);
    screen.next(m -> "snapshot".equals(m.getString("kind")));
    long sent = System.nanoTime();
    sre.health("DVC-PORTAL", "down");
    JsonObject delta = screen.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").stream()
        .anyMatch(e -> e.getValue() instanceof JsonObject a && "DVC-PORTAL".equals(a.getString("subject"))));
    long ms = (System.nanoTime() - sent) / 1_000_000;
    System.out.println("alerts_detection node=single kind=down ms=" + ms);
    assertTrue(ms < 2_000, "down → alert on screen took " + ms + " ms");
    JsonObject onScreen = (JsonObject) delta.getJsonObject("data").stream().filter(e -> e.getValue() instanceof JsonObject)
        .findFirst().orElseThrow().getValue();
    assertEquals("firing", onScreen.getString("state"));
    assertEquals("critical", onScreen.getString("severity"));
    assertEquals("Cổng dịch vụ công trực tuyến thành phố ngừng hoạt động", onScreen.getString("title"));
    assertEquals("City online public-service portal is down", onScreen.getString("titleEn"));
    assertEquals("system-down.dvc-portal", onScreen.getString("rule"));
    assertFalse(onScreen.getBoolean("silenced"));
    assertFalse(onScreen.getBoolean("escalated"));
    assertEquals(1, onScreen.getLong("groupSize"));

    OffsetDateTime repeated = OffsetDateTime.now();
    sre.health("DVC-PORTAL", "down");
    sre.health("DVC-PORTAL", "down");
    // The repeats are evaluated once the open alert is touched (last_evaluated_at) after they were sent.
    Wait.until(Duration.ofSeconds(10), () -> api.count("SELECT count(*) FROM alert WHERE subject = 'DVC-PORTAL' "
        + "AND kind = 'system_down' AND last_evaluated_at >= $1", repeated) >= 1, "the repeated downs evaluated");
    assertEquals(1, api.count("SELECT count(*) FROM alert WHERE subject = 'DVC-PORTAL' AND kind = 'system_down'"));
    JsonObject rest = sre.await("DVC-PORTAL", state("firing"));
    assertEquals(onScreen.getLong("id"), rest.getLong("id"));
    assertEquals(1, rest.getInteger("count"), "a condition that stays true is one alert, fired once");
    assertTrue(Instant.parse(rest.getString("lastEvaluatedAt")).isAfter(Instant.parse(rest.getString("firedAt"))));

    sre.health("DVC-PORTAL", "up");
    JsonObject resolved = sre.await("DVC-PORTAL", state("resolved"));
    assertEquals(AlertRepository.SYSTEM_ACTOR, resolved.getString("resolvedBy"));
    screen.next(m -> "delta".equals(m.getString("kind"))
        && m.getJsonObject("data").getJsonObject(String.valueOf(rest.getLong("id"))) != null
        && "resolved".equals(m.getJsonObject("data").getJsonObject(String.valueOf(rest.getLong("id"))).getString("state")));
    screen.assertNothingMissed();
    screen.close();
  }

  @Test
  void flappingSystemReopensItsAlertInsteadOfOpeningNewOnes() {
    for (int i = 0; i < 3; i++) {
      sre.health("MOTCUA", "down");
      sre.await("MOTCUA", state("firing"));
      sre.health("MOTCUA", "up");
      sre.await("MOTCUA", state("resolved"));
    }
    assertEquals(1, api.count("SELECT count(*) FROM alert WHERE subject = 'MOTCUA'"));
    JsonObject alert = sre.alert(sre.await("MOTCUA", state("resolved")).getLong("id"));
    assertEquals(3, alert.getInteger("count"));
    assertEquals(List.of("fire", "resolve", "reopen", "resolve", "reopen", "resolve"),
        alert.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")).toList());
  }

  @Test
  void latencyRuleWaitsItsMinimumDurationAndClearsOnlyBelowItsClearThreshold() {
    JsonObject rule = created(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "latency-test.lgsp")
        .put("kind", "latency_high").put("subject", "LGSP").put("severity", "info").put("threshold", 1000)
        .put("clearThreshold", 500).put("forSeconds", 2)));
    Instant spike = Instant.now();
    sre.health("LGSP", "up", 1500);
    awaitCondition("latency-test.lgsp", "LGSP", true, 1500);
    sre.health("LGSP", "up", 200);
    awaitCondition("latency-test.lgsp", "LGSP", false, 200);
    // Time passing is the point: had the clear been missed, the spike would fire 2 s after it began (swept every
    // 0.5 s). Watched until 3 s after it began.
    Wait.holds(Duration.between(Instant.now(), spike.plusSeconds(3)), () -> api.count("SELECT count(*) FROM alert "
        + "WHERE rule_code = 'latency-test.lgsp'") == 0, "no alert for a spike shorter than the rule's 2 s");
    assertEquals(0, api.count("SELECT count(*) FROM alert WHERE rule_code = 'latency-test.lgsp'"), "a short spike is damped");

    Instant high = Instant.now();
    sre.health("LGSP", "up", 1500);
    JsonObject firing = sre.awaitAny("LGSP", a -> "latency-test.lgsp".equals(a.getString("rule")));
    long heldMs = Duration.between(high, Instant.parse(firing.getString("firedAt"))).toMillis();
    assertTrue(heldMs >= 1_900 && heldMs < 3_500, "fired after " + heldMs + " ms");
    OffsetDateTime above = OffsetDateTime.now();
    sre.health("LGSP", "up", 800);
    // Still holding, the 800 ms is evaluated as a touch of the open alert (last_evaluated_at).
    Wait.until(Duration.ofSeconds(10), () -> api.count("SELECT count(*) FROM alert WHERE id = $1 AND last_evaluated_at >= $2",
        firing.getLong("id"), above) == 1, "the 800 ms report evaluated");
    assertEquals("firing", sre.alert(firing.getLong("id")).getString("state"), "800 ms is above the clear threshold");
    sre.health("LGSP", "up", 400);
    sre.awaitAny("LGSP", a -> "latency-test.lgsp".equals(a.getString("rule")) && "resolved".equals(a.getString("state")));
    assertEquals(204, sre.send(HttpMethod.DELETE, "/api/v1/alert-rules/" + rule.getLong("id"), null).statusCode());
  }

  @Test
  void acknowledgeThenResolveRecordsWhoAndWhenAndEveryIllegalTransitionIs409() {
    // A rule that waits 10 minutes of calm before resolving by itself: the SRE who knows it is fixed resolves it.
    JsonObject rule = created(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "down-calm.qlvb")
        .put("kind", "system_down").put("subject", "QLVB").put("severity", "warning").put("clearSeconds", 600)));
    sre.health("QLVB", "down");
    long id = sre.awaitAny("QLVB", a -> "down-calm.qlvb".equals(a.getString("rule")) && "firing".equals(a.getString("state")))
        .getLong("id");

    HttpResponse<Buffer> forbidden = operator.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/resolve", null);
    assertEquals(403, forbidden.statusCode(), "operators acknowledge, only SREs resolve");
    HttpResponse<Buffer> ack = operator.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/acknowledge",
        new JsonObject().put("note", "đang kiểm tra"));
    assertEquals(200, ack.statusCode(), ack.bodyAsString());
    JsonObject acked = ack.bodyAsJsonObject();
    assertEquals("acknowledged", acked.getString("state"));
    assertEquals("operator", acked.getString("acknowledgedBy"));
    assertNotNull(acked.getString("acknowledgedAt"));
    assertEquals("đang kiểm tra", acked.getString("acknowledgeNote"));

    conflict(sre.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/acknowledge", null), "already acknowledged by operator");
    sre.health("QLVB", "up");
    Wait.until(Duration.ofSeconds(10), () -> api.row("SELECT c.active FROM alert_condition c JOIN alert_rule r ON r.id = c.rule_id "
        + "WHERE r.code = 'down-calm.qlvb' AND c.subject = 'QLVB'"), c -> c != null && !c.getBoolean("active"), "QLVB up again");
    assertEquals("acknowledged", sre.alert(id).getString("state"), "calm for less than the rule's 10 minutes: still open");
    HttpResponse<Buffer> resolve = sre.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/resolve", new JsonObject().put("note", "restarted"));
    assertEquals(200, resolve.statusCode(), resolve.bodyAsString());
    assertEquals("resolved", resolve.bodyAsJsonObject().getString("state"));
    assertEquals("sre", resolve.bodyAsJsonObject().getString("resolvedBy"));
    assertEquals("restarted", resolve.bodyAsJsonObject().getString("resolveNote"));
    conflict(sre.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/resolve", null), "already resolved");
    conflict(sre.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/acknowledge", null), "already resolved");
    assertEquals(404, sre.send(HttpMethod.POST, "/api/v1/alerts/999999/acknowledge", null).statusCode());
    assertEquals(204, sre.send(HttpMethod.DELETE, "/api/v1/alert-rules/" + rule.getLong("id"), null).statusCode());
  }

  @Test
  void anAlertWhoseSystemIsStillDownCannotBeResolvedByHandSoTheOutageIsNeverHidden() {
    sre.health("GIAOBAN", "down");
    long id = sre.await("GIAOBAN", state("firing")).getLong("id");

    HttpResponse<Buffer> refused = sre.send(HttpMethod.POST, "/api/v1/alerts/" + id + "/resolve", new JsonObject().put("note", "xong"));
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("condition_holds", refused.bodyAsJsonObject().getString("error"));
    assertTrue(refused.bodyAsJsonObject().getString("message").contains("still holds"), refused.bodyAsString());
    assertEquals("firing", sre.alert(id).getString("state"), "nothing changed");
    for (int i = 0; i < 20; i++) {
      sre.health("GIAOBAN", "down");
    }
    assertEquals("firing", sre.alert(id).getString("state"));
    sre.health("GIAOBAN", "up");
    sre.await("GIAOBAN", state("resolved"));
    sre.health("GIAOBAN", "down");
    Wait.until(Duration.ofSeconds(10), () -> sre.alert(id).getString("state"), "firing"::equals, "the next outage fires again");
  }


  @Test
  void unacknowledgedAlertEscalatesAfterItsRuleTimeAndTheScreenShowsIt(Vertx vertx) {
    long ruleId = ruleId("system-down.baocao");
    HttpResponse<Buffer> patched = sre.send(HttpMethod.PATCH, "/api/v1/alert-rules/" + ruleId,
        new JsonObject().put("escalateAfterSeconds", 2));
    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    LiveClient screen = LiveClient.connect(vertx, node, api.token("sre")).subscribe("alerts", null);
    screen.next(m -> "snapshot".equals(m.getString("kind")));
    sre.health("BAOCAO", "down");
    JsonObject firing = sre.await("BAOCAO", state("firing"));
    assertEquals("warning", firing.getString("severity"));
    String key = String.valueOf(firing.getLong("id"));

    JsonObject escalated = screen.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").getJsonObject(key) != null
        && m.getJsonObject("data").getJsonObject(key).getBoolean("escalated")).getJsonObject("data").getJsonObject(key);
    assertEquals("critical", escalated.getString("severity"));
    assertEquals(1, escalated.getInteger("escalationLevel"));
    long afterMs = Duration.between(Instant.parse(escalated.getString("firedAt")), Instant.parse(escalated.getString("escalatedAt"))).toMillis();
    System.out.println("alerts_escalation rule_s=2 escalated_after_ms=" + afterMs);
    assertTrue(afterMs >= 2_000 && afterMs < 3_000, "escalated after " + afterMs + " ms");
    assertEquals(List.of("fire", "escalate"), sre.alert(firing.getLong("id")).getJsonArray("history").stream()
        .map(h -> ((JsonObject) h).getString("action")).toList().subList(0, 2));

    assertEquals(200, sre.send(HttpMethod.POST, "/api/v1/alerts/" + key + "/acknowledge", null).statusCode());
    // Time passing is the point: unacknowledged, it would escalate again 2 s after the first escalation.
    Wait.holds(Duration.ofMillis(2_500), () -> api.count("SELECT escalation_level FROM alert WHERE id = $1", firing.getLong("id")) == 1,
        "an acknowledged alert stays at escalation level 1");
    assertEquals(1, sre.alert(firing.getLong("id")).getInteger("escalationLevel"), "an acknowledged alert escalates no more");
    screen.assertNothingMissed();
    screen.close();
  }

  @Test
  void silencedAlertIsRecordedButNotPushedUntilTheSilenceEnds(Vertx vertx) {
    HttpResponse<Buffer> bad = sre.send(HttpMethod.POST, "/api/v1/silences", new JsonObject().put("reason", "x").put("durationMinutes", 5));
    assertEquals(400, bad.statusCode(), "a silence needs a matcher");
    assertEquals(400, sre.send(HttpMethod.POST, "/api/v1/silences", new JsonObject().put("subject", "HOP").put("reason", "x")
        .put("durationMinutes", 5).put("endsAt", "2099-01-01T00:00:00Z")).statusCode());
    assertEquals(403, operator.send(HttpMethod.POST, "/api/v1/silences", new JsonObject().put("subject", "HOP")
        .put("reason", "x").put("durationMinutes", 5)).statusCode());
    HttpResponse<Buffer> created = sre.send(HttpMethod.POST, "/api/v1/silences", new JsonObject().put("subject", "HOP")
        .put("reason", "bảo trì theo kế hoạch").put("durationMinutes", 30));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long silenceId = created.bodyAsJsonObject().getLong("id");

    LiveClient screen = LiveClient.connect(vertx, node, api.token("operator")).subscribe("alerts", null);
    screen.next(m -> "snapshot".equals(m.getString("kind")));
    sre.health("HOP", "down");
    JsonObject silenced = sre.await("HOP", state("firing"));
    assertTrue(silenced.getBoolean("silenced"));
    String key = String.valueOf(silenced.getLong("id"));
    // What must not happen (the alert on the screen) is watched for a second after it was stored.
    Wait.holds(Duration.ofSeconds(1), () -> !screen.drain().state("alerts").containsKey(key), "the silenced alert kept off the screen");
    assertFalse(screen.state("alerts").containsKey(key), "a silenced alert is not pushed");
    assertTrue(sre.send(HttpMethod.GET, "/api/v1/silences", null).bodyAsJsonObject().getJsonArray("items").stream()
        .anyMatch(s -> ((JsonObject) s).getLong("id") == silenceId));

    assertEquals(204, sre.send(HttpMethod.DELETE, "/api/v1/silences/" + silenceId, null).statusCode());
    assertEquals(409, sre.send(HttpMethod.DELETE, "/api/v1/silences/" + silenceId, null).statusCode());
    JsonObject shown = screen.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").getJsonObject(key) != null)
        .getJsonObject("data").getJsonObject(key);
    assertFalse(shown.getBoolean("silenced"));
    assertEquals("firing", shown.getString("state"));
    sre.health("HOP", "up");
    sre.await("HOP", state("resolved"));
    screen.assertNothingMissed();
    screen.close();
  }

  @Test
  void wanOutageGroupsTheOutagesBehindItWithACount(Vertx vertx) {
    LiveClient screen = LiveClient.connect(vertx, node, api.token("sre")).subscribe("alerts", null);
    screen.next(m -> "snapshot".equals(m.getString("kind")));
    sre.health("CKS", "down");
    sre.await("CKS", state("firing"));
    sre.health("WAN", "down");
    sre.await("WAN", state("firing"));
    sre.health("OPENDATA", "down");
    sre.health("DATACENTER", "down");
    sre.await("OPENDATA", state("firing"));
    sre.await("DATACENTER", state("firing"));

    // Open alerts of other systems behind the WAN (other tests') join the group too.
    long inGroup = api.count("SELECT count(*) FROM alert WHERE group_key = 'system:WAN' AND state <> 'resolved'");
    assertTrue(inGroup >= 4, "in the group: " + inGroup);
    for (String system : List.of("WAN", "CKS", "OPENDATA", "DATACENTER")) {
      JsonObject a = sre.await(system, state("firing"));
      assertEquals("system:WAN", a.getString("group"), system);
      assertEquals(inGroup, a.getLong("groupSize"), system);
    }
    long wanId = sre.await("WAN", state("firing")).getLong("id");
    screen.next(m -> {
      JsonObject wan = screen.drain().state("alerts").getJsonObject(String.valueOf(wanId));
      return wan != null && wan.getLong("groupSize") == inGroup;
    });
    for (String system : List.of("WAN", "CKS", "OPENDATA", "DATACENTER")) {
      sre.health(system, "up");
      sre.await(system, state("resolved"));
    }
    screen.assertNothingMissed();
    screen.close();
  }

  @Test
  void rulesAreValidatedOnSaveAndManagedOnlyBySre() {
    JsonArray rules = sre.send(HttpMethod.GET, "/api/v1/alert-rules", null).bodyAsJsonObject().getJsonArray("items");
    assertEquals(14 * 3 + 4, rules.size(), "defaults for every system and the headline KPIs");
    assertTrue(rules.stream().map(JsonObject.class::cast).noneMatch(r -> r.containsKey("webhookSecret")));

    JsonObject noThreshold = new JsonObject().put("code", "bad.latency").put("kind", "latency_high").put("severity", "warning");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", noThreshold), "threshold");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", noThreshold.copy().put("threshold", 1000).put("clearThreshold", 2000)),
        "clearThreshold");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "bad.on-time")
        .put("kind", "agency_on_time_below").put("severity", "info").put("threshold", 120).put("windowMinutes", 60)), "threshold");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "bad.down")
        .put("kind", "system_down").put("severity", "info").put("threshold", 1)), "threshold");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "bad.hook")
        .put("kind", "system_down").put("severity", "info").put("webhookSecret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")), "webhookSecret");
    invalid(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "Bad Code")
        .put("kind", "system_down").put("severity", "info")), "code");
    HttpResponse<Buffer> unknown = sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "bad.subject")
        .put("kind", "system_down").put("subject", "NOPE").put("severity", "info"));
    assertEquals(422, unknown.statusCode(), unknown.bodyAsString());
    assertEquals("unknown_reference", unknown.bodyAsJsonObject().getString("error"));
    assertEquals(409, sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "system-down.wan")
        .put("kind", "system_down").put("severity", "info")).statusCode());
    assertEquals(403, operator.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "x")
        .put("kind", "system_down").put("severity", "info")).statusCode());

    JsonObject rule = created(sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "overdue.cau-giay")
        .put("kind", "district_overdue_above").put("subject", "CG").put("severity", "warning").put("threshold", 10)
        .put("webhookUrl", "http://127.0.0.1:9/hook").put("webhookSecret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
    assertTrue(rule.getBoolean("webhookSecretSet"));
    assertFalse(rule.containsKey("webhookSecret"));
    HttpResponse<Buffer> patched = sre.send(HttpMethod.PATCH, "/api/v1/alert-rules/" + rule.getLong("id"),
        new JsonObject().put("threshold", 20).put("severity", "critical"));
    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    assertEquals(20.0, patched.bodyAsJsonObject().getDouble("threshold"));
    invalid(sre.send(HttpMethod.PATCH, "/api/v1/alert-rules/" + rule.getLong("id"), new JsonObject().put("clearThreshold", 30)),
        "clearThreshold");
    assertEquals(204, sre.send(HttpMethod.DELETE, "/api/v1/alert-rules/" + rule.getLong("id"), null).statusCode());
    assertEquals(404, sre.send(HttpMethod.GET, "/api/v1/alert-rules/" + rule.getLong("id"), null).statusCode());
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'alert_rule.delete' AND actor = 'sre'"));
  }

  @Test
  void listFiltersByStateSystemAndSeverityAndRefusesUnknownValues() {
    sre.health("ZALO-PAKN", "down");
    JsonObject a = sre.await("ZALO-PAKN", state("firing"));
    assertTrue(sre.alerts("?state=firing&system=ZALO-PAKN&severity=critical").stream()
        .anyMatch(x -> ((JsonObject) x).getLong("id").equals(a.getLong("id"))));
    assertTrue(sre.alerts("?state=resolved&system=ZALO-PAKN").isEmpty());
    assertTrue(sre.alerts("?severity=info&system=ZALO-PAKN").isEmpty());
    assertTrue(sre.alerts("?state=&severity=&system=ZALO-PAKN&limit=").stream()
            .anyMatch(x -> ((JsonObject) x).getLong("id").equals(a.getLong("id"))),
        "a filter left blank in a search form is no filter");
    assertEquals(400, sre.send(HttpMethod.GET, "/api/v1/alerts?state=burning", null).statusCode());
    assertEquals(400, sre.send(HttpMethod.GET, "/api/v1/alerts?limit=0", null).statusCode());
    assertEquals(404, sre.send(HttpMethod.GET, "/api/v1/alerts/424242", null).statusCode());
    assertNull(a.getString("acknowledgedBy"));
    assertNull(a.getString("resolvedAt"));
    sre.health("ZALO-PAKN", "up");
    sre.await("ZALO-PAKN", state("resolved"));
  }

  /** Waits until the rule's condition for {@code subject} is stored as {@code active} after observing {@code value}. */
  private static void awaitCondition(String rule, String subject, boolean active, double value) {
    Wait.until(Duration.ofSeconds(10), () -> api.row("SELECT c.active, c.value FROM alert_condition c JOIN alert_rule r "
            + "ON r.id = c.rule_id WHERE r.code = $1 AND c.subject = $2", rule, subject),
        c -> c != null && c.getBoolean("active") == active && c.getDouble("value") == value,
        rule + " " + subject + " observed " + value + (active ? " (holding)" : " (clear)"));
  }

  private static long ruleId(String code) {
    return sre.send(HttpMethod.GET, "/api/v1/alert-rules", null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(r -> code.equals(r.getString("code"))).findFirst().orElseThrow().getLong("id");
  }

  private static JsonObject created(HttpResponse<Buffer> r) {
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static void invalid(HttpResponse<Buffer> r, String field) {
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getJsonArray("details").stream().anyMatch(d -> field.equals(((JsonObject) d).getString("field"))),
        r.bodyAsString());
  }

  private static void conflict(HttpResponse<Buffer> r, String says) {
    assertEquals(409, r.statusCode(), r.bodyAsString());
    assertEquals("illegal_transition", r.bodyAsJsonObject().getString("error"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains(says), r.bodyAsString());
  }
}
