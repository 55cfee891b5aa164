package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Telegram, Zalo and SMS against a real local HTTP server standing in for each service: the exact requests (paths,
 * headers, JSON), retries of a server error, a service that never answers given up after the timeout, a final
 * error; and each time the fallback channel carries the message.
 */
@NodeTest(config = {"notify.timeoutMs=" + NotifyChannelsIT.TIMEOUT_MS, "notify.retries=2", "notify.backoffMs=" + NotifyChannelsIT.BACKOFF_MS,
    "notify.telegram.botToken=" + NotifyChannelsIT.BOT_TOKEN, "notify.zalo.accessToken=" + NotifyChannelsIT.ZALO_TOKEN,
    "notify.sms.secret=" + NotifyChannelsIT.SMS_SECRET, "notify.publicUrl=https://cityops.hanoi.gov.vn"},
    configFrom = NotifyChannelsIT.StandIns.class)
class NotifyChannelsIT {
  static final int TIMEOUT_MS = 700;
  static final int BACKOFF_MS = 150;
  static final String BOT_TOKEN = "7000001:AAE-test_token";
  static final String ZALO_TOKEN = "zalo-oa-access-token";
  static final String SMS_SECRET = "sms-gateway-secret";
  private static final String SEND = "/bot" + BOT_TOKEN + "/sendMessage";
  private static final String ZALO = "/v3.0/oa/message/cs";
  private static final String SMS = "/sms/send";
  private static final String PUBLIC = "https://cityops.hanoi.gov.vn";

  private static StandIn services;
  private static Mailbox mailbox;
  private static Node node;
  private static Api api;
  private static Persons persons;

