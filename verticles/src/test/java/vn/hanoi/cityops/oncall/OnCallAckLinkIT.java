package vn.hanoi.cityops.oncall;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-tap acknowledge link in a page, taken from the mail a real SMTP server received: opening it (the page,
 * and what the page reads) acknowledges nothing, as link previewers fetch links; the POST acknowledges every firing
 * alert of the outage's group as the person paged, through the alerts' lifecycle; a second use is refused, an
 * expired or unknown link too, and a link to an outage already over.
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000"}, configFrom = OnCallAckLinkIT.Smtp.class)
class OnCallAckLinkIT {
  private static Mailbox mailbox;
  private static OnCall oncall;
  private static Api api;
  private static String primary;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Api client) {
    api = client;
    oncall = new OnCall(api);
    oncall.freeTheSystems();
    oncall.policy("ack", null, new String[]{"PT0S", "primary"});
    primary = oncall.person("ack.an", "vi");
    oncall.team("ack", oncall.person("ack.lead", "vi"), List.of(primary), List.of("DATACENTER", "CKS", "HOP"), "ack");
    oncall.rotation("ack", "primary", primary);
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  /** The token of the latest page about {@code titlePart} to the primary, once it arrived. */
  private static String pagedToken(String titlePart, int nth) {
    var mail = mailbox.await(OnCall.mail(primary), s -> s.contains(titlePart) && !s.startsWith("Đã hết"), nth,
        Duration.ofSeconds(10)).get(nth - 1);
    return OnCall.ackToken(Mailbox.text(mail));
  }

  private static HttpResponse<Buffer> peek(String token) {
    return api.get("/api/v1/oncall/ack?t=" + token);
  }

  private static HttpResponse<Buffer> use(String token) {
    return oncall.send(HttpMethod.POST, "/api/v1/oncall/ack", null, new JsonObject().put("token", token));
  }

  @Test
  void openingTheLinkAcknowledgesNothingAndTheButtonAcknowledgesTheWholeGroupOnce() {
    oncall.health("DATACENTER", "down");
    String token = pagedToken("Trung tâm dữ liệu", 1);
    oncall.health("MOTCUA", "down");
    oncall.health("LGSP", "down");
    Wait.until(Duration.ofSeconds(10), () -> oncall.alerts("?state=open"), list -> list.size() == 3
        && list.stream().allMatch(a -> "system:DATACENTER".equals(((JsonObject) a).getString("group"))),
        "the three outages in one group");

    HttpResponse<Buffer> page = api.get("/ack.html?t=" + token);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("/js/ack.js"), "the page, which reads the link and waits for a tap");
    JsonObject link = OnCall.ok(200, peek(token));
    assertEquals("usable", link.getString("status"));
    assertEquals(primary, link.getString("username"));
    assertEquals("system:DATACENTER", link.getString("group"));
    assertEquals(3L, link.getLong("firingAlerts"));
    assertEquals("/sre.html#alert=" + link.getLong("alert"), link.getString("console"));
    assertEquals(3, oncall.alerts("?state=firing").size(), "opening the link acknowledged nothing");

    JsonObject done = OnCall.ok(200, use(token));
    assertEquals(primary, done.getString("by"));
    assertEquals(3, done.getJsonArray("acknowledged").size());
    JsonArray acknowledged = oncall.alerts("?state=acknowledged");
    assertEquals(3, acknowledged.size());
    acknowledged.forEach(a -> assertEquals(primary, ((JsonObject) a).getString("acknowledgedBy")));
    assertEquals(1L, api.count("SELECT count(*) FROM audit_log WHERE action = 'oncall.ack' AND actor = $1", primary));
    assertEquals(3L, api.count("SELECT count(*) FROM audit_log WHERE action = 'alert.acknowledge' AND actor = $1", primary),
        "each alert acknowledged through its lifecycle, audited as the person");

    HttpResponse<Buffer> again = use(token);
    assertEquals(409, again.statusCode(), again.bodyAsString());
    assertEquals("link_used", again.bodyAsJsonObject().getString("error"));
    assertEquals("used", OnCall.ok(200, peek(token)).getString("status"));

    for (String system : List.of("DATACENTER", "MOTCUA", "LGSP")) {
      oncall.health(system, "up");
    }
    Wait.until(Duration.ofSeconds(10), () -> oncall.alerts("?state=open"), JsonArray::isEmpty, "all resolved");
  }

  @Test
  void anExpiredLinkIsRefusedAndSaysSo() {
    oncall.health("CKS", "down");
    String token = pagedToken("chữ ký số", 1);
    api.count("WITH t AS (UPDATE oncall_ack_token SET expires_at = now() - interval '1 second' "
        + "WHERE hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') RETURNING 1) SELECT count(*) FROM t", token);

    assertEquals("expired", OnCall.ok(200, peek(token)).getString("status"));
    HttpResponse<Buffer> r = use(token);
    assertEquals(410, r.statusCode(), r.bodyAsString());
    assertEquals("link_expired", r.bodyAsJsonObject().getString("error"));
    assertEquals("firing", oncall.openAlert("CKS").getString("state"));
  }

  @Test
  void aLinkToAnOutageThatIsOverAcknowledgesNothing() {
    oncall.health("HOP", "down");
    String token = pagedToken("họp", 1);
    oncall.health("HOP", "up");
    Wait.until(Duration.ofSeconds(10), () -> OnCall.ok(200, peek(token)).getBoolean("over"), Boolean.TRUE::equals,
        "the outage over");
    HttpResponse<Buffer> r = use(token);
    assertEquals(409, r.statusCode(), r.bodyAsString());
    assertEquals("usable", OnCall.ok(200, peek(token)).getString("status"), "not spent on nothing");
  }

  @Test
  void noLinkOrAnUnknownOneIsUnauthorized() {
    for (HttpResponse<Buffer> r : List.of(peek("not-a-token"), api.get("/api/v1/oncall/ack"), use("not-a-token"),
        oncall.send(HttpMethod.POST, "/api/v1/oncall/ack", null, new JsonObject()),
        oncall.send(HttpMethod.POST, "/api/v1/oncall/ack", null, new JsonObject().put("token", 42)))) {
      assertEquals(401, r.statusCode(), r.bodyAsString());
      assertEquals("unauthorized", r.bodyAsJsonObject().getString("error"));
    }
  }
}
