package vn.hanoi.cityops.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contact points over HTTP: each person their own, admins anyone's; every rule answered with the right status and
 * the field named (400), what the node cannot use or the bot cannot see (422), conflicts (409), someone else's
 * (403); every change audited; a test message arrives. This node has email, Telegram (a stand-in Bot API) and
 * SMS, and no Zalo.
 */
@NodeTest(config = {"notify.telegram.botToken=99:contacts", "notify.timeoutMs=800", "notify.retries=0"},
    configFrom = ContactPointIT.Services.class)
class ContactPointIT {
  private static final String ME = "/api/v1/me/contact-points";
  private static final String GET_CHAT = "/bot99:contacts/getChat";

  private static StandIn services;
  private static Mailbox mailbox;
  private static Node node;
  private static Api api;
  private static Persons persons;

  static final class Services implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      services = StandIn.start();
      mailbox = Mailbox.start();
      return Map.of("notify.telegram.url", services.url(), "notify.sms.url", services.url() + "/sms",
          "notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port());
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

  /** A new person signed in, with no contact point yet; answers their token. */
  private static String newcomer(String username) {
    persons.create(username, "vi");
    return persons.token(username);
  }

  private static HttpResponse<Buffer> post(String token, JsonObject body) {
    return api.send(HttpMethod.POST, ME, token, body);
  }

  private static long created(HttpResponse<Buffer> r) {
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  private static List<JsonObject> mine(String token) {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, ME, token, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  /** The answer's status and error code, and the fields its details name. */
  private static void refused(HttpResponse<Buffer> r, int status, String error, String... fields) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(error, body.getString("error"), body.encode());
    if (fields.length > 0) {
      assertEquals(List.of(fields), body.getJsonArray("details").stream()
          .map(d -> ((JsonObject) d).getString("field")).toList(), body.encode());
    }
  }

  @Test
  void aDemoUserStartsWithTheEmailTheDevelopmentNodeGaveThem() {
    List<JsonObject> items = mine(api.token("operator"));
    assertEquals(1, items.size());
    JsonObject email = items.get(0);
    assertEquals("email", email.getString("channel"));
    assertEquals("operator@localhost", email.getString("address"));
    assertEquals(0, email.getInteger("position"));
    assertFalse(email.getBoolean("fallbackOnly"));
    assertNull(email.getValue("quietHours"));
  }

  @Test
  void aPersonAddsEveryChannelTheNodeHasAndReadsThemBackInOrder() {
    String token = newcomer("cp.adder");
    HttpResponse<Buffer> email = post(token, Persons.email("cp.adder@hanoi.gov.vn"));
    long emailId = created(email);
    assertEquals(ME + "/" + emailId, email.getHeader("Location"));
    created(post(token, Persons.point("telegram", "-1001234567890")));
    created(post(token, Persons.point("sms", "+84914000001").put("fallbackOnly", true)
        .put("quietHours", new JsonObject().put("from", "22:00").put("to", "06:30"))));
    PushBrowser browser = new PushBrowser();
    created(post(token, new JsonObject().put("channel", "webpush")
        .put("subscription", browser.subscription("https://fcm.googleapis.com/fcm/send/cp-adder"))));

    List<JsonObject> items = mine(token);
    assertEquals(List.of("email", "telegram", "sms", "webpush"), items.stream().map(i -> i.getString("channel")).toList());
    assertEquals(List.of(0, 1, 2, 3), items.stream().map(i -> i.getInteger("position")).toList());
    assertEquals(new JsonObject().put("from", "22:00").put("to", "06:30"), items.get(2).getJsonObject("quietHours"));
    assertTrue(items.get(2).getBoolean("fallbackOnly"));
    assertEquals("https://fcm.googleapis.com/fcm/send/cp-adder", items.get(3).getString("address"));
    assertFalse(items.get(3).encode().contains(browser.auth()), "the push secret is never shown");
    StandIn.Request getChat = services.await(GET_CHAT, r -> "-1001234567890".equals(r.params().get("chat_id")), 1).get(0);
    assertEquals("GET", getChat.method());
  }

  @Test
  void malformedAddressesAndBodiesAre400NamingTheField() {
    String token = newcomer("cp.typos");
    created(post(token, Persons.email("cp.typos@hanoi.gov.vn")));
    refused(post(token, Persons.email("cp.typos-at-hanoi.gov.vn")), 400, "validation_failed", "address");
    refused(post(token, Persons.point("sms", "0912345678")), 400, "validation_failed", "address");
    refused(post(token, Persons.point("telegram", "my chat")), 400, "validation_failed", "address");
    refused(post(token, new JsonObject().put("channel", "sms")), 400, "validation_failed", "address");
    PushBrowser browser = new PushBrowser();
    refused(post(token, new JsonObject().put("channel", "webpush")
        .put("subscription", browser.subscription("http://push.example/plain-http"))), 400, "validation_failed",
        "subscription.endpoint");
    refused(post(token, new JsonObject().put("channel", "webpush").put("subscription",
        browser.subscription("https://push.example/1").put("keys", new JsonObject().put("p256dh", "AAAA").put("auth", "short")))),
        400, "validation_failed", "subscription.keys.p256dh", "subscription.keys.auth");
    refused(post(token, new JsonObject().put("channel", "webpush")), 400, "validation_failed", "subscription");
    refused(post(token, new JsonObject().put("channel", "fax").put("address", "x")), 400, "validation_failed", "channel");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("colour", "red")), 400, "validation_failed");
    refused(post(token, new JsonObject().put("address", "b@hanoi.gov.vn")), 400, "validation_failed", "channel");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("position", -1)), 400, "validation_failed", "position");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("position", "first")), 400, "validation_failed", "position");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("quietHours", new JsonObject().put("from", "25:00").put("to", "6:30"))),
        400, "validation_failed", "quietHours.from", "quietHours.to");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("quietHours", new JsonObject().put("from", "08:00").put("to", "08:00"))),
        400, "validation_failed", "quietHours.to");
    refused(post(token, Persons.email("b@hanoi.gov.vn").put("quietHours", "night")), 400, "validation_failed", "quietHours");
    refused(post(token, Persons.point("email", "x").put("address", 42)), 400, "validation_failed", "address");
    assertEquals(1, mine(token).size(), "nothing was added");
  }

  @Test
  void whatIsNotJsonOrNotAnObjectIsRefusedToo() {
    WebClient raw = WebClient.create(node.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.config().httpPort()));
    try {
      String token = api.token("operator");
      HttpResponse<Buffer> notJson = Api.await(raw.post(ME).putHeader("Authorization", "Bearer " + token)
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"channel\": ")));
      refused(notJson, 400, "malformed_json");
      HttpResponse<Buffer> array = Api.await(raw.post(ME).putHeader("Authorization", "Bearer " + token)
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("[]")));
      refused(array, 400, "invalid_body");
      HttpResponse<Buffer> text = Api.await(raw.post(ME).putHeader("Authorization", "Bearer " + token)
          .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("email me")));
      refused(text, 415, "unsupported_media_type");
      refused(api.send(HttpMethod.PATCH, ME + "/abc", token, new JsonObject().put("position", 1)), 400, "invalid_parameter");
      refused(api.send(HttpMethod.DELETE, ME + "/99999999999999999999", token, null), 400, "invalid_parameter");
    } finally {
      raw.close();
    }
  }

  @Test
  void aTelegramChatTheBotCannotSeeIs422AndABotApiThatDoesNotAnswerIs503() {
    String token = newcomer("cp.telegram");
    created(post(token, Persons.email("cp.telegram@hanoi.gov.vn")));
    services.script(GET_CHAT, StandIn.Reply.of(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"),
        StandIn.Reply.of(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot is not a member\"}"),
        StandIn.Reply.of(502, "bad gateway"), StandIn.Reply.silence());

    refused(post(token, Persons.point("telegram", "31337")), 422, "unknown_reference", "address");
    refused(post(token, Persons.point("telegram", "@hanoi_private")), 422, "unknown_reference", "address");
    HttpResponse<Buffer> down = post(token, Persons.point("telegram", "31338"));
    refused(down, 503, "unavailable");
    assertNotNull(down.getHeader("Retry-After"));
    long started = System.nanoTime();
    refused(post(token, Persons.point("telegram", "31339")), 503, "unavailable");
    assertTrue((System.nanoTime() - started) / 1_000_000 < 800 + 1_000, "answered within the timeout");
    assertEquals(List.of("email"), mine(token).stream().map(i -> i.getString("channel")).toList());
  }

  @Test
  void aChannelThisNodeDoesNotHaveIs422SayingSo() {
    String token = newcomer("cp.zalo");
    created(post(token, Persons.email("cp.zalo@hanoi.gov.vn")));
    HttpResponse<Buffer> r = post(token, Persons.point("zalo", "8412345"));
    refused(r, 422, "channel_unavailable", "channel");
    assertTrue(r.bodyAsJsonObject().getString("message").contains("zalo is not configured on this node"), r.bodyAsString());
  }

  @Test
  void theSameChannelAndAddressTwiceIs409() {
    String token = newcomer("cp.twice");
    created(post(token, Persons.email("cp.twice@hanoi.gov.vn")));
    created(post(token, Persons.point("sms", "+84914000002")));
    refused(post(token, Persons.point("sms", "+84914000002")), 409, "duplicate");
    refused(post(token, Persons.email("cp.twice@hanoi.gov.vn")), 409, "duplicate");
  }

  @Test
  void theFirstContactPointOfAPersonMustBeAnEmail() {
    String token = newcomer("cp.sms.first");
    refused(post(token, Persons.point("sms", "+84914000003")), 409, "email_required");
    assertTrue(mine(token).isEmpty());
    created(post(token, Persons.email("cp.sms.first@hanoi.gov.vn")));
    created(post(token, Persons.point("sms", "+84914000003")));
  }

  @Test
  void theLastEmailCannotBeRemovedButEitherOfTwoCan() {
    String token = newcomer("cp.emails");
    long first = created(post(token, Persons.email("one@hanoi.gov.vn")));
    long sms = created(post(token, Persons.point("sms", "+84914000004")));
    refused(api.send(HttpMethod.DELETE, ME + "/" + first, token, null), 409, "last_email");
    long second = created(post(token, Persons.email("two@hanoi.gov.vn")));
    assertEquals(204, api.send(HttpMethod.DELETE, ME + "/" + first, token, null).statusCode());
    refused(api.send(HttpMethod.DELETE, ME + "/" + second, token, null), 409, "last_email");
    assertEquals(204, api.send(HttpMethod.DELETE, ME + "/" + sms, token, null).statusCode(), "other channels go freely");
    refused(api.send(HttpMethod.DELETE, ME + "/" + sms, token, null), 404, "not_found");
    assertEquals(List.of("two@hanoi.gov.vn"), mine(token).stream().map(i -> i.getString("address")).toList());
  }

  @Test
  void aPersonChangesOrderFallbackAndQuietHoursButNotTheChannelOrAddress() {
    String token = newcomer("cp.changes");
    long id = created(post(token, Persons.email("cp.changes@hanoi.gov.vn")));
    JsonObject night = new JsonObject().put("from", "22:00").put("to", "06:00");

    HttpResponse<Buffer> r = api.send(HttpMethod.PATCH, ME + "/" + id, token,
        new JsonObject().put("position", 5).put("fallbackOnly", true).put("quietHours", night));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(5, r.bodyAsJsonObject().getInteger("position"));
    assertTrue(r.bodyAsJsonObject().getBoolean("fallbackOnly"));
    assertEquals(night, r.bodyAsJsonObject().getJsonObject("quietHours"));
    JsonObject cleared = api.send(HttpMethod.PATCH, ME + "/" + id, token, new JsonObject().put("quietHours", null)).bodyAsJsonObject();
    assertNull(cleared.getValue("quietHours"));
    assertEquals(5, cleared.getInteger("position"), "what is not sent stays");

    refused(api.send(HttpMethod.PATCH, ME + "/" + id, token, new JsonObject()), 400, "validation_failed");
    refused(api.send(HttpMethod.PATCH, ME + "/" + id, token, new JsonObject().put("address", "x@hanoi.gov.vn")), 400, "validation_failed");
    refused(api.send(HttpMethod.PATCH, ME + "/" + id, token, new JsonObject().put("quietHours",
        new JsonObject().put("from", "7h").put("to", "08:00"))), 400, "validation_failed", "quietHours.from");
    refused(api.send(HttpMethod.PATCH, ME + "/424242", token, new JsonObject().put("position", 1)), 404, "not_found");
  }

  @Test
  void someoneElsesContactPointIs403OnOnesOwnRoutes() {
    long sres = mine(api.token("sre")).get(0).getLong("id");
    String operator = api.token("operator");
    refused(api.send(HttpMethod.PATCH, ME + "/" + sres, operator, new JsonObject().put("position", 3)), 403, "forbidden");
    refused(api.send(HttpMethod.DELETE, ME + "/" + sres, operator, null), 403, "forbidden");
    refused(api.send(HttpMethod.POST, ME + "/" + sres + "/test", operator, null), 403, "forbidden");
    assertEquals(0, mine(api.token("sre")).get(0).getInteger("position"), "unchanged");
  }

  @Test
  void onlyAdminsManageOtherPeoplesContactPoints() {
    String operator = api.token("operator");
    String admin = persons.admin();
    refused(api.send(HttpMethod.GET, "/api/v1/users/sre/contact-points", operator, null), 403, "forbidden");
    refused(api.send(HttpMethod.POST, "/api/v1/users/sre/contact-points", operator, Persons.point("sms", "+84914000005")),
        403, "forbidden");

    HttpResponse<Buffer> list = api.send(HttpMethod.GET, "/api/v1/users/sre/contact-points", admin, null);
    assertEquals(200, list.statusCode(), list.bodyAsString());
    assertEquals("sre@localhost", list.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("address"));
    HttpResponse<Buffer> added = api.send(HttpMethod.POST, "/api/v1/users/sre/contact-points", admin,
        Persons.point("sms", "+84914000005").put("fallbackOnly", true));
    long id = created(added);
    assertEquals("/api/v1/users/sre/contact-points/" + id, added.getHeader("Location"));
    HttpResponse<Buffer> patched = api.send(HttpMethod.PATCH, "/api/v1/users/sre/contact-points/" + id, admin,
        new JsonObject().put("fallbackOnly", false));
    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    long operatorsEmail = mine(operator).get(0).getLong("id");
    refused(api.send(HttpMethod.PATCH, "/api/v1/users/sre/contact-points/" + operatorsEmail, admin,
        new JsonObject().put("position", 2)), 404, "not_found");
    refused(api.send(HttpMethod.GET, "/api/v1/users/nobody.at.all/contact-points", admin, null), 404, "not_found");
    assertEquals(204, api.send(HttpMethod.DELETE, "/api/v1/users/sre/contact-points/" + id, admin, null).statusCode());
  }

  @Test
  void everyChangeIsAuditedWithWhoForWhomAndTheAddressMasked() {
    String token = newcomer("cp.audited");
    long email = created(post(token, Persons.email("cp.audited@hanoi.gov.vn")));
    long sms = created(post(token, Persons.point("sms", "+84914000006")));
    api.send(HttpMethod.PATCH, ME + "/" + sms, token, new JsonObject().put("fallbackOnly", true));
    api.send(HttpMethod.DELETE, ME + "/" + sms, token, null);
    api.send(HttpMethod.POST, "/api/v1/users/cp.audited/contact-points", persons.admin(), Persons.point("sms", "+84914000007"));

    HttpResponse<Buffer> audit = api.send(HttpMethod.GET, "/api/v1/audit?limit=50", persons.admin(), null);
    List<JsonObject> entries = audit.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(e -> "cp.audited".equals(e.getString("target")) && e.getString("action").startsWith("contact_point.")).toList();
    assertEquals(List.of("contact_point.create", "contact_point.delete", "contact_point.update", "contact_point.create",
        "contact_point.create"), entries.stream().map(e -> e.getString("action")).toList(), "newest first");
    JsonObject update = entries.get(2);
    assertEquals("cp.audited", update.getString("actor"));
    assertEquals(new JsonArray().add("fallbackOnly"), update.getJsonObject("details").getJsonArray("fields"));
    assertEquals(sms, update.getJsonObject("details").getLong("id"));
    assertEquals("+84******006", update.getJsonObject("details").getString("address"));
    assertEquals("admin", entries.get(0).getString("actor"));
    assertEquals("c***@hanoi.gov.vn", entries.get(4).getJsonObject("details").getString("address"));
    assertEquals(email, entries.get(4).getJsonObject("details").getLong("id"));
    assertFalse(audit.bodyAsString().contains("+84914000006"), "no full number in the audit log");
  }

  @Test
  void aTestMessageArrivesOnTheChosenChannelAndIsAudited() throws Exception {
    String token = newcomer("cp.tester");
    long id = created(post(token, Persons.email("cp.tester@hanoi.gov.vn")));

    HttpResponse<Buffer> r = api.send(HttpMethod.POST, ME + "/" + id + "/test", token, null);

    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject sent = r.bodyAsJsonObject();
    assertEquals("sent", sent.getString("status"));
    assertEquals("contact-point-test:" + id, sent.getString("ref"));
    assertEquals("email", sent.getJsonArray("attempts").getJsonObject(0).getString("channel"));
    assertEquals("Thử kênh thông báo cityops", mailbox.await("cp.tester@hanoi.gov.vn", 1).get(0).getSubject());
    assertNotNull(api.row("SELECT id FROM audit_log WHERE action = 'contact_point.test' AND target = 'cp.tester' "
        + "AND outcome = 'success'"));
    refused(api.send(HttpMethod.POST, ME + "/424242/test", token, null), 404, "not_found");
  }

  @Test
  void testingOverAndOverIsStoppedByThePerPersonRateLimit() {
    String token = newcomer("cp.spammer");
    long id = created(post(token, Persons.email("cp.spammer@hanoi.gov.vn")));
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 25 && (last == null || last.statusCode() == 200); i++) {
      last = api.send(HttpMethod.POST, ME + "/" + id + "/test", token, null);
    }
    refused(last, 429, "rate_limited");
    assertEquals("60", last.getHeader("Retry-After"));
    assertEquals(node.config().notifications().maxPerPersonPerMinute(), mailbox.to("cp.spammer@hanoi.gov.vn").size());
  }

  @Test
  void aSignedInPageGetsTheKeyToSubscribeItsBrowserWith() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/notify/vapid-public-key", api.token("leader"), null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(65, PushBrowser.UNB64.decode(r.bodyAsJsonObject().getString("publicKey")).length);
  }
}
