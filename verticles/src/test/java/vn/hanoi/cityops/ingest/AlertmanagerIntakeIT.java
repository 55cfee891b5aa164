package vn.hanoi.cityops.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/integrations/alertmanager} against a real node, with hand-written Alertmanager webhook v4
 * payloads: alerts become the health of the systems their labels name (directly, or through the configured label
 * map), a redelivery is a duplicate, and what is wrong is answered with the right 4xx.
 */
@NodeTest(config = "integrations.alertmanager.labelMap={\"job\": {\"hop-exporter\": \"HOP\"}}")
class AlertmanagerIntakeIT {
  private static final String PATH = "/api/v1/integrations/alertmanager";
  private static Api api;
  private static String operator;
  /** A key made for the Alertmanager, granted the systems these tests report. */
  private static String key;

  @BeforeAll
  static void start(Api client) {
    api = client;
    operator = api.token("operator");
    key = createKey("alertmanager-sre", new JsonArray().add("DVC-PORTAL").add("QLVB").add("BAOCAO").add("HOP").add("GIAOBAN"));
  }

  private static String createKey(String name, JsonArray systems) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/admin/api-keys", api.token("admin"),
        new JsonObject().put("name", name).put("systems", systems).put("agencies", new JsonArray()));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("key");
  }

  /** One alert as Alertmanager sends it; {@code endsAt} is its zero time while firing. */
  static JsonObject alert(String status, String fingerprint, Instant startsAt, JsonObject labels, String summary) {
    return new JsonObject().put("status", status).put("labels", labels)
        .put("annotations", new JsonObject().put("summary", summary).put("runbook_url", "https://example.org/runbook"))
        .put("startsAt", startsAt.toString())
        .put("endsAt", "resolved".equals(status) ? startsAt.plusSeconds(60).toString() : "0001-01-01T00:00:00Z")
        .put("generatorURL", "http://prometheus:9090/graph?g0.expr=up")
        .put("fingerprint", fingerprint);
  }

  static JsonObject webhook(JsonObject... alerts) {
    JsonArray list = new JsonArray();
    for (JsonObject a : alerts) {
      list.add(a);
    }
    return new JsonObject().put("version", "4").put("groupKey", "{}:{alertname=\"PortalDown\"}").put("truncatedAlerts", 0)
        .put("status", alerts[0].getString("status")).put("receiver", "cityops").put("groupLabels", new JsonObject())
        .put("commonLabels", new JsonObject()).put("commonAnnotations", new JsonObject())
        .put("externalURL", "http://alertmanager:9093").put("alerts", list);
  }

  private static JsonObject labels(String system, String severity) {
    return new JsonObject().put("alertname", "SystemProbeFailing").put("cityops_system", system).put("severity", severity);
  }

  private static HttpResponse<Buffer> deliver(String apiKey, JsonObject body) {
    return api.send(HttpMethod.POST, PATH, apiKey, body);
  }

  private static JsonObject system(String code) {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems/" + code, operator, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static JsonArray openAlerts(String system) {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/alerts?state=open&system=" + system, operator, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("items");
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Test
  void aFiringCriticalAlertTakesTheSystemDownAndOpensAnAlertThenItsResolutionBringsItUp() {
    Instant started = now().minusSeconds(120); // resolved a minute later, before now (later events do not count yet)
    HttpResponse<Buffer> firing = deliver(key, webhook(alert("firing", "a1b2c3d4e5f60718", started,
        labels("DVC-PORTAL", "critical"), "the portal answers 502 to the blackbox probe")));

    assertEquals(202, firing.statusCode(), firing.bodyAsString());
    assertEquals(new JsonObject().put("accepted", 1).put("duplicates", 0).put("skipped", new JsonArray()), firing.bodyAsJsonObject());
    JsonObject down = system("DVC-PORTAL");
    assertEquals("down", down.getString("status"));
    assertEquals("the portal answers 502 to the blackbox probe", down.getString("message"));
    Wait.until(Duration.ofSeconds(10), () -> openAlerts("DVC-PORTAL").size(), n -> n == 1,
        "cityops' own system-down rule fires for the portal");
    JsonObject stored = api.row("SELECT source, event_id, payload FROM event WHERE system_code = 'DVC-PORTAL'");
    assertEquals("alertmanager-sre", stored.getString("source"), "the events belong to the key's source");
    assertEquals("am:a1b2c3d4e5f60718:" + started + ":firing", stored.getString("event_id"));
    assertEquals("https://example.org/runbook",
        stored.getJsonObject("payload").getJsonObject("alertmanager").getJsonObject("annotations").getString("runbook_url"));

    HttpResponse<Buffer> resolved = deliver(key, webhook(alert("resolved", "a1b2c3d4e5f60718", started,
        labels("DVC-PORTAL", "critical"), "the portal answers 502 to the blackbox probe")));

    assertEquals(1, resolved.bodyAsJsonObject().getInteger("accepted"), resolved.bodyAsString());
    JsonObject up = system("DVC-PORTAL");
    assertEquals("up", up.getString("status"));
    assertEquals("resolved: the portal answers 502 to the blackbox probe", up.getString("message"));
  }

  @Test
  void aRedeliveredNotificationIsADuplicateAndTheSameAlertFiringAgainLaterIsNew() {
    Instant started = now();
    JsonObject body = webhook(alert("firing", "0f0f0f0f0f0f0f0f", started, labels("QLVB", "critical"), "QLVB down"));
    assertEquals(1, deliver(key, body).bodyAsJsonObject().getInteger("accepted"));

    HttpResponse<Buffer> again = deliver(key, body);

    assertEquals(202, again.statusCode(), again.bodyAsString());
    assertEquals(0, again.bodyAsJsonObject().getInteger("accepted"));
    assertEquals(1, again.bodyAsJsonObject().getInteger("duplicates"));
    HttpResponse<Buffer> refired = deliver(key, webhook(alert("firing", "0f0f0f0f0f0f0f0f", started.plusSeconds(600),
        labels("QLVB", "critical"), "QLVB down")));
    assertEquals(1, refired.bodyAsJsonObject().getInteger("accepted"), "a new startsAt is a new outage: " + refired.bodyAsString());
    assertEquals(2, api.count("SELECT count(*) FROM event WHERE system_code = 'QLVB'"));
  }

  @Test
  void aWarningAlertMakesTheSystemDegradedNotDown() {
    deliver(key, webhook(alert("firing", "bbbbbbbbbbbbbbbb", now(), labels("BAOCAO", "warning"), "report jobs run late")));

    assertEquals("degraded", system("BAOCAO").getString("status"));
  }

  @Test
  void aLabelOfTheConfiguredMapNamesTheSystemAndAnAlertNamingNoneIsSkippedAndReported() {
    JsonObject mapped = alert("firing", "cccccccccccccccc", now(),
        new JsonObject().put("alertname", "TargetDown").put("job", "hop-exporter"), "the meeting app's exporter is down");
    JsonObject unmapped = alert("firing", "dddddddddddddddd", now(),
        new JsonObject().put("alertname", "DiskFull").put("job", "node"), "disk full on a build host");

    HttpResponse<Buffer> r = deliver(key, webhook(unmapped, mapped));

    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals(1, r.bodyAsJsonObject().getInteger("accepted"));
    JsonObject skipped = r.bodyAsJsonObject().getJsonArray("skipped").getJsonObject(0);
    assertEquals(0, skipped.getInteger("index"));
    assertEquals("DiskFull", skipped.getString("alertname"));
    assertTrue(skipped.getString("reason").contains("cityops_system, job"), skipped.encode());
    assertEquals("down", system("HOP").getString("status"));
  }

  @Test
  void anUnknownSystemIsRefusedWith422NamingTheAlertAndNothingIsStored() {
    HttpResponse<Buffer> r = deliver(key, webhook(
        alert("firing", "eeeeeeeeeeeeeeee", now(), labels("GIAOBAN", "critical"), "fine"),
        alert("firing", "ffffffffffffffff", now(), labels("NO-SUCH-SYSTEM", "critical"), "what is this")));

    assertEquals(422, r.statusCode(), r.bodyAsString());
    assertEquals("unknown_reference", r.bodyAsJsonObject().getString("error"));
    JsonObject detail = r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0);
    assertEquals(1, detail.getInteger("index"));
    assertTrue(detail.getString("reason").contains("NO-SUCH-SYSTEM"), detail.encode());
    assertEquals(0, api.count("SELECT count(*) FROM event WHERE system_code = 'GIAOBAN'"), "all or nothing");
  }

  @Test
  void aKeyNotGrantedTheSystemIsRefusedWith403() {
    String other = createKey("alertmanager-other-team", new JsonArray().add("CKS"));

    HttpResponse<Buffer> r = deliver(other, webhook(alert("firing", "1111111111111111", now(), labels("DVC-PORTAL", "critical"), "x")));

    assertEquals(403, r.statusCode(), r.bodyAsString());
    assertEquals("forbidden", r.bodyAsJsonObject().getString("error"));
    assertEquals(0, r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getInteger("index"));
  }

  @Test
  void noKeyOrAnUnknownKeyIsRefusedWith401() {
    JsonObject body = webhook(alert("firing", "2222222222222222", now(), labels("DVC-PORTAL", "critical"), "x"));

    assertEquals(401, deliver(null, body).statusCode());
    HttpResponse<Buffer> forged = deliver("cok_not-a-key", body);
    assertEquals(401, forged.statusCode());
    assertEquals("unauthorized", forged.bodyAsJsonObject().getString("error"));
  }

  @Test
  void malformedOrMisshapenPayloadsAreRefusedWith400SayingWhatIsWrong() {
    HttpResponse<Buffer> notJson = api.sendRaw(HttpMethod.POST, PATH, key, "application/json", "{\"version\": \"4\", ");
    assertEquals(400, notJson.statusCode(), notJson.bodyAsString());
    assertEquals("malformed_json", notJson.bodyAsJsonObject().getString("error"));

    JsonObject wrongVersion = webhook(alert("firing", "3333333333333333", now(), labels("DVC-PORTAL", "critical"), "x"))
        .put("version", "3");
    wrongVersion.getJsonArray("alerts").getJsonObject(0).remove("fingerprint");
    HttpResponse<Buffer> misshapen = deliver(key, wrongVersion);
    assertEquals(400, misshapen.statusCode(), misshapen.bodyAsString());
    assertEquals("validation_failed", misshapen.bodyAsJsonObject().getString("error"));
    String fields = misshapen.bodyAsJsonObject().getJsonArray("details").encode();
    assertTrue(fields.contains("\"version\"") && fields.contains("fingerprint"), fields);

    JsonObject badTime = webhook(alert("firing", "4444444444444444", now(), labels("DVC-PORTAL", "critical"), "x"));
    badTime.getJsonArray("alerts").getJsonObject(0).put("startsAt", "yesterday");
    HttpResponse<Buffer> r = deliver(key, badTime);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("alerts.0.startsAt", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));

    HttpResponse<Buffer> text = api.sendRaw(HttpMethod.POST, PATH, key, "text/plain", "firing");
    assertEquals(415, text.statusCode(), text.bodyAsString());
  }
}