  static final class StandIns implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      services = StandIn.start();
      mailbox = Mailbox.start();
      return Map.of("notify.telegram.url", services.url(), "notify.zalo.url", services.url(),
          "notify.sms.url", services.url() + SMS, "notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port());
    }
  }

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    persons = new Persons(api);
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static final Message DOWN = Message.of(
          new Message.Content("Cổng DVC ngừng hoạt động", "Cổng dịch vụ công không phản hồi từ 08:02 <khẩn>."),
          new Message.Content("Public-service portal down", "The portal has not answered since 08:02."))
      .withLink("/sre.html#alert-7")
      .withActions(new Message.Action("Xác nhận", "Acknowledge", "/api/v1/alerts/7/ack"),
          new Message.Action("Bảng điều khiển", "Dashboard", "https://grafana.hanoi.gov.vn/d/dvc"))
      .withUrgency(Message.Urgency.HIGH);

  /** A person reached first on {@code channel} at {@code address}; an email (and SMS, when given) only as fallbacks. */
  private static String person(String username, String channel, String address, String smsFallback) {
    persons.create(username, "vi");
    persons.add(username, Persons.email(username + "@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    if (smsFallback != null) {
      persons.add(username, Persons.point("sms", smsFallback).put("fallbackOnly", true).put("position", 1));
    }
    persons.add(username, Persons.point(channel, address).put("position", 0));
    return username;
  }

  private static Notification send(String username, String ref) {
    return Api.await(node.notifier().notify(username, DOWN, ref));
  }

  /** A numeric chat id, sent as a JSON number. */
  private static boolean chat(StandIn.Request r, long id) {
    return r.json().getValue("chat_id") instanceof Number n && n.longValue() == id;
  }

  private static List<String> timeline(Notification n) {
    return n.attempts().stream().map(a -> a.channel().code() + "#" + a.attempt() + ":" + a.status().code()
        + (a.httpStatus() == null ? "" : "/" + a.httpStatus())).toList();
  }

  @Test
  void telegramGetsSendMessageAtTheBotsPathInHtmlWithAButtonPerAction() {
    person("tg.shape", "telegram", "123456789", null);

    Notification n = send("tg.shape", "alert:7");

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("telegram#1:delivered/200"), timeline(n));
    StandIn.Request request = services.await(SEND, r -> chat(r, 123456789L), 1).get(0);
    assertEquals("POST", request.method());
    assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
    JsonObject body = request.json();
    assertEquals("HTML", body.getString("parse_mode"));
    assertEquals("<b>Cổng DVC ngừng hoạt động</b>\n\nCổng dịch vụ công không phản hồi từ 08:02 &lt;khẩn&gt;.\n\n"
        + "<a href=\"" + PUBLIC + "/sre.html#alert-7\">Mở</a>", body.getString("text"));
    assertEquals(new JsonArray()
            .add(new JsonArray().add(new JsonObject().put("text", "Xác nhận").put("url", PUBLIC + "/api/v1/alerts/7/ack")))
            .add(new JsonArray().add(new JsonObject().put("text", "Bảng điều khiển").put("url", "https://grafana.hanoi.gov.vn/d/dvc"))),
        body.getJsonObject("reply_markup").getJsonArray("inline_keyboard"));
    assertTrue(mailbox.to("tg.shape@hanoi.gov.vn").isEmpty(), "the fallback is not used when telegram carried it");
  }

  @Test
  void zaloGetsTheOaConsultationMessageWithItsAccessTokenHeader() {
    person("zalo.shape", "zalo", "8412345678901234567", null);

    Notification n = send("zalo.shape", "alert:8");

    assertEquals(List.of("zalo#1:delivered/200"), timeline(n));
    StandIn.Request request = services.await(ZALO,
        r -> r.json().getJsonObject("recipient").getString("user_id").equals("8412345678901234567"), 1).get(0);
    assertEquals(ZALO_TOKEN, request.header("access_token"));
    JsonObject body = request.json();
    assertEquals(new JsonObject().put("user_id", "8412345678901234567"), body.getJsonObject("recipient"));
    assertEquals(2, body.size(), body.encode());
    String text = body.getJsonObject("message").getString("text");
    assertTrue(text.startsWith("Cổng DVC ngừng hoạt động\n\nCổng dịch vụ công không phản hồi từ 08:02 <khẩn>."), text);
    assertTrue(text.contains("Xác nhận: " + PUBLIC + "/api/v1/alerts/7/ack"), text);
  }

  @Test
  void theSmsGatewayGetsToAndTextWithTheBearerSecret() {
    person("sms.shape", "sms", "+84912000001", null);

    Notification n = send("sms.shape", "alert:9");

    assertEquals(List.of("sms#1:sent/200"), timeline(n));
    StandIn.Request request = services.await(SMS, r -> r.json().getString("to").equals("+84912000001"), 1).get(0);
    assertEquals("Bearer " + SMS_SECRET, request.header("Authorization"));
    JsonObject body = request.json();
    assertEquals(2, body.size(), body.encode());
    assertEquals("Cổng DVC ngừng hoạt động. Cổng dịch vụ công không phản hồi từ 08:02 <khẩn>.\n" + PUBLIC
        + "/sre.html#alert-7\nXác nhận: " + PUBLIC + "/api/v1/alerts/7/ack", body.getString("text"));
    assertEquals("+84******001", n.attempts().get(0).address(), "the number is masked in the record");
  }

  @Test
  void aServerErrorIsRetriedAfterTheBackoffAndTheNextAnswerDelivers() {
    person("tg.retry", "telegram", "222333444", null);
    services.script(SEND, StandIn.Reply.of(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}"),
        StandIn.Reply.of(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\"}"));

    Notification n = send("tg.retry", "alert:10");

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("telegram#1:failed/500", "telegram#2:failed/429", "telegram#3:delivered/200"), timeline(n));
    assertEquals("HTTP 500: Internal Server Error", n.attempts().get(0).error());
    List<StandIn.Request> tries = services.await(SEND, r -> chat(r, 222333444L), 3);
    long first = tries.get(1).atMillis() - tries.get(0).atMillis();
    long second = tries.get(2).atMillis() - tries.get(1).atMillis();
    assertTrue(first >= BACKOFF_MS && second >= 2 * BACKOFF_MS, "waits " + first + ", " + second + " ms");
    System.out.println("notify_retry_backoff base_ms=" + BACKOFF_MS + " waits_ms=" + first + "," + second);
    assertTrue(mailbox.to("tg.retry@hanoi.gov.vn").isEmpty());
  }

  @Test
  void aServiceThatNeverAnswersIsGivenUpAfterTheTimeoutEachTryAndTheFallbackCarriesTheMessage() {
    person("zalo.silent", "zalo", "9900", "+84912000002");
    services.script(ZALO, StandIn.Reply.silence(), StandIn.Reply.silence(), StandIn.Reply.silence());

    long started = System.nanoTime();
    Notification n = send("zalo.silent", "alert:11");
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("zalo#1:failed", "zalo#2:failed", "zalo#3:failed", "sms#1:sent/200"), timeline(n));
    for (Attempt a : n.attempts().subList(0, 3)) {
      assertEquals("no answer within " + TIMEOUT_MS + " ms", a.error());
      assertTrue(a.durationMs() >= TIMEOUT_MS - 50 && a.durationMs() < TIMEOUT_MS + 500,
          "the caller waits the timeout, not longer: " + a.durationMs() + " ms");
    }
    assertTrue(tookMs >= 3 * TIMEOUT_MS + 3 * BACKOFF_MS, "took " + tookMs + " ms");
    services.await(SMS, r -> r.json().getString("to").equals("+84912000002"), 1);
    System.out.println("notify_timeout_fallback timeout_ms=" + TIMEOUT_MS + " took_ms=" + tookMs);
  }

  @Test
  void aClientErrorIsFinalAtOnceAndTheNextFallbackIsUsed() throws Exception {
    person("sms.refused", "sms", "+84912000003", null);
    services.script(SMS, StandIn.Reply.of(400, "{\"error\":\"number not allowed\"}"));

    Notification n = send("sms.refused", "alert:12");

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("sms#1:failed/400", "email#1:sent"), timeline(n), "no retry of a 400");
    assertEquals("HTTP 400: {\"error\":\"number not allowed\"}", n.attempts().get(0).error());
    assertEquals("Cổng DVC ngừng hoạt động", mailbox.await("sms.refused@hanoi.gov.vn", 1).get(0).getSubject());
  }

  @Test
  void zaloSayingErrorInsideAnHttp200IsFinal() throws Exception {
    person("zalo.unfollowed", "zalo", "9901", null);
    services.script(ZALO, StandIn.Reply.of(200, "{\"error\":-213,\"message\":\"User has not followed OA\"}"));

    Notification n = send("zalo.unfollowed", "alert:13");

    assertEquals(List.of("zalo#1:failed/200", "email#1:sent"), timeline(n));
    assertEquals("Zalo error -213: User has not followed OA", n.attempts().get(0).error());
    mailbox.await("zalo.unfollowed@hanoi.gov.vn", 1);
  }

  @Test
  void aBotBlockedByThePersonIsFinalAndTheEmailFallbackCarriesIt() throws Exception {
    person("tg.blocked", "telegram", "555666777", null);
    services.script(SEND, StandIn.Reply.of(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}"));

    Notification n = send("tg.blocked", "alert:14");

    assertEquals(List.of("telegram#1:failed/403", "email#1:sent"), timeline(n));
    assertEquals("HTTP 403: Forbidden: bot was blocked by the user", n.attempts().get(0).error());
    assertEquals(n.attempts(), Api.await(node.notifier().attempts(n.id())), "read back as recorded");
    mailbox.await("tg.blocked@hanoi.gov.vn", 1);
  }

  @Test
  void noSecretIsEverStoredInTheRecords() {
    assertEquals(0, api.count("SELECT count(*) FROM notification_attempt WHERE error LIKE $1 OR error LIKE $2 OR error LIKE $3",
        "%" + BOT_TOKEN + "%", "%" + ZALO_TOKEN + "%", "%" + SMS_SECRET + "%"));
    assertNull(api.row("SELECT id FROM audit_log WHERE details::text LIKE $1", "%" + BOT_TOKEN + "%"));
  }
}
