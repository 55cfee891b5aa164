package vn.hanoi.cityops.app;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two real Hazelcast members sharing one PostgreSQL, as two nodes of the city's deployment. */
@ClusterTest
class ClusterIT {
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

  @Test
  void eventAcceptedByOneNodeIsObservedOnTheOther() throws Exception {
    Promise<Object> signalled = Promise.promise();
    Api.await(b.vertx().eventBus().consumer(Addresses.FEED_CHANGED, msg -> signalled.tryComplete(msg.body())).completion());
    LiveClient screenOnB = LiveClient.connect(b.vertx(), b, apiB.token("operator")).subscribe("systems", null);

    assertEquals(202, apiA.postEvents(Events.health("cl-1", "DATACENTER", "degraded").encode()).statusCode());

    assertNull(signalled.future().await(10, TimeUnit.SECONDS), "node A's commit reaches node B as an empty signal");
    JsonObject seen = screenOnB.next(m -> "degraded".equals(
        screenOnB.state("systems").getJsonObject("DATACENTER", new JsonObject()).getString("status")));
    assertTrue(seen.getLong("seq") > 0, "node B's screen has it at a sequence number of the shared feed");
    screenOnB.assertNothingMissed();
    screenOnB.close();
  }

  @Test
  void sameEventSentToBothNodesIsStoredOnce() {
    String body = Events.array(Events.dossier("cl-dup", "DA-07", "H-cl", "received"));

    JsonObject first = apiA.postEvents(body).bodyAsJsonObject();
    JsonObject second = apiB.postEvents(body).bodyAsJsonObject();

    assertEquals(1, first.getInteger("accepted") + second.getInteger("accepted"));
    assertEquals(1, first.getInteger("duplicates") + second.getInteger("duplicates"));
    assertEquals(1, apiA.count("SELECT count(*) FROM event WHERE event_id = 'cl-dup'"));
  }

  @Test
  void keyRevokedOnOneNodeIsRefusedByTheOther() {
    String adminA = apiA.token("admin");
    JsonObject created = apiA.send(io.vertx.core.http.HttpMethod.POST, "/api/v1/admin/api-keys", adminA,
        new JsonObject().put("name", "cluster-revoke").put("systems", new JsonArray().add("WAN"))).bodyAsJsonObject();
    String secret = created.getString("key");
    assertEquals(202, apiB.postEvents(Events.health("cr-1", "WAN", "up").encode(), "application/json", secret).statusCode());

    apiA.send(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/admin/api-keys/" + created.getLong("id"), adminA, null);

    // Node B refreshes its keys every apiKeys.refreshMs (500 ms here): it is asked until it refuses.
    int status = Wait.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> apiB.postEvents(Events.health(
            "cr-" + System.nanoTime(), "WAN", "up").encode(), "application/json", secret).statusCode(), s -> s == 401,
        "node B refuses the revoked key");
    assertEquals(401, status, "node B refuses the revoked key within seconds");
  }

  @Test
  void bothNodesAreReadyAndClustered() {
    JsonObject ready = apiB.get("/ready").bodyAsJsonObject();
    assertEquals("READY", ready.getString("status"));
    assertTrue(ready.getJsonObject("checks").getJsonObject("cluster").getBoolean("clustered"));
  }
}
