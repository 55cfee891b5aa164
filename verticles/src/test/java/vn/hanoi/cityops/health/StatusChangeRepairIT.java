package vn.hanoi.cityops.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.StatusChanges;
import vn.hanoi.cityops.support.TestNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status changes are repaired after the commit, off the ingest path (V0018): nothing a crash leaves is lost. */
@ExtendWith(VertxExtension.class)
class StatusChangeRepairIT {

  @Test
  void nodeStartingAfterACrashBeforeTheRepairRepairsWhatTheCrashedNodeLeft(Vertx vertx) throws InterruptedException {
    String db = TestNodes.freshDatabaseUrl();
    Node first = TestNodes.start(Map.of("pg.url", db));
    Api api = new Api(vertx, first);
    try {
      List<JsonObject> beats = new ArrayList<>();
      String[] statuses = {"up", "degraded", "down", "up", "up", "down"};
      for (int i = 0; i < 60; i++) {
        beats.add(Events.health("crash-" + i, i % 2 == 0 ? "LGSP" : "MOTCUA", statuses[i % statuses.length])
            .put("occurredAt", "2026-11-23T08:%02d:00+07:00".formatted(i)));
      }
      assertEquals(202, api.postEvents(Events.array(beats.toArray(JsonObject[]::new))).statusCode());
      api.awaitStatusChangesRepaired();
    } finally {
      api.close();
      TestNodes.stop(first);
    }
    // As if the node had died between the commit and its repair: the cursor back where it started, no changes.
    Pool direct = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db)).using(vertx).build();
    try {
      Api.await(direct.query("DELETE FROM system_status_change").execute());
      Api.await(direct.query("UPDATE status_change_cursor SET tx = '1', seq = 0").execute());
    } finally {
      Api.await(direct.close());
    }

    Node second = TestNodes.start(Map.of("pg.url", db));
    Api again = new Api(vertx, second);
    try {
      assertTrue(StatusChanges.assertSameAsRecomputed(again) >= 40, "each system's status changed many times");
      JsonObject lgsp = again.row("SELECT count(*) AS n FROM system_status_change WHERE system_code = 'LGSP'");
      assertTrue(lgsp.getLong("n") > 0, "the started node repaired before serving");
    } finally {
      again.close();
      TestNodes.stop(second);
    }
  }
}
