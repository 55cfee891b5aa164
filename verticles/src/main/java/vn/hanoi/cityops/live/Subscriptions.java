package vn.hanoi.cityops.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which connection follows which topic, both ways round. Pure bookkeeping with no Vert.x: the HTTP
 * verticle runs several instances, so connections of one node live on several event loops and every
 * method is synchronized (each holds the lock for a few map operations only).
 *
 * @param <C> what identifies a connection (equality by identity is fine)
 */
public final class Subscriptions<C> {
  /** What a subscribe request came to. */
  public enum Result { SUBSCRIBED, ALREADY_SUBSCRIBED, LIMIT_REACHED }

  private final int maxTopicsPerConnection;
  private final Map<C, Set<String>> byConnection = new HashMap<>();
  private final Map<String, Set<C>> byTopic = new HashMap<>();

  /** {@code maxTopicsPerConnection}: a client cannot grow the maps without bound (topics name agencies). */
  public Subscriptions(int maxTopicsPerConnection) {
    if (maxTopicsPerConnection < 1) {
      throw new IllegalArgumentException("maxTopicsPerConnection must be at least 1");
    }
    this.maxTopicsPerConnection = maxTopicsPerConnection;
  }

  public synchronized Result subscribe(C connection, String topic) {
    Set<String> topics = byConnection.computeIfAbsent(connection, c -> new HashSet<>());
    if (topics.contains(topic)) {
      return Result.ALREADY_SUBSCRIBED;
    }
    if (topics.size() >= maxTopicsPerConnection) {
      return Result.LIMIT_REACHED;
    }
    topics.add(topic);
    byTopic.computeIfAbsent(topic, t -> new HashSet<>()).add(connection);
    return Result.SUBSCRIBED;
  }

  /** True when the connection did follow the topic. */
  public synchronized boolean unsubscribe(C connection, String topic) {
    Set<String> topics = byConnection.get(connection);
    if (topics == null || !topics.remove(topic)) {
      return false;
    }
    if (topics.isEmpty()) {
      byConnection.remove(connection);
    }
    forget(topic, connection);
    return true;
  }

  /** Forgets a closed connection; answers the topics it followed. */
  public synchronized Set<String> removeAll(C connection) {
    Set<String> topics = byConnection.remove(connection);
    if (topics == null) {
      return Set.of();
    }
    topics.forEach(topic -> forget(topic, connection));
    return Set.copyOf(topics);
  }

  /** A snapshot: delivering to it happens outside the lock. */
  public synchronized Set<C> subscribers(String topic) {
    Set<C> connections = byTopic.get(topic);
    return connections == null ? Set.of() : Set.copyOf(connections);
  }

  public synchronized Set<String> topics(C connection) {
    Set<String> topics = byConnection.get(connection);
    return topics == null ? Set.of() : Set.copyOf(topics);
  }

  /** Topics with at least one subscriber. */
  public synchronized int topicCount() {
    return byTopic.size();
  }

  public int maxTopicsPerConnection() {
    return maxTopicsPerConnection;
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
