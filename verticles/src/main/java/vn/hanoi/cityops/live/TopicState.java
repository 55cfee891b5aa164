package vn.hanoi.cityops.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One topic's numbered history: its current data (key → value) and its most recent deltas, so a
 * subscriber gets a snapshot, and a subscriber that comes back with its last sequence number gets
 * exactly the deltas it missed, or learns they are gone. Thread-safe; pure (no Vert.x).
 * <p>A delta carries the latest value of every key that changed, so applying a delta whose range starts
 * before what a client already has is harmless: that is what lets a client resume on another node.
 */
final class TopicState {
  /** Changes since {@code prevSeq}, up to and including {@code seq}; a null value removes the key. */
  record Delta(long prevSeq, long seq, Map<String, Object> changes) {
  }

  record Snapshot(long seq, Map<String, Object> data) {
  }

  private final int capacity;
  private final Map<String, Object> data = new LinkedHashMap<>();
  private final ArrayDeque<Delta> recent = new ArrayDeque<>();
  private long seq;

  TopicState(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Applies the values at sequence {@code newSeq}; answers the delta of what actually changed, or null
   * when nothing did or {@code newSeq} is not past the current sequence.
   */
  synchronized Delta apply(long newSeq, Map<String, ?> values) {
    if (newSeq <= seq) {
      return null;
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (!Objects.equals(data.get(key), value) || (value == null && data.containsKey(key))) {
        changes.put(key, value);
      }
    });
    if (changes.isEmpty()) {
      return null;
    }
    changes.forEach((key, value) -> {
      if (value == null) {
        data.remove(key);
      } else {
        data.put(key, value);
      }
    });
    Delta delta = new Delta(seq, newSeq, changes);
    seq = newSeq;
    recent.addLast(delta);
    if (recent.size() > capacity) {
      recent.removeFirst();
    }
    return delta;
  }

  /** The full state as read at start, at sequence {@code loadedSeq}; no delta (nobody can be behind it). */
  synchronized void load(long loadedSeq, Map<String, ?> values) {
    values.forEach((key, value) -> {
      if (value != null) {
        data.put(key, value);
      }
    });
    seq = Math.max(seq, loadedSeq);
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(seq, new LinkedHashMap<>(data));
  }

  synchronized long seq() {
    return seq;
  }

  /**
   * The deltas after {@code lastSeq}, when the buffer still covers the gap (possibly empty when the
   * client is current); null when they are gone or {@code lastSeq} is unknown here: send a snapshot.
   */
  synchronized List<Delta> since(long lastSeq) {
    if (lastSeq == seq) {
      return List.of();
    }
    if (lastSeq > seq || recent.isEmpty()) {
      return null;
    }
    List<Delta> missed = new ArrayList<>();
    Iterator<Delta> it = recent.descendingIterator();
    while (it.hasNext()) {
      Delta d = it.next();
      missed.add(0, d);
      if (d.prevSeq() <= lastSeq) {
        return missed;
      }
    }
    return null;
  }
}
