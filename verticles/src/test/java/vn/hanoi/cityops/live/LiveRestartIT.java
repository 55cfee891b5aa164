package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What screens show is rebuilt from PostgreSQL: after a restart it equals what it was. The test restarts the node on
 * its own data directory, so it starts and stops the node itself.
 */
@ExtendWith(VertxExtension.class)
class LiveRestartIT {

  private record Seen(JsonObject kpiCity, JsonObject kpiDistrict, JsonObject feedback, JsonObject systems,
                      JsonObject liveCity, JsonObject liveSystems, JsonObject liveFeedback) {
  }

  @Test
  void aggregatesAfterARestartEqualThoseBeforeIt(Vertx vertx) {
    Map<String, Object> config = Map.of("pg.dataDir", Path.of("target/test-pg/live-restart-" + System.nanoTime()).toString(),
        "pg.embeddedPort", TestNodes.freePort());
    OffsetDateTime now = OffsetDateTime.now();
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 12; i++) {
      String stage = i % 4 == 0 ? "received" : i % 4 == 1 ? "in_progress" : i % 4 == 2 ? "completed" : "returned";
      JsonObject d = Events.dossier("rs-d" + i, i % 3 == 0 ? "CG" : i % 3 == 1 ? "CG-02" : "BD", "H-rs-" + i, stage)
          .put("occurredAt", now.toString()).put("receivedAt", now.minusHours(5).toString())
          .put("dueAt", i % 5 == 0 ? now.minusHours(1).toString() : now.plusDays(2).toString());
      if ("completed".equals(stage)) {
        d.put("completedAt", now.toString());
      }
      batch.add(d);
    }
    for (int i = 0; i < 6; i++) {
      batch.add(Events.feedback("rs-f" + i, i % 2 == 0 ? "CG" : "DA", i % 3 == 0 ? "answered" : "received")
          .put("occurredAt", now.toString()));
    }
    batch.add(Events.health("rs-h1", "MOTCUA", "down").put("occurredAt", now.toString()));
    batch.add(Events.health("rs-h2", "LGSP", "degraded").put("occurredAt", now.toString()));
    Node first = TestNodes.start(config);
    Api api = new Api(vertx, first);
    Seen before;
    try {
      assertEquals(20, api.postEvents(batch.encode()).bodyAsJsonObject().getInteger("accepted"));
      awaitLiveTopicsCaughtUp(first, api); // they publish at most once a second
      before = look(vertx, first, api);
    } finally {
      api.close();
      TestNodes.stop(first);
    }

    Node second = TestNodes.start(config);
    Api again = new Api(vertx, second);
    try {
      Seen after = look(vertx, second, again);
      assertEquals(before.kpiCity(), after.kpiCity());
      assertEquals(before.kpiDistrict(), after.kpiDistrict());
      assertEquals(before.feedback(), after.feedback());
      assertEquals(before.systems(), after.systems());
      assertEquals(before.liveCity(), after.liveCity());
      assertEquals(before.liveSystems(), after.liveSystems());
      assertEquals(before.liveFeedback(), after.liveFeedback());
      assertEquals(4, after.kpiDistrict().getInteger("backlog"), "CG and its communes: " + after.kpiDistrict());
    } finally {
      again.close();
      TestNodes.stop(second);
    }
  }

  private static Seen look(Vertx vertx, Node node, Api api) {
    String token = api.token("operator");
    JsonObject city = withoutClock(api.send(HttpMethod.GET, "/api/v1/kpi/city", token, null).bodyAsJsonObject());
    JsonObject district = withoutClock(api.send(HttpMethod.GET, "/api/v1/kpi/districts/CG", token, null).bodyAsJsonObject());
    JsonObject feedback = withoutClock(api.send(HttpMethod.GET, "/api/v1/feedback/summary", token, null).bodyAsJsonObject());
    JsonObject systems = new JsonObject();
    api.send(HttpMethod.GET, "/api/v1/systems", token, null).bodyAsJsonObject().getJsonArray("items")
        .forEach(o -> systems.put(((JsonObject) o).getString("code"), ((JsonObject) o).getString("status")));
    LiveClient live = LiveClient.connect(vertx, node, token)
        .subscribe("kpi.city", null).subscribe("systems", null).subscribe("feedback", null);
    JsonObject liveCity = live.next(m -> "kpi.city".equals(m.getString("topic"))).getJsonObject("data");
    JsonObject liveSystems = live.next(m -> "systems".equals(m.getString("topic"))).getJsonObject("data");
    JsonObject liveFeedback = live.next(m -> "feedback".equals(m.getString("topic"))).getJsonObject("data");
    live.assertNothingMissed();
    live.close();
    return new Seen(city, district, feedback.getJsonObject("total", feedback), systems, liveCity, liveSystems, liveFeedback);
  }

  /**
   * Waits until each live topic has published what the stored events change: its sequence number reaches the feed
   * ordinal (position in (tx, seq) order, as {@code EventFeed} numbers them) of the last event of the type it follows.
   */
  private static void awaitLiveTopicsCaughtUp(Node node, Api api) {
    Connections hub = Connections.onNode(node.vertx(), node.meters());
    Map.of("kpi.city", "dossier", "feedback", "feedback", "systems", "system.health").forEach((topic, type) -> {
      long last = api.count("SELECT coalesce(max(ordinal), 0) FROM (SELECT type, row_number() OVER (ORDER BY tx, seq) AS ordinal "
          + "FROM event) e WHERE type = $1", type);
      Wait.until(Duration.ofSeconds(10), () -> hub.seq(topic), seq -> seq >= last,
          topic + " published up to the last " + type + " event (ordinal " + last + ")");
    });
  }

  /** The same numbers, without the moment they were read. */
  private static JsonObject withoutClock(JsonObject kpis) {
    JsonObject copy = kpis.copy();
    copy.remove("asOf");
    copy.remove("from");
    copy.remove("to");
    return copy;
  }
}
