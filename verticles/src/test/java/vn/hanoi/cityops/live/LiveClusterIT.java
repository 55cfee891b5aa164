package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live hub across two real Hazelcast members sharing one PostgreSQL. */
@ClusterTest
class LiveClusterIT {
  private static Node a;
  private static Node b;
  private static Api apiA;
  private static Api apiB;

  @BeforeAll
  static void start(Cluster cluster) {
    a = cluster.a();
    b = cluster.b();
    apiA = cluster.apiA();
    apiB = cluster.apiB();
  }

  private static void heartbeat(Api api, String system, String status) {
    api.postEvents(Events.health("cl-" + UUID.randomUUID(), system, status).put("occurredAt", OffsetDateTime.now().toString()).encode());
  }

  private static long seq(Node node) {
    return Connections.onNode(node.vertx(), node.meters()).seq("systems");
  }

  private static void awaitSameSeq() {
    Wait.until(Duration.ofSeconds(5), () -> seq(a) == seq(b), "both nodes at the same systems seq");
  }

  @Test
  void screenOnNodeBSeesAnEventIngestedOnNodeA(Vertx vertx) {
    LiveClient onB = LiveClient.connect(vertx, b, apiB.token("operator")).subscribe("systems", null);
    onB.next(m -> "snapshot".equals(m.getString("kind")));

    heartbeat(apiA, "OPENDATA", "down");

    onB.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("OPENDATA")
        && "down".equals(m.getJsonObject("data").getJsonObject("OPENDATA").getString("status")));
    onB.assertNothingMissed();
    onB.close();
  }

  @Test
  void bothNodesNumberTheSameStateTheSameAndAScreenResumesOnTheOtherNode(Vertx vertx) {
    LiveClient onA = LiveClient.connect(vertx, a, apiA.token("operator")).subscribe("systems", null);
    onA.next(m -> "snapshot".equals(m.getString("kind")));
    heartbeat(apiA, "BAOCAO", "degraded");
    onA.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("BAOCAO"));
    long lastSeq = onA.lastSeq("systems");
    onA.assertNothingMissed();
    onA.close();

    heartbeat(apiB, "GIAOBAN", "down");
    heartbeat(apiA, "CSDL-DANCU", "degraded");
    awaitSameSeq();
    assertEquals(seq(a), seq(b), "the same events carry the same sequence number on both nodes");

    LiveClient onB = LiveClient.connect(vertx, b, apiB.token("operator")).takeOver(onA).subscribe("systems", lastSeq);
    JsonObject first = onB.next(m -> m.getString("kind") != null);
    assertEquals("delta", first.getString("kind"), "node B replays what the screen missed on node A");
    Wait.until(Duration.ofSeconds(5), () -> onB.drain().lastSeq("systems") >= seq(b), "the resumed screen reaches node B's seq");
    assertEquals(seq(b), onB.lastSeq("systems"));
    LiveClient fresh = LiveClient.connect(vertx, b, apiB.token("operator")).subscribe("systems", null);
    assertEquals(fresh.next(m -> "snapshot".equals(m.getString("kind"))).getJsonObject("data"), onB.state("systems"));
    onB.assertNothingMissed();
    onB.close();
    fresh.close();
  }
}
