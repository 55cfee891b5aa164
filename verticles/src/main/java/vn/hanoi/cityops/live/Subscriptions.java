package vn.hanoi.cityops.live;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connection follows which topic, both ways round. Pure bookkeeping with no Vert.x: the HTTP
 * verticle runs several instances, so connections of one node live on several event loops and every
 * method is synchronized (each holds the lock for a few map operations only). A connection's own topics are
 * an exact-size array, not a set: it follows a handful, and thousands of idle connections each holding a
 * hash set cost more memory than their sockets' buffers.
 *
 * @param <C> what identifies a connection (equality by identity is fine)
 */
public final class Subscriptions<C> {
  /** What a subscribe request came to. */
  public enum Result { SUBSCRIBED, ALREADY_SUBSCRIBED, LIMIT_REACHED }

  private final int maxTopicsPerConnection;
  private final Map<C, String[]> byConnection = new HashMap<>();
  private final Map<String, Set<C>> byTopic = new HashMap<>();

  /** {@code maxTopicsPerConnection}: a client cannot grow the maps without bound (topics name agencies). */
  public Subscriptions(int maxTopicsPerConnection) {
    if (maxTopicsPerConnection < 1) {
      throw new IllegalArgumentException("maxTopicsPerConnection must be at least 1");
    }
    this.maxTopicsPerConnection = maxTopicsPerConnection;
  }

  public synchronized Result subscribe(C connection, String topic) {
    String[] topics = byConnection.getOrDefault(connection, NONE);
    if (indexOf(topics, topic) >= 0) {
      return Result.ALREADY_SUBSCRIBED;
    }
    if (topics.length >= maxTopicsPerConnection) {
      return Result.LIMIT_REACHED;
    }
    String[] more = Arrays.copyOf(topics, topics.length + 1);
    more[topics.length] = topic;
    byConnection.put(connection, more);
    byTopic.computeIfAbsent(topic, t -> new HashSet<>()).add(connection);
    return Result.SUBSCRIBED;
  }

  /** True when the connection did follow the topic. */
  public synchronized boolean unsubscribe(C connection, String topic) {
    String[] topics = byConnection.get(connection);
    int i = topics == null ? -1 : indexOf(topics, topic);
    if (i < 0) {
      return false;
    }
    if (topics.length == 1) {
      byConnection.remove(connection);
    } else {
      String[] fewer = new String[topics.length - 1];
      System.arraycopy(topics, 0, fewer, 0, i);
      System.arraycopy(topics, i + 1, fewer, i, topics.length - i - 1);
      byConnection.put(connection, fewer);
    }
    forget(topic, connection);
    return true;
  }

  /** Forgets a closed connection; answers the topics it followed. */
  public synchronized Set<String> removeAll(C connection) {
    String[] topics = byConnection.remove(connection);
    if (topics == null) {
      return Set.of();
    }
    for (String topic : topics) {
      forget(topic, connection);
    }
    return Set.of(topics);
  }

  /** A snapshot: delivering to it happens outside the lock. */
  public synchronized Set<C> subscribers(String topic) {
    Set<C> connections = byTopic.get(topic);
    return connections == null ? Set.of() : Set.copyOf(connections);
  }

  /** The same as a list, cheaper to make: what a publisher iterates. */
  public synchronized List<C> subscriberList(String topic) {
    Set<C> connections = byTopic.get(topic);
    return connections == null ? List.of() : List.copyOf(connections);
  }

  public synchronized Set<String> topics(C connection) {
    String[] topics = byConnection.get(connection);
    return topics == null ? Set.of() : Set.of(topics);
  }

  /** Topics with at least one subscriber. */
  public synchronized int topicCount() {
    return byTopic.size();
  }

  public int maxTopicsPerConnection() {
    return maxTopicsPerConnection;
  }

  private static final String[] NONE = {};

  private static int indexOf(String[] topics, String topic) {
    for (int i = 0; i < topics.length; i++) {
      if (topics[i].equals(topic)) {
        return i;
      }
    }
    return -1;
  }

  private void forget(String topic, C connection) {
    Set<C> connections = byTopic.get(topic);
    if (connections != null) {
      connections.remove(connection);
      if (connections.isEmpty()) {
        byTopic.remove(topic);
      }
    }
  }
}
