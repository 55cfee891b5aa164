package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.TestNodes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrent ingest statements carrying out-of-order health events of one system: the status changes kept by
 * the insert statement must equal a recomputation from the event log, whatever the interleaving.
 */
@ExtendWith(VertxExtension.class)
class StatusChangeRaceIT {
  private static final String SYSTEM = "LGSP";
  /** system_status_change as V0009 seeds it from scratch, minus what the table holds, and the other way round. */
  private static final String FROM_SCRATCH = """
      SELECT system_code, occurred_at AS at, seq, status, source, flips
      FROM (SELECT system_code, occurred_at, seq, status, source,
                   status IS DISTINCT FROM lag(status) OVER ordered AS starts_run,
                   (status = 'down') IS DISTINCT FROM lag(status = 'down') OVER ordered AS flips
            FROM event
            WHERE type = 'system.health'
            WINDOW ordered AS (PARTITION BY system_code ORDER BY occurred_at, seq)) AS e
      WHERE starts_run""";
  private static final String STORED = "SELECT system_code, at, seq, status, source, flips FROM system_status_change";

  private static Node node;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx) {
    node = TestNodes.start(Map.of("pg.poolSize", 8));
    api = new Api(vertx, node);
  }

  @AfterAll
  static void stop() {
    api.close();
    TestNodes.stop(node);
  }

  @Test
  void concurrentOutOfOrderHealthBatchesLeaveTheSameStatusChangesAsARecomputation() {
    EventRepository repository = new EventRepository(node.database().pool());
    EventValidator validator = new EventValidator();
    Random random = new Random(20261123);
    OffsetDateTime base = OffsetDateTime.of(2026, 11, 23, 1, 0, 0, 0, ZoneOffset.UTC);
    String[] statuses = {"up", "up", "degraded", "down"};
    for (int round = 0; round < 10; round++) {
      // Events a few seconds apart in time, sent in a shuffled order as many small concurrent batches: each
      // batch lands between events another batch is writing at the same moment.
      List<Object> events = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        events.add(new JsonObject().put("id", "race-" + round + "-" + i).put("type", "system.health")
            .put("occurredAt", base.plusSeconds(round * 1_000L + i * 3L).toString()).put("system", SYSTEM)
            .put("status", statuses[random.nextInt(statuses.length)]).put("latencyMs", 100));
      }
      Collections.shuffle(events, random);
      List<IncomingEvent> incoming = validator.validate(events, "race-probe");
      List<Future<?>> writes = new ArrayList<>();
      for (int from = 0; from < incoming.size(); ) {
        int size = 1 + random.nextInt(3);
        List<IncomingEvent> batch = incoming.subList(from, Math.min(incoming.size(), from + size));
        writes.add(repository.insert(batch));
        from += size;
      }
      Api.await(Future.all(writes));
    }

    assertEquals(2_400, api.count("SELECT count(*) FROM event WHERE system_code = $1", SYSTEM));
    long expected = api.count("SELECT count(*) FROM (" + FROM_SCRATCH + ") AS f");
    long missing = api.count("SELECT count(*) FROM (" + FROM_SCRATCH + " EXCEPT " + STORED + ") AS m");
    long stale = api.count("SELECT count(*) FROM (" + STORED + " EXCEPT " + FROM_SCRATCH + ") AS s");
    assertEquals(0, missing, "status changes missing from system_status_change (of " + expected + ")");
    assertEquals(0, stale, "stale rows in system_status_change (of " + expected + ")");
  }
}
