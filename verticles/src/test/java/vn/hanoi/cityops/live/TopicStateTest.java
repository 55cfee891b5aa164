package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TopicStateTest {

  @Test
  void deltaCarriesOnlyWhatChangedAndAdvancesTheSequence() {
    TopicState t = new TopicState(10);
    t.load(5, Map.of("A", "up", "B", "up"));

    TopicState.Delta d = t.apply(7, Map.of("A", "up", "B", "down"));

    assertEquals(Map.of("B", "down"), d.changes());
    assertEquals(5, d.prevSeq());
    assertEquals(7, t.snapshot().seq());
    assertEquals(Map.of("A", "up", "B", "down"), t.snapshot().data());
  }

  @Test
  void nothingChangedOrAnOldSequenceMakesNoDelta() {
    TopicState t = new TopicState(10);
    t.apply(3, Map.of("A", 1));
    assertNull(t.apply(4, Map.of("A", 1)));
    assertNull(t.apply(3, Map.of("A", 2)));
    assertNull(t.apply(2, Map.of("A", 2)));
    assertEquals(3, t.seq());
  }

  @Test
  void nullValueRemovesTheKey() {
    TopicState t = new TopicState(10);
    t.apply(1, Map.of("A", 1, "B", 2));
    Map<String, Object> removal = new HashMap<>();
    removal.put("A", null);
    t.apply(2, removal);
    assertEquals(Map.of("B", 2), t.snapshot().data());
  }

  @Test
  void resumingClientGetsExactlyTheDeltasAfterItsSequence() {
    TopicState t = new TopicState(10);
    t.apply(10, Map.of("A", 1));
    t.apply(20, Map.of("A", 2));
    t.apply(30, Map.of("B", 1));

    List<TopicState.Delta> missed = t.since(20);

    assertEquals(1, missed.size());
    assertEquals(30, missed.get(0).seq());
    assertEquals(List.of(), t.since(30));
  }

  @Test
  void sequenceBetweenDeltasIsCoveredByTheDeltaSpanningIt() {
    TopicState t = new TopicState(10);
    t.apply(10, Map.of("A", 1));
    t.apply(20, Map.of("A", 2));
    assertEquals(List.of(20L), t.since(15).stream().map(TopicState.Delta::seq).toList(),
        "a client that saw 15 on another node gets the delta spanning 10..20");
  }

  @Test
  void deltasGoneFromTheBufferOrAnUnknownFutureSequenceMeanSnapshot() {
    TopicState t = new TopicState(2);
    for (int i = 1; i <= 5; i++) {
      t.apply(i * 10, Map.of("A", i));
    }
    assertNull(t.since(10), "the deltas after 10 were dropped");
    assertEquals(2, t.since(30).size());
    assertNull(t.since(99), "ahead of this node");
  }
}
