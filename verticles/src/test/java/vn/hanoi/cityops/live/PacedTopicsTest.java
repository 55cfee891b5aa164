package vn.hanoi.cityops.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A paced recompute runs on its own: the feed's next frame does not wait for it. */
@ExtendWith(VertxExtension.class)
class PacedTopicsTest {

  private static final class SlowTopics extends PacedTopics {
    final List<Promise<Map<String, Map<String, Object>>>> runs = new java.util.ArrayList<>();

    SlowTopics(Connections hub) {
      super("dossier", hub);
    }

    @Override
    protected Future<Map<String, Map<String, Object>>> compute(java.time.Instant now) {
      Promise<Map<String, Map<String, Object>>> run = Promise.promise();
      runs.add(run);
      return run.future();
    }
  }

  private static List<EventFeed.FeedEvent> dossierEvent(long ordinal) {
    return List.of(new EventFeed.FeedEvent(ordinal, ordinal, "dossier", null, null, null, null, null));
  }

  @Test
  void feedGoesOnWhileARecomputeIsUnderWayAndItsResultIsPublishedWhenDone(Vertx vertx) {
    Connections hub = Connections.onNode(vertx, new SimpleMeterRegistry());
    SlowTopics topics = new SlowTopics(hub);

    Future<Void> first = topics.onEvents(dossierEvent(7));
    assertTrue(first.succeeded(), "the feed does not wait for the recompute");
    assertEquals(1, topics.runs.size());

    assertTrue(topics.onEvents(dossierEvent(8)).succeeded());
    assertEquals(1, topics.runs.size(), "one recompute at a time");

    topics.runs.get(0).complete(Map.of("kpi.test", Map.of("received", 3)));
    assertEquals(7, hub.seq("kpi.test"), "published at the sequence number of the events it saw");
  }

  @Test
  void failedRecomputeIsTriedAgainByALaterPoll(Vertx vertx) throws Exception {
    Connections hub = Connections.onNode(vertx, new SimpleMeterRegistry());
    SlowTopics topics = new SlowTopics(hub);
    topics.onEvents(dossierEvent(5));
    topics.runs.get(0).fail("database gone");

    // PacedTopics paces itself by the wall clock: its minimum interval must really pass (the point, not a wait for something).
    Thread.sleep(PacedTopics.MIN_INTERVAL_MS + 50);
    topics.onEvents(List.of());
    assertEquals(2, topics.runs.size(), "the held-back change is recomputed");
    topics.runs.get(1).complete(Map.of("kpi.retry", Map.of("received", 1)));
    assertEquals(5, hub.seq("kpi.retry"));
  }
}
