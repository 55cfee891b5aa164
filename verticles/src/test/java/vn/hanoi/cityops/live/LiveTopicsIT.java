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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live hub on one node: snapshot, then numbered deltas; resume without gaps; slow clients. */
@NodeTest
class LiveTopicsIT {
  private static Node node;
  private static Api api;
  private static String token;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    token = api.token("operator");
  }

  private static JsonObject heartbeat(String id, String system, String status) {
    return Events.health(id, system, status).put("occurredAt", java.time.OffsetDateTime.now().toString());
  }

  private static String status(JsonObject systems, String code) {
    return systems.getJsonObject(code).getString("status");
  }

  @Test
  void subscriberGetsEverySystemThenNumberedDeltasWithinASecond(Vertx vertx) {
    LiveClient client = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")));
    assertEquals(14, snapshot.getJsonObject("data").size(), snapshot.encode());

    long sent = System.nanoTime();
    api.postEvents(heartbeat("live-1-" + System.nanoTime(), "LGSP", "down").encode());
    JsonObject delta = client.next(m -> "delta".equals(m.getString("kind"))
        && m.getJsonObject("data").containsKey("LGSP") && "down".equals(m.getJsonObject("data").getJsonObject("LGSP").getString("status")));

    assertTrue(System.nanoTime() - sent < 1_000_000_000L, "a change reaches the screen within a second");
    assertTrue(delta.getLong("seq") > snapshot.getLong("seq"));
    assertEquals("down", status(client.state("systems"), "LGSP"));
    client.assertNothingMissed();
    client.close();
  }

  @Test
  void clientThatReconnectsWithItsLastSeqGetsExactlyWhatItMissed(Vertx vertx) {
    LiveClient first = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    first.next(m -> "snapshot".equals(m.getString("kind")));
    api.postEvents(heartbeat("rs-a-" + System.nanoTime(), "WAN", "degraded").encode());
    first.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("WAN"));
    long lastSeq = first.lastSeq("systems");
    first.assertNothingMissed();
    first.close();

    String[] systems = {"MOTCUA", "QLVB", "CKS", "HOP", "WAN"};
    for (int i = 0; i < systems.length; i++) {
      api.postEvents(heartbeat("rs-b-" + i + "-" + System.nanoTime(), systems[i], i % 2 == 0 ? "down" : "degraded").encode());
    }
    awaitSeqPast(lastSeq + systems.length - 1);

    LiveClient second = LiveClient.connect(vertx, node, token).takeOver(first).subscribe("systems", lastSeq);
    JsonObject resumed = second.next(m -> m.getString("kind") != null && m.getLong("seq") >= node_seq());
    assertEquals("delta", resumed.getString("kind"), "the missed deltas, not a snapshot");
    LiveClient fresh = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    JsonObject truth = fresh.next(m -> "snapshot".equals(m.getString("kind"))).getJsonObject("data");
    assertEquals(truth, second.state("systems"), "after the resume the screen equals the server");
    second.assertNothingMissed();
    second.close();
    fresh.close();
  }

  @Test
  void districtKpiTopicMovesWhenOneOfItsCommunesReceivesADossier(Vertx vertx) {
    LiveClient officer = LiveClient.connect(vertx, node, api.token("cg-officer")).subscribe("kpi.district.CG", null);
    JsonObject snapshot = officer.next(m -> "snapshot".equals(m.getString("kind")));
    long before = snapshot.getJsonObject("data").getJsonObject("today").getLong("received");

    String now = java.time.OffsetDateTime.now().toString();
    api.postEvents(Events.dossier("kpi-" + System.nanoTime(), "CG-05", "H-kpi-" + System.nanoTime(), "received")
        .put("occurredAt", now).put("receivedAt", now).put("dueAt", java.time.OffsetDateTime.now().plusDays(3).toString()).encode());

    JsonObject delta = officer.next(m -> "delta".equals(m.getString("kind")));
    assertEquals(before + 1, delta.getJsonObject("data").getJsonObject("today").getLong("received"));
    officer.assertNothingMissed();
    officer.close();
  }

  @Test
  void clientWhoseLastSeqIsUnknownGetsAResyncSnapshot(Vertx vertx) {
    LiveClient client = LiveClient.connect(vertx, node, token).subscribe("systems", Long.MAX_VALUE / 2);
    JsonObject m = client.next(x -> x.getString("kind") != null);
    assertEquals("resync", m.getString("kind"));
    assertEquals(14, m.getJsonObject("data").size());
    client.assertNothingMissed();
    client.close();
  }

  @Test
  void stalledClientDoesNotDelayOthersAndCatchesUpWithTheLatestState(Vertx vertx) {
    LiveClient stalled = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    stalled.next(m -> "snapshot".equals(m.getString("kind")));
    LiveClient healthy = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    healthy.next(m -> "snapshot".equals(m.getString("kind")));
    stalled.pause();

    for (int i = 0; i < 30; i++) {
      String status = i % 3 == 0 ? "down" : i % 3 == 1 ? "degraded" : "up";
      long sent = System.nanoTime();
      api.postEvents(heartbeat("slow-" + i + "-" + System.nanoTime(), "DATACENTER", status).encode());
      healthy.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("DATACENTER")
          && status.equals(m.getJsonObject("data").getJsonObject("DATACENTER").getString("status")));
      assertTrue(System.nanoTime() - sent < 1_000_000_000L, "the healthy client is served on time");
    }
    stalled.resume();
    stalled.next(m -> m.getString("kind") != null && m.getLong("seq") == healthy.lastSeq("systems"));
    assertEquals(healthy.state("systems"), stalled.state("systems"));
    stalled.assertNothingMissed();
    healthy.assertNothingMissed();
    stalled.close();
    healthy.close();
  }

  private static long node_seq() {
    return Connections.onNode(node.vertx(), node.meters()).seq("systems");
  }

  private static void awaitSeqPast(long seq) {
    Wait.until(Duration.ofSeconds(5), LiveTopicsIT::node_seq, now -> now > seq, "the node's systems seq past " + seq);
  }
}
