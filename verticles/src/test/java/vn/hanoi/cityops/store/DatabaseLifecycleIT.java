package vn.hanoi.cityops.store;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's own embedded PostgreSQL: seeded by migration, kept across restarts, and its loss is a 503. The restart
 * and the lost database need a node with a data directory of its own, managed by the test.
 */
@ExtendWith(VertxExtension.class)
class DatabaseLifecycleIT {

  private static Map<String, Object> embedded(Path dir) {
    return Map.of("pg.dataDir", dir.toString(), "pg.embeddedPort", TestNodes.freePort());
  }

  @Test
  void eventsStoredBeforeARestartAreThereAfterIt(Vertx vertx) {
    Path dir = Path.of("target/test-pg/restart-" + System.nanoTime());
    String batch = Events.array(Events.health("r-1", "QLVB", "up"), Events.dossier("r-2", "TX-03", "H-r", "received"),
        Events.feedback("r-3", "TX", "received"));
    Node first = TestNodes.start(embedded(dir));
    Api api = new Api(vertx, first);
    try {
      assertEquals(3, api.postEvents(batch).bodyAsJsonObject().getInteger("accepted"));
    } finally {
      api.close();
      TestNodes.stop(first);
    }

    Node second = TestNodes.start(embedded(dir));
    Api again = new Api(vertx, second);
    try {
      assertEquals(3, again.storedEvents());
      assertEquals("H-r", again.row("SELECT dossier_id FROM dossier_state").getString("dossier_id"));
      HttpResponse<Buffer> resent = again.postEvents(batch);
      assertEquals(new JsonObject().put("accepted", 0).put("duplicates", 3), resent.bodyAsJsonObject(),
          "idempotency survives the restart");
    } finally {
      again.close();
      TestNodes.stop(second);
    }
  }

  @Test
  @NodeTest
  void referenceDataHoldsTheCityItsDepartmentsDistrictsAndCommunesAnd14Systems(Api api) {
    assertEquals(633, api.count("SELECT count(*) FROM agency"),
        () -> api.row("SELECT string_agg(level || '=' || n, ',') AS levels FROM (SELECT level, count(*) n FROM agency GROUP BY 1) t").encode());
    assertEquals(23, api.count("SELECT count(*) FROM agency WHERE level = 'city' AND parent_code = 'HN'"), "departments");
    assertEquals(1, api.count("SELECT count(*) FROM agency WHERE parent_code IS NULL"), "one root: the City People's Committee");
    assertEquals(30, api.count("SELECT count(*) FROM agency WHERE level = 'district' AND parent_code = 'HN'"));
    assertEquals(579, api.count("SELECT count(*) FROM agency WHERE level = 'commune'"));
    assertEquals(0, api.count("SELECT count(*) FROM agency c JOIN agency d ON c.parent_code = d.code "
        + "WHERE c.level = 'commune' AND (d.level <> 'district' OR c.code NOT LIKE d.code || '-__')"));
    assertEquals(8, api.count("SELECT count(*) FROM agency WHERE parent_code = 'CG'"));
    assertEquals("Cầu Giấy", api.row("SELECT name_vi FROM agency WHERE code = 'CG'").getString("name_vi"));
    assertEquals(14, api.count("SELECT count(*) FROM city_system"));
  }

  @Test
  void lostDatabaseAnswers503WithRetryAfterAndReadinessFails(Vertx vertx) {
    Node node = TestNodes.start(embedded(Path.of("target/test-pg/lost-" + System.nanoTime())));
    Api api = new Api(vertx, node);
    try {
      assertEquals(200, api.get("/ready").statusCode());
      Api.await(node.database().stopEmbeddedServer());

      HttpResponse<Buffer> r = api.postEvents(Events.health("lost-1", "WAN", "down").encode());

      assertEquals(503, r.statusCode(), r.bodyAsString());
      assertEquals("unavailable", r.bodyAsJsonObject().getString("error"));
      assertTrue(Integer.parseInt(r.getHeader("Retry-After")) > 0);
      HttpResponse<Buffer> ready = api.get("/ready");
      assertEquals(503, ready.statusCode());
      assertEquals("NOT_READY", ready.bodyAsJsonObject().getString("status"));
      assertEquals(200, api.get("/health").statusCode(), "the process is alive even without its database");
    } finally {
      api.close();
      TestNodes.stop(node);
    }
  }
}
