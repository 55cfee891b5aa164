package vn.hanoi.cityops.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.live.Connections;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LiveClient#assertNothingMissed()} can fail: a screen that lost a delta on the way, or got one the node never
 * published, is caught; one that got everything passes. The deltas are published straight into the node's hub, on
 * the topics of communes whose figures stay still in this test (no dossier reaches the node, so their KPI topics
 * publish nothing after their first snapshot; a topic whose key names no agency is refused as not found).
 */
@NodeTest
class LiveClientIT {

  @Test
  void aScreenThatGotEveryDeltaPasses(Vertx vertx, Node node, Api api) {
    LiveClient screen = follow(vertx, node, api, "kpi.agency.CG-01");
    long first = publish(node, "kpi.agency.CG-01", Map.of("A", 1));
    long second = publish(node, "kpi.agency.CG-01", Map.of("B", 2));
    screen.next(m -> m.getLong("seq", -1L) == second);
    screen.assertNothingMissed();
    assertTrue(second > first);
    screen.close();
  }

  @Test
  void aScreenThatLostADeltaOnTheWayIsCaught(Vertx vertx, Node node, Api api) {
    LiveClient screen = follow(vertx, node, api, "kpi.agency.CG-02");
    screen.losing(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("A"));
    publish(node, "kpi.agency.CG-02", Map.of("A", 1));
    long second = publish(node, "kpi.agency.CG-02", Map.of("B", 2));
    screen.next(m -> m.getLong("seq", -1L) == second);
    AssertionError missed = assertThrows(AssertionError.class, screen::assertNothingMissed);
    assertTrue(missed.getMessage().contains("\"A\":1"), missed.getMessage());
    screen.close();
  }

  @Test
  void aDeltaTheNodeNeverPublishedIsCaught(Vertx vertx, Node node, Api api) {
    LiveClient screen = follow(vertx, node, api, "kpi.agency.CG-03");
    Connections hub = Connections.onNode(node.vertx(), node.meters());
    long forged = hub.seq("kpi.agency.CG-03") + 5;
    hub.deliver("kpi.agency.CG-03", new JsonObject().put("topic", "kpi.agency.CG-03").put("seq", forged).put("kind", "delta")
        .put("data", new JsonObject().put("X", 9)));
    screen.next(m -> m.getLong("seq", -1L) == forged);
    AssertionError caught = assertThrows(AssertionError.class, screen::assertNothingMissed);
    assertTrue(caught.getMessage().contains("never published"), caught.getMessage());
    screen.close();
  }

  private static LiveClient follow(Vertx vertx, Node node, Api api, String topic) {
    publish(node, topic, Map.of("start", 0));
    LiveClient screen = LiveClient.connect(vertx, node, api.token("sre")).subscribe(topic, null);
    screen.next(m -> "snapshot".equals(m.getString("kind")));
    return screen;
  }

  private static long publish(Node node, String topic, Map<String, ?> values) {
    Connections hub = Connections.onNode(node.vertx(), node.meters());
    long seq = hub.seq(topic) + 1;
    hub.publish(topic, seq, values);
    return seq;
  }
}
