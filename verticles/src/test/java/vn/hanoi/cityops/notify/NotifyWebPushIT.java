package vn.hanoi.cityops.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web Push to a local stand-in push service, with the test as the browser ({@link PushBrowser}): the message
 * decrypts (RFC 8291) with the subscription's private key and auth secret and with nothing else, the VAPID JWT
 * verifies against the node's public key, and a subscription the push service says is gone leaves the person's
 * contact points.
 */
@NodeTest(config = {"notify.webpush.subject=mailto:sre@hanoi.gov.vn", "notify.publicUrl=https://cityops.hanoi.gov.vn"},
    configFrom = NotifyWebPushIT.PushService.class)
class NotifyWebPushIT {
  private static StandIn pushService;
  private static Mailbox mailbox;
  private static Node node;
  private static Api api;
  private static Persons persons;
  private static String vapidKey;

  static final class PushService implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      pushService = StandIn.start();
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    persons = new Persons(api);
    HttpResponse<Buffer> key = api.send(HttpMethod.GET, "/api/v1/notify/vapid-public-key", api.token("operator"), null);
    assertEquals(200, key.statusCode(), key.bodyAsString());
    vapidKey = key.bodyAsJsonObject().getString("publicKey");
  }

  @AfterAll
  static void stop() {
    if (pushService != null) {
      pushService.close();
    }
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static final Message DOWN = Message.of(
          new Message.Content("Trung tâm dữ liệu mất kết nối", "Trung tâm dữ liệu không phản hồi từ 02:14."),
          new Message.Content("Data center unreachable", "The data center has not answered since 02:14."))
      .withLink("/sre.html#alert-21")
      .withActions(new Message.Action("Xác nhận", "Acknowledge", "/api/v1/alerts/21/ack"))
      .withUrgency(Message.Urgency.HIGH)
      .withTag("alert-21");

  /**
   * A person whose browser subscribed at {@code path} of the stand-in, with an email fallback. The stand-in speaks
   * http on loopback where push services speak https (the REST API refuses an http endpoint, ContactPointIT), so the
   * subscription is stored the way the API stores it, through the repository.
   */
  private static long subscribed(String username, String language, PushBrowser browser, String path) {
    persons.create(username, language);
    persons.add(username, Persons.email(username + "@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    long userId = api.row("SELECT id FROM app_user WHERE username = $1", username).getLong("id");
    return Api.await(new ContactPoints(node.database().pool()).add(userId, new ContactPoints.New(ChannelKind.WEBPUSH,
        pushService.url() + path, browser.p256dh(), browser.auth(), 0, false, null))).id();
  }

  @Test
  void thePushServiceGetsAMessageOnlyTheBrowserCanReadSignedWithTheNodesVapidKey() throws Exception {
    PushBrowser browser = new PushBrowser();
    subscribed("push.reader", "en", browser, "/push/reader");
    pushService.script("/push/reader", StandIn.Reply.of(201));

    Notification n = Api.await(node.notifier().notify("push.reader", DOWN, "alert:21"));

    assertEquals(Notification.Status.SENT, n.status(), n.toString());
    Attempt attempt = n.attempts().get(0);
    assertEquals(ChannelKind.WEBPUSH, attempt.channel());
    assertEquals(Attempt.Status.SENT, attempt.status());
    assertEquals(201, attempt.httpStatus());
    assertEquals(pushService.url() + "/…", attempt.address(), "only the push service's origin is recorded");
    StandIn.Request request = pushService.await("/push/reader", r -> true, 1).get(0);
    assertEquals("aes128gcm", request.header("Content-Encoding"));
    assertEquals("application/octet-stream", request.header("Content-Type"));
    assertEquals("86400", request.header("TTL"));
    assertEquals("high", request.header("Urgency"));
    assertEquals("alert-21", request.header("Topic"));

    JsonObject shown = new JsonObject(new String(browser.decrypt(request.body().getBytes()), StandardCharsets.UTF_8));
    assertEquals("Data center unreachable", shown.getString("title"));
    assertEquals("The data center has not answered since 02:14.", shown.getString("body"));
    assertEquals("https://cityops.hanoi.gov.vn/sre.html#alert-21", shown.getString("url"));
    assertEquals("alert-21", shown.getString("tag"));
    assertEquals("Acknowledge", shown.getJsonArray("actions").getJsonObject(0).getString("title"));
    assertThrows(GeneralSecurityException.class, () -> new PushBrowser().decrypt(request.body().getBytes()),
        "another browser cannot read it");

    JsonObject claims = PushBrowser.verifyVapid(request.header("Authorization"), vapidKey);
    assertEquals(pushService.url(), claims.getString("aud"), "the push service's origin");
    assertEquals("mailto:sre@hanoi.gov.vn", claims.getString("sub"));
    long now = System.currentTimeMillis() / 1000;
    long exp = claims.getLong("exp");
    assertTrue(exp > now && exp <= now + 24 * 3600, "exp within 24 h (RFC 8292): " + (exp - now) + " s");
    assertThrows(GeneralSecurityException.class,
        () -> PushBrowser.verifyVapid(request.header("Authorization"), PushBrowser.B64.encodeToString(
            PushBrowser.UNB64.decode(new PushBrowser().p256dh()))), "another key does not verify");
    assertTrue(mailbox.to("push.reader@hanoi.gov.vn").isEmpty(), "the fallback is not needed");
  }

  @Test
  void aSubscriptionThePushServiceSaysIsGoneLeavesThePersonsContactPointsAuditedAsTheSystem() throws Exception {
    PushBrowser browser = new PushBrowser();
    long id = subscribed("push.gone", "vi", browser, "/push/gone");
    pushService.script("/push/gone", StandIn.Reply.of(410, "subscription expired"));

    Notification n = Api.await(node.notifier().notify("push.gone", DOWN, "alert:22"));

    assertEquals(List.of(Attempt.Status.FAILED, Attempt.Status.SENT), n.attempts().stream().map(Attempt::status).toList());
    assertEquals(410, n.attempts().get(0).httpStatus());
    assertFalse(n.attempts().get(0).error().isBlank());
    assertEquals(ChannelKind.EMAIL, n.attempts().get(1).channel(), "a gone subscription hands over to the fallback");
    assertEquals("Trung tâm dữ liệu mất kết nối", mailbox.await("push.gone@hanoi.gov.vn", 1).get(0).getSubject());
    HttpResponse<Buffer> mine = api.send(HttpMethod.GET, "/api/v1/me/contact-points", persons.token("push.gone"), null);
    assertEquals(List.of("email"), mine.bodyAsJsonObject().getJsonArray("items").stream()
        .map(p -> ((JsonObject) p).getString("channel")).toList());
    JsonObject audited = api.row("SELECT actor, actor_kind, details FROM audit_log WHERE action = 'contact_point.delete' "
        + "AND target = 'push.gone'");
    assertNotNull(audited, "the removal is audited");
    assertEquals("system", audited.getString("actor_kind"));
    assertEquals(id, new JsonObject(audited.getValue("details").toString()).getLong("id"));
  }

  @Test
  void theVapidKeyIsAP256PointKeptInTheDatabaseSoEveryNodeSignsWithIt() {
    byte[] key = PushBrowser.UNB64.decode(vapidKey);
    assertEquals(65, key.length);
    assertEquals(4, key[0]);
    assertEquals(vapidKey, api.row("SELECT public_key FROM vapid_key WHERE id = 1").getString("public_key"));
  }
}
