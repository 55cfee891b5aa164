package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.health.StatusChangeRepair;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.StatusChanges;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent ingest statements carrying out-of-order health events of one system, with repairs of the status
 * changes running at the same time (the node's own, after each feed batch, and a second repairer standing for
 * another node): once repaired, the status changes must equal a recomputation from the event log, whatever
 * the interleaving.
 */
@NodeTest(config = "pg.poolSize=8")
class StatusChangeRaceIT {
  private static final String SYSTEM = "LGSP";
  private static Node node;
  private static Api api;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
  }

  @Test
  void concurrentOutOfOrderHealthBatchesLeaveTheSameStatusChangesAsARecomputation() throws InterruptedException {
    EventRepository repository = new EventRepository(node.database().pool());
    StatusChangeRepair otherNode = new StatusChangeRepair(node.database().pool());
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
        if (writes.size() % 10 == 0) {
          writes.add(otherNode.catchUp());
        }
        from += size;
      }
      Api.await(Future.all(writes));
    }

    assertEquals(2_400, api.count("SELECT count(*) FROM event WHERE system_code = $1", SYSTEM));
    api.awaitStatusChangesRepaired();
    assertTrue(StatusChanges.assertSameAsRecomputed(api) > 100, "the rounds made many runs of equal statuses");
  }
}
