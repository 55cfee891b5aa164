package vn.hanoi.cityops.health;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.ingest.InternalEvents;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Silence is an outage: real nodes with {@code health.silenceFactor} 2 and test systems beating every second,
 * so a system that sent nothing for 2 s is declared down.
 */
@NodeTest(config = "health.silenceFactor=" + SilenceIT.FACTOR)
class SilenceIT {
  static final int FACTOR = 2;
  private static final long THRESHOLD_MS = 1_000L * FACTOR;
  /** The watchdog looks once a second; the answer must come within the threshold plus this. */
  private static final long GRACE_MS = 2_000;

  private static Node node;
  private static Api api;
  /** An operator's token on each node (each test database signs its own). */
  private static final Map<Api, String> OPERATOR_TOKENS = new IdentityHashMap<>();

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
  }

  @Test
  void systemSilentBeyondItsThresholdIsDownAndSilentThenUpAgainWithItsNextHeartbeat() throws Exception {
    String system = "LGSP";
    beatsEverySecond(api, system);
    LiveClient screen = LiveClient.connect(node.vertx(), node, api.token("operator")).subscribe("systems", null);
    Instant beat = heartbeat(api, "lg-1", system);

    awaitStatus(api, system, s -> "down".equals(s.getString("status")), beat);
    api.awaitStatusChangesRepaired();
    JsonObject down = status(api, system);

    assertTrue(down.getBoolean("silent"), down.encode());
    assertEquals(iso(beat.plusMillis(THRESHOLD_MS)), down.getString("since"));
    assertEquals(iso(beat), down.getString("lastHeartbeat"));
    assertEquals("Mất tín hiệu: không nhận được nhịp tim trong 2 giây", down.getString("message"));
    String id = "silence-" + system + "-" + beat.getEpochSecond();
    JsonObject stored = api.row("SELECT seq, occurred_at, status, system_code FROM event WHERE source = $1 AND event_id = $2",
        SilenceWatchdog.SOURCE, id);
    assertTrue(stored != null, "the silence is in the event log as " + id);
    assertEquals("down", stored.getString("status"));
    // the watchdog announced it: a screen following the systems shows the silence without a safety poll's delay
    screen.next(m -> "down".equals(screen.state("systems").getJsonObject(system, new JsonObject()).getString("status")));
    screen.assertNothingMissed();
    screen.close();

    Instant again = heartbeat(api, "lg-2", system);
    api.awaitStatusChangesRepaired();
    JsonObject up = status(api, system);

    assertEquals("up", up.getString("status"));
    assertFalse(up.getBoolean("silent"));
    assertEquals(iso(again), up.getString("since"));
    assertEquals(iso(again), up.getString("lastHeartbeat"));
  }

  @Test
  void anAlertOfASilentSystemCannotBeResolvedByHandWhileItStaysSilent() {
    String system = "CKS";
    beatsEverySecond(api, system);
    Instant beat = heartbeat(api, "cks-1", system);
    awaitStatus(api, system, s -> "down".equals(s.getString("status")), beat);
    String sre = api.token("sre");
    JsonObject alert = Wait.until(Duration.ofSeconds(10), () -> api.send(HttpMethod.GET, "/api/v1/alerts?state=firing&system=" + system,
        sre, null).bodyAsJsonObject().getJsonArray("items"), items -> !items.isEmpty(), "the silence's alert").getJsonObject(0);

    var refused = api.send(HttpMethod.POST, "/api/v1/alerts/" + alert.getLong("id") + "/resolve", sre, new JsonObject());
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("condition_holds", refused.bodyAsJsonObject().getString("error"));
    assertEquals("firing", api.send(HttpMethod.GET, "/api/v1/alerts/" + alert.getLong("id"), sre, null).bodyAsJsonObject()
        .getString("state"), "the outage stays on screen");
  }

  @Test
  void oneSilenceIsDeclaredOnceNotEverySecond() {
    String system = "QLVB";
    beatsEverySecond(api, system);
    Instant beat = heartbeat(api, "ql-1", system);
    awaitStatus(api, system, s -> "down".equals(s.getString("status")), beat);

    // What must not happen takes time to (not) happen: watched over two more looks of the watchdog.
    Wait.holds(Duration.ofMillis(2_500), () -> watchdogEvents(system) == 1, "one silence event, not one a second");

    assertEquals(1, api.count("SELECT count(*) FROM event WHERE source = $1 AND system_code = $2",
        SilenceWatchdog.SOURCE, system));
  }

  @Test
  void systemThatNeverReportedStaysUnknownNotDown() {
    String system = "HOP";
    beatsEverySecond(api, system);

    // Nothing may be declared while the threshold and the grace pass: watched throughout.
    Wait.holds(Duration.ofMillis(THRESHOLD_MS + GRACE_MS), () -> api.count("SELECT count(*) FROM event WHERE system_code = $1",
        system) == 0, "no event for a system that never reported");

    JsonObject s = status(api, system);
    assertEquals("unknown", s.getString("status"), s.encode());
    assertFalse(s.getBoolean("silent"));
    assertEquals(0, api.count("SELECT count(*) FROM event WHERE system_code = $1", system));
  }

  @Test
  void systemThatReportedItselfDownIsNotDeclaredSilentAgain() {
    String system = "CKS";
    beatsEverySecond(api, system);
    heartbeat(api, "cks-1", system, "down");

    // Nothing may be declared while the threshold and the grace pass: watched throughout.
    Wait.holds(Duration.ofMillis(THRESHOLD_MS + GRACE_MS), () -> watchdogEvents(system) == 0,
        "no silence declared for a system that reported itself down");

    JsonObject s = status(api, system);
    assertEquals("down", s.getString("status"));
    assertFalse(s.getBoolean("silent"), "the probe's own down report stands");
    assertEquals(0, api.count("SELECT count(*) FROM event WHERE source = $1 AND system_code = $2",
        SilenceWatchdog.SOURCE, system));
  }

  @Test
  void sameInternalEventStoredTwiceIsOneEventInTheLog() {
    InternalEvents internal = new InternalEvents(node.database().pool(), new FeedSignal(node.vertx()));
    Silence silence = new Silence("OPENDATA", OffsetDateTime.parse("2026-03-01T08:00:00+07:00"), 15);

    assertTrue(Api.await(internal.store(SilenceWatchdog.SOURCE, SilenceWatchdog.event(silence))));
    assertFalse(Api.await(internal.store(SilenceWatchdog.SOURCE, SilenceWatchdog.event(silence))));

    assertEquals(1, api.count("SELECT count(*) FROM event WHERE source = $1 AND event_id = $2",
        SilenceWatchdog.SOURCE, silence.eventId()));
  }

  /**
   * Both nodes must see the silence before either has stored it: the test holds the system's state row
   * locked until both watchdogs wait on it, so neither can see the other's event first. With ids that were
   * not deterministic, both would store one. Two nodes that share only the database (no cluster): started here.
   */
  @Test
  void twoNodesSharingOneDatabaseStoreOneEventForOneSilence(Vertx vertx) throws Exception {
    String db = TestNodes.freshDatabaseUrl();
    Node a = TestNodes.start(Map.of("health.silenceFactor", FACTOR, "pg.url", db));
    try {
      Node b = TestNodes.start(Map.of("health.silenceFactor", FACTOR, "pg.url", db));
      try {
        oneSilenceEventFromTwoNodes(vertx, a, b);
      } finally {
        TestNodes.stop(b);
      }
    } finally {
      TestNodes.stop(a);
    }
  }

  private static void oneSilenceEventFromTwoNodes(Vertx vertx, Node a, Node b) throws Exception {
    String system = "WAN";
    Api apiA = new Api(vertx, a);
    Api apiB = new Api(vertx, b);
    try (Connection lock = jdbc(a); Connection probe = jdbc(a)) {
      beatsEverySecond(apiA, system);
      Instant beat = heartbeat(apiA, "wan-1", system);
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("SELECT 1 FROM system_state WHERE system_code = '" + system + "' FOR UPDATE");
      }

      int waiting = Wait.until(until(beat.plusMillis(THRESHOLD_MS + GRACE_MS + 1_000)), Duration.ofMillis(100),
          () -> lockWaiters(probe), n -> n >= 2, "both watchdogs waiting on the locked row");
      assertEquals(2, waiting, "both watchdogs are storing the same silence");
      lock.commit();

      String id = "silence-" + system + "-" + beat.getEpochSecond();
      awaitStatus(apiB, system, s -> "down".equals(s.getString("status")), beat);
      // Both stored it, or tried: what must not happen (a second event) is watched for a watchdog look and a half.
      Wait.holds(Duration.ofMillis(1_500), () -> apiA.count("SELECT count(*) FROM event WHERE source = $1 AND system_code = $2",
          SilenceWatchdog.SOURCE, system) <= 1, "at most one silence event");
      assertEquals(1, apiA.count("SELECT count(*) FROM event WHERE source = $1 AND system_code = $2",
          SilenceWatchdog.SOURCE, system));
      assertEquals(1, apiA.count("SELECT count(*) FROM event WHERE source = $1 AND event_id = $2",
          SilenceWatchdog.SOURCE, id));
      assertTrue(status(apiA, system).getBoolean("silent"));
    } finally {
      apiA.close();
      apiB.close();
    }
  }

  /** Test systems beat every second, so silence starts after {@value #FACTOR} seconds. */
  private static void beatsEverySecond(Api api, String system) {
    assertTrue(api.row("UPDATE city_system SET heartbeat_interval_seconds = 1 WHERE code = $1 RETURNING code", system) != null);
  }

  private static Instant heartbeat(Api api, String id, String system) {
    return heartbeat(api, id, system, "up");
  }

  private static Instant heartbeat(Api api, String id, String system, String status) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, api.postEvents(Events.health(id, system, status).put("occurredAt", iso(now)).encode()).statusCode());
    return now;
  }

  private static JsonObject status(Api api, String system) {
    String token = OPERATOR_TOKENS.computeIfAbsent(api, a -> a.token("operator"));
    var r = api.send(HttpMethod.GET, "/api/v1/systems/" + system, token, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Polls until {@code done}; fails if that takes longer than the threshold plus the grace after {@code beat}. */
  private static JsonObject awaitStatus(Api api, String system, Predicate<JsonObject> done, Instant beat) {
    return Wait.until(until(beat.plusMillis(THRESHOLD_MS + GRACE_MS)), Duration.ofMillis(100), () -> status(api, system), done,
        system + " declared within threshold + 2 s");
  }

  /** From now until {@code deadline} (nothing if it has passed: one probe then). */
  private static Duration until(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static long watchdogEvents(String system) {
    return api.count("SELECT count(*) FROM event WHERE source = $1 AND system_code = $2", SilenceWatchdog.SOURCE, system);
  }

  private static int lockWaiters(Connection probe) {
    try (Statement s = probe.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity "
             + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      r.next();
      return r.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection jdbc(Node node) throws Exception {
    PgConnectOptions o = node.database().connectOptions();
    return DriverManager.getConnection("jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase(),
        o.getUser(), o.getPassword() == null ? "" : o.getPassword());
  }

  private static String iso(Instant t) {
    return t.atZone(Hanoi.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
