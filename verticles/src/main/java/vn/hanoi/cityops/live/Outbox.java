package vn.hanoi.cityops.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one connection still owes its client, per topic. Deltas for the same topic coalesce: a key keeps
 * only its latest value. Past {@code maxPendingKeys} the pending changes are dropped and the topic is
 * marked for a resync snapshot, so a stalled client costs bounded memory. Not thread-safe: used on the
 * connection's event loop only. Pure (no Vert.x).
 */
final class Outbox {
  /** A coalesced delta ready to send. */
  record Pending(String topic, long seq, Map<String, Object> changes) {
  }

  private final int maxPendingKeys;
  private final Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
  private final Map<String, Long> seqs = new LinkedHashMap<>();
  private final Set<String> resync = new LinkedHashSet<>();
  private int pendingKeys;

  Outbox(int maxPendingKeys) {
    this.maxPendingKeys = maxPendingKeys;
  }

  void offer(String topic, long seq, Map<String, Object> delta) {
    if (resync.contains(topic)) {
      return; // a snapshot will carry everything
    }
    Map<String, Object> pending = changes.computeIfAbsent(topic, t -> new LinkedHashMap<>());
    int before = pending.size();
    pending.putAll(delta);
    pendingKeys += pending.size() - before;
    seqs.put(topic, seq);
    if (pendingKeys > maxPendingKeys) {
      for (String t : changes.keySet()) {
        resync.add(t);
      }
      clearChanges();
    }
  }

  /** Takes every coalesced delta, oldest topic first. */
  List<Pending> drainDeltas() {
    List<Pending> out = new ArrayList<>();
    changes.forEach((topic, c) -> out.add(new Pending(topic, seqs.get(topic), c)));
    clearChanges();
    return out;
  }

  /** Takes the topics that need a fresh snapshot. */
  List<String> drainResyncs() {
    List<String> out = new ArrayList<>(resync);
    resync.clear();
    return out;
  }

  void forget(String topic) {
    Map<String, Object> c = changes.remove(topic);
    if (c != null) {
      pendingKeys -= c.size();
    }
    seqs.remove(topic);
    resync.remove(topic);
  }

  boolean isEmpty() {
    return changes.isEmpty() && resync.isEmpty();
  }

  int pendingKeys() {
    return pendingKeys;
  }

  private void clearChanges() {
    changes.clear();
    seqs.clear();
    pendingKeys = 0;
  }
}
