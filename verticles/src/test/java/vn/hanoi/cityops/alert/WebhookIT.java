package vn.hanoi.cityops.alert;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.WebhookReceiver;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound webhooks against a real Vert.x HTTP server: every attempt signed as Standard Webhooks sign (checked by a
 * receiver written from the specification, {@link WebhookReceiver}, which also refuses a tampered body and a replay
 * after five minutes), retries with doubling backoff, outcomes recorded; the secret sealed in its column.
 */
@NodeTest(config = {"alerts.webhookBackoffMs=" + WebhookIT.BACKOFF_MS, "alerts.webhookMaxAttempts=3"})
class WebhookIT {
  static final long BACKOFF_MS = 300;
  private static final String SECRET = WebhookReceiver.newSecret(32);
  private static final WebhookReceiver VERIFIER = new WebhookReceiver(SECRET);

  private record Received(long atMs, String id, String timestamp, String signature, String attempt, String body) {
    java.util.Optional<String> refusal() {
      return VERIFIER.refusal(id, timestamp, signature, body);
    }
  }

  private static Node node;
  private static Api api;
  private static Alerting sre;
  private static HttpServer receiver;
  private static final List<Received> FLAKY = new CopyOnWriteArrayList<>();
  private static final List<Received> DOWN = new CopyOnWriteArrayList<>();
  private static final List<Received> FLAKY_PORTAL = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(Vertx vertx, Node started, Api client) {
    receiver = Api.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      Received r = new Received(System.currentTimeMillis(), req.getHeader("webhook-id"),
          req.getHeader("webhook-timestamp"), req.getHeader("webhook-signature"), req.getHeader("X-Cityops-Attempt"),
          body.toString());
      if (req.path().equals("/flaky-portal")) {
        FLAKY_PORTAL.add(r);
        req.response().setStatusCode(204).end();
      } else if (req.path().equals("/flaky")) {
        FLAKY.add(r);
        req.response().setStatusCode(FLAKY.size() < 3 ? 500 : 204).end();
      } else {
        DOWN.add(r);
        req.response().setStatusCode(503).end();
      }
    })).listen(0, "127.0.0.1"));
    node = started;
    api = client;
    sre = new Alerting(api, "sre");
  }

  @AfterAll
  static void stop() {
    Api.await(receiver.close());
  }

  @Test
  void failedDeliveriesAreRetriedWithDoublingBackoffAndEveryAttemptVerifiesAsAStandardWebhook() {
    hook("hook.giaoban", "GIAOBAN", "/flaky");
    sre.health("GIAOBAN", "down");
    Wait.until(Duration.ofSeconds(10), () -> FLAKY.size() >= 3, "three attempts reach the receiver");
    assertEquals(3, FLAKY.size(), "two failures then a success");
    for (int i = 0; i < 3; i++) {
      Received r = FLAKY.get(i);
      assertEquals(java.util.Optional.empty(), r.refusal(), "attempt " + (i + 1) + " verifies");
      assertTrue(r.signature().matches("v1,[A-Za-z0-9+/]{43}="), r.signature());
      assertEquals(FLAKY.get(0).id(), r.id(), "one webhook-id for every attempt of the delivery");
      assertEquals(String.valueOf(i + 1), r.attempt());
      assertEquals(FLAKY.get(0).body(), r.body(), "the same delivery each time");
    }
    JsonObject body = new JsonObject(FLAKY.get(0).body());
    assertEquals("fire", body.getString("event"));
    assertEquals("GIAOBAN", body.getJsonObject("alert").getString("subject"));
    assertEquals("firing", body.getJsonObject("alert").getString("state"));
    long first = FLAKY.get(1).atMs() - FLAKY.get(0).atMs();
    long second = FLAKY.get(2).atMs() - FLAKY.get(1).atMs();
    System.out.println("webhook_backoff base_ms=" + BACKOFF_MS + " waits_ms=" + first + "," + second);
    assertTrue(first >= BACKOFF_MS && second >= 2 * BACKOFF_MS, first + " then " + second);
    // The receiver answered the last attempt before the node recorded it: wait for the record.
    JsonObject delivery = settled("hook.giaoban");
    assertEquals("delivered", delivery.getString("status"));
    assertEquals(3, delivery.getInteger("attempts"));
    assertEquals(204, delivery.getInteger("last_status"));
    assertEquals(List.of(500, 500, 204), attempts("hook.giaoban"), "every attempt recorded");
  }

  @Test
  void aReceiverRefusesATamperedBodyAForeignSecretAndAReplayOlderThanFiveMinutes() {
    hook("hook.portal", "DVC-PORTAL", "/flaky-portal");
    sre.health("DVC-PORTAL", "down");
    Received r = Wait.until(Duration.ofSeconds(10), () -> FLAKY_PORTAL.isEmpty() ? null : FLAKY_PORTAL.get(0),
        x -> x != null, "a delivery to /flaky-portal");
    assertEquals(java.util.Optional.empty(), r.refusal(), "the delivery as sent verifies");
    assertTrue(r.id().matches("msg_[0-9]+"), r.id());
    long sentAt = Long.parseLong(r.timestamp());
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - sentAt) <= 5, "webhook-timestamp is the attempt's time");
    String tampered = r.body().replace("\"critical\"", "\"info\"");
    assertTrue(!tampered.equals(r.body()), "the body names the severity");
    assertEquals(java.util.Optional.of("no matching signature"), VERIFIER.refusal(r.id(), r.timestamp(), r.signature(), tampered));
    assertEquals(java.util.Optional.of("no matching signature"), new WebhookReceiver(WebhookReceiver.newSecret(32))
        .refusal(r.id(), r.timestamp(), r.signature(), r.body()), "another secret");
    assertEquals(java.util.Optional.of("no matching signature"),
        VERIFIER.refusal(r.id(), String.valueOf(sentAt + 1), r.signature(), r.body()), "the timestamp is signed too");
    // The captured delivery replayed six minutes later, headers and body as they were: refused.
    assertEquals(java.util.Optional.of("timestamp outside tolerance"),
        VERIFIER.refusal(r.id(), r.timestamp(), r.signature(), r.body(), sentAt + 6 * 60));
  }

  @Test
  void theRuleColumnHoldsTheSecretSealedAndAMarkedClearSecretIsSealedAndStillSigns() {
    hook("hook.sealed", "WAN", "/flaky-portal");
    String stored = api.row("SELECT webhook_secret FROM alert_rule WHERE code = $1", "hook.sealed").getString("webhook_secret");
    assertTrue(stored.matches("v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+"), stored);
    assertTrue(!stored.contains(SECRET) && !stored.contains(SECRET.substring(6)), "no clear secret in the column");
    String again = api.row("SELECT webhook_secret FROM alert_rule WHERE code = $1", "hook.sealed").getString("webhook_secret");
    assertEquals(stored, again);
    // A row written before encryption at rest, as V0026 marked it: it still signs, and the node seals it.
    Api.await(node.database().pool().preparedQuery("UPDATE alert_rule SET webhook_secret = $1 WHERE code = $2")
        .execute(io.vertx.sqlclient.Tuple.of("plain:" + SECRET, "hook.sealed")));
    assertEquals(1, Api.await(WebhookSender.sealMarkedSecrets(node.database().pool(),
        vn.hanoi.cityops.store.SecretBox.of(node.config()))));
    String resealed = api.row("SELECT webhook_secret FROM alert_rule WHERE code = $1", "hook.sealed").getString("webhook_secret");
    assertTrue(resealed.startsWith("v1:") && !resealed.equals(stored), "sealed again with a fresh nonce: " + resealed);
    // A production node without secrets.key cannot sign with what is stored: its webhook sender does not start.
    var keyless = vn.hanoi.cityops.store.SecretBox.of(vn.hanoi.cityops.config.AppConfig.of(java.util.Map.of("dev.mode", "off")));
    Throwable refused = node.database().pool().query("SELECT 1").execute()
        .compose(v -> WebhookSender.sealMarkedSecrets(node.database().pool(), keyless))
        .toCompletionStage().toCompletableFuture().handle((ok, e) -> e).join();
    assertTrue(refused != null && String.valueOf(refused.getMessage()).contains("CITYOPS_SECRETS_KEY"), String.valueOf(refused));
    int before = FLAKY_PORTAL.size();
    sre.health("WAN", "down");
    Received r = Wait.until(Duration.ofSeconds(10), () -> FLAKY_PORTAL.size() > before ? FLAKY_PORTAL.get(before) : null,
        x -> x != null, "a delivery of hook.sealed");
    assertEquals(java.util.Optional.empty(), r.refusal(), "signed with the secret opened from its sealed form");
  }

  @Test
  void deliveryThatNeverSucceedsIsRecordedAsFailedAfterItsLastAttempt() {
    hook("hook.opendata", "OPENDATA", "/down");
    sre.health("OPENDATA", "down");
    JsonObject delivery = settled("hook.opendata");
    assertEquals("failed", delivery.getString("status"), String.valueOf(delivery));
    assertEquals(3, delivery.getInteger("attempts"));
    assertEquals(503, delivery.getInteger("last_status"));
    assertEquals("HTTP 503", delivery.getString("last_error"));
    // Time passing is the point: a fourth attempt would follow the third after a doubled backoff (1.2 s);
    // watch twice as long.
    Wait.holds(Duration.ofMillis(2 * BACKOFF_MS * 4), () -> DOWN.size() == 3, "no attempt after the last (3 in all)");
  }

  /** The delivery of {@code rule}'s alert once it is delivered or failed (waited for up to 10 s). */
  private static JsonObject settled(String rule) {
    return Wait.until(Duration.ofSeconds(10), () -> api.row("SELECT status, attempts, last_status, last_error FROM webhook_delivery d "
            + "JOIN alert a ON a.id = d.alert_id WHERE a.rule_code = $1", rule),
        d -> d != null && !"pending".equals(d.getString("status")), "the delivery for " + rule + " delivered or failed");
  }

  private static List<Integer> attempts(String rule) {
    var rows = Api.await(node.database().pool().preparedQuery("SELECT w.http_status FROM webhook_attempt w "
            + "JOIN webhook_delivery d ON d.id = w.delivery_id JOIN alert a ON a.id = d.alert_id WHERE a.rule_code = $1 "
            + "ORDER BY w.attempt").execute(io.vertx.sqlclient.Tuple.of(rule)));
    List<Integer> statuses = new java.util.ArrayList<>();
    rows.forEach(r -> statuses.add(r.getInteger(0)));
    return statuses;
  }

  private static void hook(String code, String system, String path) {
    var r = sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", code).put("kind", "system_down")
        .put("subject", system).put("severity", "critical")
        .put("webhookUrl", "http://127.0.0.1:" + receiver.actualPort() + path).put("webhookSecret", SECRET));
    assertEquals(201, r.statusCode(), r.bodyAsString());
  }
}
