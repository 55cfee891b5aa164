package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client whose socket is backed up owes more changed keys than {@code live.maxPendingKeys}: it gets a resync
 * snapshot equal to the server's state instead of the deltas, while a healthy client gets every delta.
 */
@NodeTest(config = "live.maxPendingKeys=" + LiveOverflowIT.MAX_PENDING_KEYS)
class LiveOverflowIT {
  static final int MAX_PENDING_KEYS = 3;
  private static Node node;
  private static Api api;
  private static String token;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    token = api.token("operator");
  }

  @Test
  void stalledClientOwingTooManyKeysGetsAResyncEqualToTheServerWhileAHealthyClientGetsEveryDelta(Vertx vertx) {
    LiveClient stalled = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    long snapshotSeq = stalled.next(m -> "snapshot".equals(m.getString("kind"))).getLong("seq");
    LiveClient healthy = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    healthy.next(m -> "snapshot".equals(m.getString("kind")));

    // The stalled client stops reading and asks for ~10 MB of kpi.city snapshots: the socket's buffers fill
    // and the server's write queue is full, so what "systems" owes it from now on waits in its outbox.
    // How long that takes depends on the machine's load, so probe: a health change whose delta the server must
    // park in the stalled client's outbox (cityops_live_connections_behind = 1) proves the socket is backed up;
    // deltas written before that reached the socket itself, so the client will read them before anything else.
    stalled.pause();
    long writtenUpTo = snapshotSeq;
    for (int probe = 0; ; probe++) {
      for (int i = 0; i < 10_000; i++) {
        stalled.subscribe("kpi.city", null);
      }
      // Nothing observable says when the server has worked through the subscriptions (only a probe shows whether
      // the socket backed up): give it half a second before probing.
      sleep(500);
      api.postEvents(Events.health("ovf-probe-" + probe, "OPENDATA", probe % 2 == 0 ? "degraded" : "up")
          .put("occurredAt", OffsetDateTime.now().toString()).encode());
      long seq = healthy.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("OPENDATA"))
          .getLong("seq");
      // The stalled client's copy of the delta is handed to its loop with the healthy one's: parked within 200 ms, or written.
      if (Wait.within(Duration.ofMillis(200), () -> behind() >= 1)) {
        break;
      }
      writtenUpTo = seq;
      assertTrue(probe < 20, "the stalled client's socket never backed up");
    }

    String[] systems = {"MOTCUA", "QLVB", "CKS", "HOP", "WAN", "LGSP"};
    List<Long> healthySeqs = new ArrayList<>();
    for (int i = 0; i < systems.length; i++) {
      String system = systems[i];
      api.postEvents(Events.health("ovf-" + i, system, "down").put("occurredAt", OffsetDateTime.now().toString()).encode());
      JsonObject delta = healthy.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey(system));
      healthySeqs.add(delta.getLong("seq"));
    }
    assertEquals(systems.length, healthySeqs.stream().distinct().count(), "the healthy client got one delta per change");

    stalled.resume();
    long before = writtenUpTo;
    JsonObject resync = stalled.next(m -> "systems".equals(m.getString("topic")) && m.getLong("seq") > before);
    assertEquals("resync", resync.getString("kind"), "more than " + MAX_PENDING_KEYS + " keys owed: a snapshot, not deltas");
    assertEquals(healthy.lastSeq("systems"), resync.getLong("seq"));
    assertEquals(healthy.state("systems"), stalled.state("systems"));
    for (String system : systems) {
      assertEquals("down", stalled.state("systems").getJsonObject(system).getString("status"));
    }
    LiveClient fresh = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    assertEquals(fresh.next(m -> "snapshot".equals(m.getString("kind"))).getJsonObject("data"), stalled.state("systems"),
        "the resync equals the server's state");

    // Afterwards the recovered client is back on deltas.
    api.postEvents(Events.health("ovf-after", "WAN", "up").put("occurredAt", OffsetDateTime.now().toString()).encode());
    JsonObject after = stalled.next(m -> "systems".equals(m.getString("topic")) && m.getLong("seq") > resync.getLong("seq"));
    assertEquals("delta", after.getString("kind"));
    assertTrue(after.getJsonObject("data").containsKey("WAN"));
    // …and operators see it in the metrics (Prometheus alerts on a growing count).
    String metrics = api.get("/metrics").bodyAsString();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("cityops_live_overflow_resyncs_total") && !l.endsWith(" 0.0")),
        "the overflow resync is counted");
    assertTrue(metrics.contains("cityops_live_connections_behind"), "connections behind are a gauge");
    stalled.assertNothingMissed();
    healthy.assertNothingMissed();
    fresh.assertNothingMissed();
    stalled.close();
    healthy.close();
    fresh.close();
  }

  /** The node's count of connections whose socket is backed up. */
  private static double behind() {
    return api.get("/metrics").bodyAsString().lines().filter(l -> l.startsWith("cityops_live_connections_behind"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
