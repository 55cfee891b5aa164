package vn.hanoi.cityops.alert;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.WebhookReceiver;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule whose webhook speaks Alertmanager's format posts the Alertmanager webhook v4 payload, signed as every
 * cityops webhook is, to a real local HTTP receiver: exactly the fields an Alertmanager bridge reads, firing when the
 * system goes down, resolved with its end when it comes back; a rule left at the default keeps cityops' body.
 */
@NodeTest(config = "notify.publicUrl=https://cityops.hanoi.gov.vn")
class AlertmanagerWebhookIT {
  private static final String SECRET = WebhookReceiver.newSecret(24);
  private static final WebhookReceiver VERIFIER = new WebhookReceiver(SECRET);

  private record Received(String path, String id, String timestamp, String signature, String body) {
  }

  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;
  private static Alerting sre;

  @BeforeAll
  static void start(Vertx vertx, Api api) {
    receiver = Api.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      RECEIVED.add(new Received(req.path(), req.getHeader("webhook-id"), req.getHeader("webhook-timestamp"),
          req.getHeader("webhook-signature"), body.toString()));
      req.response().setStatusCode(200).end();
    })).listen(0, "127.0.0.1"));
    sre = new Alerting(api, "sre");
  }

  @AfterAll
  static void stop() {
    Api.await(receiver.close());
  }

  private static JsonObject rule(String code, String system, String path, String format) {
    JsonObject body = new JsonObject().put("code", code).put("kind", "system_down").put("subject", system)
        .put("severity", "critical").put("webhookUrl", "http://127.0.0.1:" + receiver.actualPort() + path)
        .put("webhookSecret", SECRET);
    if (format != null) {
      body.put("webhookFormat", format);
    }
    var r = sre.send(HttpMethod.POST, "/api/v1/alert-rules", body);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static List<JsonObject> at(String path, int count) {
    return Wait.until(Duration.ofSeconds(10), () -> RECEIVED.stream().filter(r -> r.path().equals(path)).toList(),
        list -> list.size() >= count, count + " posts to " + path).stream().map(r -> {
          assertEquals(java.util.Optional.empty(), VERIFIER.refusal(r.id(), r.timestamp(), r.signature(), r.body()),
              "signed as a Standard Webhook");
          return new JsonObject(r.body());
        }).toList();
  }

  @Test
  void anAlertmanagerRuleSendsTheVersionFourPayloadFiringThenResolved() {
    assertEquals("alertmanager", rule("am.opendata", "OPENDATA", "/am", "alertmanager").getString("webhookFormat"));
    sre.health("OPENDATA", "down");
    JsonObject firing = at("/am", 1).get(0);
    assertEquals(Set.of("version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels",
        "commonAnnotations", "externalURL", "alerts"), firing.fieldNames());
    assertEquals("4", firing.getString("version"));
    assertEquals("firing", firing.getString("status"));
    assertEquals("am.opendata", firing.getString("receiver"));
    assertEquals("{}:{group=\"system:OPENDATA\"}", firing.getString("groupKey"));
    assertEquals(0, firing.getInteger("truncatedAlerts"));
    assertEquals("https://cityops.hanoi.gov.vn/sre.html", firing.getString("externalURL"));
    JsonArray alerts = firing.getJsonArray("alerts");
    assertEquals(1, alerts.size());
    JsonObject alert = alerts.getJsonObject(0);
    assertEquals(Set.of("status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"),
        alert.fieldNames());
    assertEquals(new JsonObject().put("alertname", "system_down").put("rule", "am.opendata").put("system", "OPENDATA")
        .put("severity", "critical").put("group", "system:OPENDATA"), alert.getJsonObject("labels"));
    assertEquals(new JsonObject().put("summary", "Cổng dữ liệu thành phố ngừng hoạt động")
        .put("description", "City open-data portal is down"), alert.getJsonObject("annotations"));
    assertEquals(alert.getJsonObject("labels"), firing.getJsonObject("commonLabels"));
    assertEquals(alert.getJsonObject("annotations"), firing.getJsonObject("commonAnnotations"));
    assertEquals(new JsonObject().put("group", "system:OPENDATA"), firing.getJsonObject("groupLabels"));
    Instant.parse(alert.getString("startsAt"));
    assertEquals("0001-01-01T00:00:00Z", alert.getString("endsAt"));
    long id = sre.awaitAny("OPENDATA", a -> "am.opendata".equals(a.getString("rule"))).getLong("id");
    assertEquals("https://cityops.hanoi.gov.vn/sre.html#alert=" + id, alert.getString("generatorURL"));
    assertTrue(alert.getString("fingerprint").matches("[0-9a-f]{16}"), alert.getString("fingerprint"));

    sre.health("OPENDATA", "up");
    JsonObject resolved = Wait.until(Duration.ofSeconds(10), () -> at("/am", 1).get(at("/am", 1).size() - 1),
        p -> "resolved".equals(p.getString("status")), "the resolved payload");
    JsonObject gone = resolved.getJsonArray("alerts").getJsonObject(0);
    assertEquals("resolved", gone.getString("status"));
    assertTrue(Instant.parse(gone.getString("endsAt")).isAfter(Instant.parse(gone.getString("startsAt"))), gone.encode());
    assertEquals(alert.getString("fingerprint"), gone.getString("fingerprint"));
  }

  @Test
  void aRuleLeftAtTheDefaultKeepsCityopsBody() {
    assertEquals("cityops", rule("cityops.cks", "CKS", "/own", null).getString("webhookFormat"));
    sre.health("CKS", "down");
    JsonObject body = at("/own", 1).get(0);
    assertEquals(Set.of("event", "actor", "note", "at", "alert"), body.fieldNames());
    assertEquals("CKS", body.getJsonObject("alert").getString("subject"));
  }

  @Test
  void anUnknownWebhookFormatIsRefused() {
    var r = sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "bad.format")
        .put("kind", "system_down").put("severity", "info").put("webhookFormat", "slack"));
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("webhookFormat", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
  }
}
