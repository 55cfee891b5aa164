package vn.hanoi.cityops.health;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.ingest.InternalEvents;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the status page reads for each system, from heartbeats with known times, on a real node. The heartbeats
 * are months old: a silence threshold of years keeps the watchdog from declaring them silent.
 */
@NodeTest(config = "health.silenceFactor=100000000")
class SystemStatusIT {
  private static final String SYSTEM = "OPENDATA";
  private static final String SILENCED = "BAOCAO";
  private static final String NEVER_REPORTED = "GIAOBAN";
  private static final OffsetDateTime AS_OF = at("2026-03-10T12:00:00+07:00");

  private static Node node;
  private static Api api;
  private static SystemStatusRepository repository;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    repository = new SystemStatusRepository(node.database().pool());
    // Sent out of order, in two requests: the order that counts is occurredAt.
    assertEquals(202, api.postEvents(Events.array(
        beat("st-4", SYSTEM, "up", "2026-03-10T09:00:00+07:00").put("latencyMs", 120),
        beat("st-2", SYSTEM, "degraded", "2026-03-10T06:00:00+07:00").put("latencyMs", 900)
            .put("message", "Hệ thống phản hồi chậm"))).statusCode());
    assertEquals(202, api.postEvents(Events.array(
        beat("st-5", SYSTEM, "up", "2026-03-10T10:30:00+07:00").put("latencyMs", 80),
        beat("st-1", SYSTEM, "up", "2026-03-09T10:00:00+07:00").put("latencyMs", 100),
        beat("st-3", SYSTEM, "down", "2026-03-10T08:00:00+07:00").put("message", "Mất kết nối"))).statusCode());
    api.awaitStatusChangesRepaired();
  }

  @Test
  void knownSequenceOfHeartbeatsGivesExactStatusSinceLastHeartbeatLatencyAndUptime() {
    SystemStatus s = statusOf(SYSTEM, AS_OF);

    assertEquals("up", s.status());
    assertInstant("2026-03-10T09:00:00+07:00", s.since(), "the run of 'up' began at 09:00, not at the 10:30 beat");
    assertInstant("2026-03-10T10:30:00+07:00", s.lastHeartbeat());
    assertEquals(80, s.latencyMs());
    assertNull(s.message());
    assertFalse(s.silent());
    // Today (from 00:00): 12 h covered, 1 h down (08:00-09:00); degraded counts as available.
    assertEquals(91.67, s.uptimeToday());
    // Seven days back reach before the first event (09 March 10:00): only its 26 h count, 1 h down.
    assertEquals(96.15, s.uptime7d());
  }

  @Test
  void duringTheOutageTheSystemIsDownSinceItBeganWithTheProbesMessage() {
    SystemStatus s = statusOf(SYSTEM, at("2026-03-10T08:30:00+07:00"));

    assertEquals("down", s.status());
    assertInstant("2026-03-10T08:00:00+07:00", s.since());
    assertInstant("2026-03-10T08:00:00+07:00", s.lastHeartbeat(), "a probe reporting down is still a heartbeat");
    assertNull(s.latencyMs());
    assertEquals("Mất kết nối", s.message());
    assertFalse(s.silent(), "the system's own probe reported it down");
    assertEquals(94.12, s.uptimeToday(), "8 h available of 8.5 h");
  }

  @Test
  void beforeItsFirstHeartbeatASystemIsUnknownWithoutUptime() {
    SystemStatus s = statusOf(SYSTEM, at("2026-03-09T09:59:59+07:00"));

    assertEquals("unknown", s.status());
    assertNull(s.since());
    assertNull(s.lastHeartbeat());
    assertNull(s.uptimeToday());
    assertNull(s.uptime7d());
  }

  @Test
  void silenceRecordedByTheWatchdogIsASilentDownAndNotAHeartbeat() {
    InternalEvents internal = new InternalEvents(node.database().pool(), new FeedSignal(node.vertx()));
    assertEquals(202, api.postEvents(beat("bc-1", SILENCED, "up", "2026-03-10T10:00:00+07:00").put("latencyMs", 50).encode())
        .statusCode());
    Silence silence = new Silence(SILENCED, at("2026-03-10T10:00:00+07:00"), 15);
    assertTrue(Api.await(internal.store(SilenceWatchdog.SOURCE, SilenceWatchdog.event(silence))));
    api.awaitStatusChangesRepaired();

    SystemStatus s = statusOf(SILENCED, at("2026-03-10T11:00:00+07:00"));

    assertEquals("down", s.status());
    assertTrue(s.silent());
    assertInstant("2026-03-10T10:00:15+07:00", s.since());
    assertInstant("2026-03-10T10:00:00+07:00", s.lastHeartbeat(), "the watchdog's event is not a heartbeat");
    assertNull(s.latencyMs());
    assertEquals("Mất tín hiệu: không nhận được nhịp tim trong 15 giây", s.message());
    assertEquals(0.42, s.uptimeToday(), "15 s up of the hour since the first heartbeat");
  }

  @Test
  void probeReportingDownDuringASilenceContinuesTheSameOutageNoLongerSilent() {
    String system = "HOP";
    api.postEvents(beat("hop-1", system, "up", "2026-03-10T10:00:00+07:00").encode());
    Silence silence = new Silence(system, at("2026-03-10T10:00:00+07:00"), 15);
    assertTrue(Api.await(new InternalEvents(node.database().pool(), new FeedSignal(node.vertx())).store(SilenceWatchdog.SOURCE,
        SilenceWatchdog.event(silence))));
    api.postEvents(beat("hop-2", system, "down", "2026-03-10T10:30:00+07:00").put("message", "Dịch vụ ngừng hoạt động").encode());
    api.awaitStatusChangesRepaired();

    SystemStatus s = statusOf(system, at("2026-03-10T11:00:00+07:00"));

    assertEquals("down", s.status());
    assertFalse(s.silent());
    assertInstant("2026-03-10T10:00:15+07:00", s.since(), "the outage began with the silence");
    assertInstant("2026-03-10T10:30:00+07:00", s.lastHeartbeat());
    assertEquals("Dịch vụ ngừng hoạt động", s.message());
  }

  @Test
  void listWithoutSignInIs401() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems", null, null);

    assertEquals(401, r.statusCode());
    assertEquals("unauthorized", r.bodyAsJsonObject().getString("error"));
    assertEquals(401, api.send(HttpMethod.GET, "/api/v1/systems/" + SYSTEM, null, null).statusCode());
  }

  @Test
  void agencyOfficerMayNotReadCityWideSystemHealth() {
    String officer = api.token("cg-officer");

    HttpResponse<Buffer> list = api.send(HttpMethod.GET, "/api/v1/systems", officer, null);
    HttpResponse<Buffer> one = api.send(HttpMethod.GET, "/api/v1/systems/" + SYSTEM, officer, null);

    assertEquals(403, list.statusCode());
    assertEquals("forbidden", list.bodyAsJsonObject().getString("error"));
    assertEquals(403, one.statusCode());
  }

  @Test
  void operatorSeesAllFourteenSystemsWithNamesAndAsOf() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems", api.token("operator"), null);

    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    JsonArray items = body.getJsonArray("items");
    assertEquals(14, items.size());
    OffsetDateTime asOf = OffsetDateTime.parse(body.getString("asOf"));
    assertTrue(Math.abs(asOf.toEpochSecond() - OffsetDateTime.now().toEpochSecond()) < 60, body.getString("asOf"));
    JsonObject never = item(items, NEVER_REPORTED);
    assertEquals("Hệ thống giao ban trực tuyến ba cấp", never.getString("nameVi"));
    assertEquals("Three-level online briefing system", never.getString("nameEn"));
    assertEquals("internal", never.getString("kind"));
    assertEquals("unknown", never.getString("status"));
    assertNull(never.getValue("since"));
    assertNull(never.getValue("uptimeToday"));
    assertFalse(never.getBoolean("silent"));
  }

  @Test
  void oneSystemIsServedAsTheRepositoryReadsItNow() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems/" + SYSTEM, api.token("sre"), null);

    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(SYSTEM, body.getString("code"));
    assertEquals("up", body.getString("status"));
    assertEquals("2026-03-10T09:00:00+07:00", body.getString("since"));
    assertEquals("2026-03-10T10:30:00+07:00", body.getString("lastHeartbeat"));
    assertEquals(80, body.getInteger("latencyMs"));
    assertFalse(body.getBoolean("silent"));
    SystemStatus expected = statusOf(SYSTEM, OffsetDateTime.parse(body.getString("asOf")));
    assertEquals(expected.uptimeToday(), body.getDouble("uptimeToday"));
    assertEquals(expected.uptime7d(), body.getDouble("uptime7d"));
  }

  @Test
  void unknownSystemCodeIs404() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems/NOT-A-SYSTEM", api.token("operator"), null);

    assertEquals(404, r.statusCode());
    assertEquals("not_found", r.bodyAsJsonObject().getString("error"));
  }

  private static SystemStatus statusOf(String code, OffsetDateTime asOf) {
    List<SystemStatus> all = Api.await(repository.all(asOf));
    assertEquals(14, all.size());
    SystemStatus one = Api.await(repository.one(code, asOf)).orElseThrow();
    assertEquals(all.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow(), one,
        "one system reads as it does in the list");
    return one;
  }

  /** The database answers in UTC: compare instants. */
  private static void assertInstant(String expected, OffsetDateTime actual, String... why) {
    assertTrue(actual != null && at(expected).isEqual(actual),
        "expected " + expected + ", got " + actual + (why.length > 0 ? ": " + why[0] : ""));
  }

  private static JsonObject beat(String id, String system, String status, String occurredAt) {
    JsonObject e = Events.health(id, system, status).put("occurredAt", occurredAt);
    e.remove("latencyMs");
    return e;
  }

  private static JsonObject item(JsonArray items, String code) {
    return items.stream().map(JsonObject.class::cast).filter(i -> code.equals(i.getString("code"))).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + code + " in " + items.encode()));
  }

  private static OffsetDateTime at(String iso) {
    return OffsetDateTime.parse(iso);
  }
}
