package vn.hanoi.cityops.live;

import java.util.Arrays;

/**
 * Per topic a connection follows, the sequence number its client has: anything older is not sent again.
 * Two parallel arrays searched linearly: a connection follows a handful of topics (at most
 * {@link Connections#MAX_TOPICS_PER_CONNECTION}), and an idle socket should cost a few dozen bytes here, not
 * a hash map with boxed numbers (which also made every delivery store a new object into an old one, work
 * for the garbage collector). Not thread-safe: used on the connection's event loop only. Pure (no Vert.x).
 */
final class SentSeqs {
  /** What {@link #get} answers for a topic the client does not have. */
  static final long NONE = -1;
  private static final String[] NO_TOPICS = {};
  private static final long[] NO_SEQS = {};

  private String[] topics = NO_TOPICS;
  private long[] seqs = NO_SEQS;
  private int size;

  /** The client's sequence number for {@code topic}, or {@link #NONE}. */
  long get(String topic) {
    int i = indexOf(topic);
    return i < 0 ? NONE : seqs[i];
  }

  void put(String topic, long seq) {
    int i = indexOf(topic);
    if (i >= 0) {
      seqs[i] = seq;
      return;
    }
    if (size == topics.length) {
      int grown = Math.max(2, size * 2);
      topics = Arrays.copyOf(topics, grown);
      seqs = Arrays.copyOf(seqs, grown);
    }
    topics[size] = topic;
    seqs[size] = seq;
    size++;
  }

  void remove(String topic) {
    int i = indexOf(topic);
    if (i < 0) {
      return;
    }
    size--;
    topics[i] = topics[size];
    seqs[i] = seqs[size];
    topics[size] = null;
  }

  int size() {
    return size;
  }

  private int indexOf(String topic) {
    for (int i = 0; i < size; i++) {
      String t = topics[i];
      if (t == topic || t.equals(topic)) {
        return i;
      }
    }
    return -1;
  }
}
