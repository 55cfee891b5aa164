package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {

  @Test
  void deltasOfOneTopicCoalesceToTheLatestValuePerKey() {
    Outbox out = new Outbox(100);
    out.offer("systems", 1, Map.of("A", "down"));
    out.offer("systems", 2, Map.of("A", "up", "B", "down"));
    out.offer("systems", 3, Map.of("B", "up"));

    List<Outbox.Pending> pending = out.drainDeltas();

    assertEquals(1, pending.size());
    assertEquals(3, pending.get(0).seq());
    assertEquals(Map.of("A", "up", "B", "up"), pending.get(0).changes());
    assertTrue(out.isEmpty());
  }

  @Test
  void pastTheLimitPendingChangesBecomeAResyncAndMemoryStaysBounded() {
    Outbox out = new Outbox(3);
    out.offer("kpi.city", 1, Map.of("a", 1, "b", 2));
    out.offer("systems", 2, Map.of("X", 1, "Y", 2));

    assertEquals(0, out.pendingKeys());
    assertEquals(List.of("kpi.city", "systems"), out.drainResyncs());
    assertEquals(List.of(), out.drainDeltas());

    out.offer("systems", 5, Map.of("X", 9));
    assertEquals(1, out.pendingKeys(), "after the resync is taken, deltas queue again");
  }

  @Test
  void topicAwaitingResyncQueuesNothingMore() {
    Outbox out = new Outbox(1);
    out.offer("systems", 1, Map.of("X", 1, "Y", 2));
    out.offer("systems", 2, Map.of("X", 3));
    assertEquals(0, out.pendingKeys());
    assertEquals(List.of("systems"), out.drainResyncs());
  }

  @Test
  void forgettingATopicDropsItsPendingChanges() {
    Outbox out = new Outbox(10);
    out.offer("systems", 1, Map.of("X", 1));
    out.forget("systems");
    assertTrue(out.isEmpty());
    assertEquals(0, out.pendingKeys());
  }
}
