package vn.hanoi.cityops.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import vn.hanoi.cityops.auth.TokenService;
import vn.hanoi.cityops.bus.Addresses;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's open WebSocket connections and their topics. One per node, shared by every instance of
 * the HTTP verticle (kept in a Vert.x local map), so a publisher reaches every connection of the node
 * with {@link #deliver}. Ends the connections of a session announced on {@code cityops.auth.sessions-changed}.
 * The connections themselves are kept per event loop ({@link LoopHub}): a publish is one task per loop.
 */
public final class Connections implements Shareable {
  /** Local (never clustered) shared-data map holding the node's one registry. */
  private static final String SHARED_MAP = "cityops.live";
  private static final String KEY = "connections";
  static final int MAX_TOPICS_PER_CONNECTION = 256;
  /** Deltas each topic keeps for clients that resume: at one delta per frame, about a minute. */
  static final int REPLAY_DELTAS = 600;

  /** By event-loop thread: a handful of entries (one per loop serving WebSockets). */
  private final Map<Thread, LoopHub> loops = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  /** Connections whose socket is backed up (they have an outbox): a growing number means slow screens. */
  final AtomicInteger behind = new AtomicInteger();
  /** Topics sent as a resync because a client fell too far behind. */
  final LongAdder overflowResyncs = new LongAdder();
  private final Map<String, TopicState> topics = new ConcurrentHashMap<>();
  /** One String per topic name for every connection that follows it. */
  private final Map<String, String> names = new ConcurrentHashMap<>();

  private Connections() {
  }

  /** The node's registry, made (and wired to the session-end address and the metrics) on first use. */
  public static Connections onNode(Vertx vertx, MeterRegistry meters) {
    LocalMap<String, Connections> shared = vertx.sharedData().getLocalMap(SHARED_MAP);
    Connections fresh = new Connections();
    Connections existing = shared.putIfAbsent(KEY, fresh);
    if (existing != null) {
      return existing;
    }
    vertx.eventBus().<Object>consumer(Addresses.SESSIONS_CHANGED, msg -> {
      if (msg.body() instanceof String tokenId) {
        fresh.endSession(tokenId);
      }
    });
    Gauge.builder("cityops_live_connections", fresh, Connections::size)
        .description("Open WebSocket connections on this node").register(meters);
    Gauge.builder("cityops_live_connections_behind", fresh.behind, AtomicInteger::get)
        .description("WebSocket connections whose send queue is full (updates coalesce in their outbox)").register(meters);
    FunctionCounter.builder("cityops_live_overflow_resyncs", fresh.overflowResyncs,
            LongAdder::sum)
        .description("Topics sent as a resync snapshot because a client fell too far behind").register(meters);
    return fresh;
  }

  /**
   * Sends {@code message} to every connection of this node subscribed to {@code topic}; answers how many.
   * Safe from any thread: each write is handed to the connection's own event loop.
   */
  public int deliver(String topic, JsonObject message) {
    String text = message.encode();
    int sent = 0;
    for (LoopHub loop : loops.values()) {
      for (LiveConnection connection : loop.subscriptions.subscriberList(topic)) {
        if (connection.send(text)) {
          sent++;
        }
      }
    }
    return sent;
  }

  /**
   * Publishes the latest {@code values} of topic {@code topic} at sequence {@code seq}: what changed is
   * kept for resuming clients and queued to every subscriber of this node. Safe from any thread.
   */
  public void publish(String topic, long seq, Map<String, ?> values) {
    TopicState.Delta delta = topic(topic).apply(seq, values);
    if (delta == null) {
      return;
    }
    String name = canonical(topic);
    // Encoded once (to UTF-8 bytes) for every subscriber, and handed to each event loop once for all its connections.
    EncodedText text = new EncodedText(LiveConnection.message(topic, delta.seq(), "delta", delta.changes()));
    for (LoopHub loop : loops.values()) {
      loop.publish(name, delta, text);
    }
  }

  /** Sets a topic's full state as read at start, at sequence {@code seq}. */
  public void load(String topic, long seq, Map<String, ?> values) {
    topic(topic).load(seq, values);
  }

  /**
   * The current data of a topic as this node holds it (a copy; empty before anything was loaded or published on it).
   * Read-only, from any thread: what the node's city metrics read instead of the database.
   */
  public Map<String, Object> current(String topic) {
    TopicState state = topics.get(topic);
    return state == null ? Map.of() : state.snapshot().data();
  }

  /** The current sequence number of a topic (0 before anything was published on it). */
  public long seq(String topic) {
    return topic(topic).seq();
  }

  /**
   * What this node published on {@code topic} after sequence number {@code afterSeq}, as it keeps it for resuming
   * clients (the last {@value #REPLAY_DELTAS} deltas): each delta's changes (latest value per key, null removes
   * the key) by its sequence number, oldest first; the first one's changes may date from before {@code afterSeq}
   * (its range covers it). Empty when {@code afterSeq} is the topic's current sequence number; null when the
   * node no longer keeps every delta after it. Read-only, for checks that a client missed nothing.
   */
  public NavigableMap<Long, Map<String, Object>> publishedSince(String topic, long afterSeq) {
    TopicState state = topics.get(topic);
    List<TopicState.Delta> deltas = state == null ? null : state.since(afterSeq);
    if (deltas == null) {
      return null;
    }
    NavigableMap<Long, Map<String, Object>> bySeq = new TreeMap<>();
    deltas.forEach(d -> bySeq.put(d.seq(), Collections.unmodifiableMap(d.changes())));
    return Collections.unmodifiableNavigableMap(bySeq);
  }

  /**
   * The one instance of a topic name that every connection keeps (in its subscriptions and sequence
   * numbers): no copy per socket, and delivery compares names by identity. Only for topics a client may
   * follow, so the map stays as small as the set of topics.
   */
  String canonical(String name) {
    return names.computeIfAbsent(name, n -> n);
  }

  TopicState topic(String name) {
    return topics.computeIfAbsent(name, n -> new TopicState(REPLAY_DELTAS));
  }

  public int size() {
    int size = 0;
    for (LoopHub loop : loops.values()) {
      size += loop.size();
    }
    return size;
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  /** The hub of the calling event loop, made on its first connection. Call on an event loop. */
  LoopHub loop(Vertx vertx, TokenService tokens, TopicAccess access, LiveSettings settings) {
    Context context = vertx.getOrCreateContext();
    if (!Context.isOnEventLoopThread()) {
      throw new IllegalStateException("WebSocket connections live on event loops");
    }
    return loops.computeIfAbsent(Thread.currentThread(), t -> new LoopHub(vertx, context, this, tokens, access, settings));
  }

  /** Called by a hub on its loop when its last connection closed. */
  void forget(Thread loop, LoopHub hub) {
    loops.remove(loop, hub);
  }

  /** Closes every connection signed in with the session {@code tokenId} (signed out, here or on another node). */
  void endSession(String tokenId) {
    for (LoopHub loop : loops.values()) {
      loop.endSession(tokenId);
    }
  }
}
