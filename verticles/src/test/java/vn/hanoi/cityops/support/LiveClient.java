package vn.hanoi.cityops.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.live.Connections;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client of the live hub that keeps what a screen would: per topic, the data built from
 * the snapshot and the deltas, and the sequence numbers it saw. It also logs, per topic, every snapshot, resync
 * and delta this connection received, so that {@link #assertNothingMissed()} can hold them against the node's
 * own record of what it published.
 */
public final class LiveClient {
  /** A subscription asked for without a last sequence number: the server answers with a snapshot. */
  private static final long FRESH = Long.MIN_VALUE;

  /** A topic message as received on this connection, or (kind "resume") the point a resumed subscription starts at. */
  private record Received(String kind, long seq, JsonObject data) {
  }

  private final Node node;
  private final WebSocketClient client;
  private final io.vertx.core.http.ClientWebSocket ws;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final Map<String, JsonObject> state = new HashMap<>();
  private final Map<String, List<Long>> seqs = new HashMap<>();
  private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Per topic, the topic messages of this connection in the order they arrived. */
  private final Map<String, List<Received>> log = new LinkedHashMap<>();
  /** Per topic, the last sequence numbers of the subscriptions sent and not answered yet, in order ({@link #FRESH}: none). */
  private final Map<String, ArrayDeque<Long>> asked = new HashMap<>();
  private boolean paused;
  /** Messages that are lost on the way, as if the network had dropped them: for the tests of {@link #assertNothingMissed()}. */
  private volatile Predicate<JsonObject> lost = m -> false;

  private LiveClient(Node node, WebSocketClient client) {
    this.node = node;
    this.client = client;
    this.ws = client.webSocket();
    // Listen before connecting: the server greets at once, and a frame with no handler is lost.
    ws.textMessageHandler(text -> {
      JsonObject message = new JsonObject(text);
      if (lost.test(message)) {
        return;
      }
      received.add(text.length() > 300 ? text.substring(0, 300) : text);
      inbox.add(message);
    });
  }

  public static LiveClient connect(Vertx vertx, Node node, String token) {
    return connect(vertx, node, token, new WebSocketClientOptions());
  }

  /** With client options, e.g. asking for permessage-deflate as browsers do. */
  public static LiveClient connect(Vertx vertx, Node node, String token, WebSocketClientOptions options) {
    LiveClient live = new LiveClient(node, vertx.createWebSocketClient(options));
    Api.await(live.ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(node.config().httpPort()).setURI("/ws").setAllowOriginHeader(false)
        .addHeader("Authorization", "Bearer " + token)));
    live.next(m -> "authenticated".equals(m.getString("type")));
    return live;
  }

  /** From now on, loses the messages that match {@code lost} before they reach the screen (to prove the checks see it). */
  public LiveClient losing(Predicate<JsonObject> lost) {
    this.lost = lost;
    return this;
  }

  /** A header of the server's handshake answer (the 101), null when absent. */
  public String handshakeHeader(String name) {
    return ws.headers().get(name);
  }

  public LiveClient subscribe(String topic, Long lastSeq) {
    JsonObject msg = new JsonObject().put("type", "subscribe").put("topic", topic);
    if (lastSeq != null) {
      msg.put("lastSeq", lastSeq);
    }
    asked.computeIfAbsent(topic, t -> new ArrayDeque<>()).addLast(lastSeq == null ? FRESH : lastSeq);
    ws.writeTextMessage(msg.encode());
    return this;
  }

  /** Reads messages, applying topic messages to the state, until one matches; fails after 10 s. */
  public JsonObject next(Predicate<JsonObject> wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonObject m;
      try {
        m = inbox.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (m == null) {
        continue;
      }
      apply(m);
      if (wanted.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching message within 10 s; received " + received);
  }

  private void apply(JsonObject m) {
    String topic = m.getString("topic");
    if (topic == null) {
      return;
    }
    if (m.getString("kind") == null) {
      answered(topic, m);
      return;
    }
    List<Long> seen = seqs.computeIfAbsent(topic, t -> new ArrayList<>());
    long seq = m.getLong("seq");
    if ("delta".equals(m.getString("kind"))) {
      if (!seen.isEmpty() && seq <= seen.get(seen.size() - 1)) {
        throw new AssertionError("sequence numbers of " + topic + " went from " + seen.get(seen.size() - 1) + " to " + seq);
      }
      JsonObject data = state.computeIfAbsent(topic, t -> new JsonObject());
      m.getJsonObject("data").forEach(e -> {
        if (e.getValue() == null) {
          data.remove(e.getKey());
        } else {
          data.put(e.getKey(), e.getValue());
        }
      });
    } else {
      state.put(topic, m.getJsonObject("data").copy());
    }
    seen.add(seq);
    log.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Received(m.getString("kind"), seq, m.getJsonObject("data")));
  }

  /**
   * The server's answer to a subscription (subscribed, or an error naming the topic), in the order they were sent.
   * A resumed subscription starts where the client said it was: the deltas that follow are counted from there.
   */
  private void answered(String topic, JsonObject m) {
    boolean subscribed = "subscribed".equals(m.getString("type"));
    if (!subscribed && !"error".equals(m.getString("type"))) {
      return;
    }
    ArrayDeque<Long> pending = asked.get(topic);
    Long lastSeq = pending == null ? null : pending.pollFirst();
    if (subscribed && lastSeq != null && lastSeq != FRESH) {
      log.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Received("resume", lastSeq, null));
    }
  }

  /** Applies whatever has arrived, without waiting. */
  public LiveClient drain() {
    JsonObject m;
    while ((m = inbox.poll()) != null) {
      apply(m);
    }
    return this;
  }

  public JsonObject state(String topic) {
    return state.getOrDefault(topic, new JsonObject());
  }

  public long lastSeq(String topic) {
    List<Long> seen = seqs.get(topic);
    return seen == null || seen.isEmpty() ? -1 : seen.get(seen.size() - 1);
  }

  public void pause() {
    paused = true;
    ws.pause();
  }

  public void resume() {
    paused = false;
    ws.resume();
  }

  public void close() {
    Api.await(ws.close());
    client.close();
  }

  /** Carries a screen's state over to a new connection, as a browser does when it reconnects. */
  public LiveClient takeOver(LiveClient previous) {
    state.putAll(previous.state);
    previous.seqs.forEach((t, s) -> seqs.put(t, new ArrayList<>(s)));
    return this;
  }

  /**
   * Asserts that this connection missed nothing the node it is connected to published on the topics it followed.
   * A delta message carries no range, only its sequence number, and the server may coalesce: a client that falls
   * behind gets, for each topic, one delta with the latest value of every key changed since what it last got
   * (and past a limit a resync snapshot instead). So "nothing missed" is, per topic, against the node's own
   * numbered record ({@link Connections#publishedSince}):
   * <ol>
   *   <li>every delta received at sequence number {@code s}, after the previous snapshot, resync or delta at
   *   {@code b} (or the {@code lastSeq} a resumed subscription started from), is one the node published at
   *   {@code s}, and its data is exactly the latest value of every key the node changed in {@code (b, s]} — no
   *   key missing, none stale, none extra: applied to what the client had at {@code b}, it gives the node's state
   *   at {@code s};</li>
   *   <li>and the client ends up current: it gets (within 10 s) a message at or past the sequence number the
   *   node's topic has when this check begins.</li>
   * </ol>
   * Call it on a connection that is not paused, before closing it, while the node still keeps the deltas since its
   * first snapshot on each topic (the last 600: a test's worth).
   */
  public void assertNothingMissed() {
    if (paused) {
      throw new IllegalStateException("resume the client before checking what it received");
    }
    Connections hub = Connections.onNode(node.vertx(), node.meters());
    drain();
    for (String topic : List.copyOf(log.keySet())) {
      long current = hub.seq(topic);
      Wait.until(Duration.ofSeconds(10), () -> drain().lastSeq(topic), last -> last >= current,
          "the client's last sequence number of " + topic + " reaches the node's " + current);
    }
    log.forEach((topic, messages) -> assertDeltasComplete(hub, topic, messages));
  }

  private static void assertDeltasComplete(Connections hub, String topic, List<Received> messages) {
    Long base = null;
    List<long[]> ranges = new ArrayList<>();
    List<Received> deltas = new ArrayList<>();
    for (Received r : messages) {
      if (!"delta".equals(r.kind())) {
        base = r.seq();
        continue;
      }
      if (base == null) {
        throw new AssertionError(topic + ": a delta (seq " + r.seq() + ") before any snapshot or resumed subscription");
      }
      ranges.add(new long[]{base, r.seq()});
      deltas.add(r);
      base = r.seq();
    }
    if (deltas.isEmpty()) {
      return;
    }
    long from = ranges.stream().mapToLong(range -> range[0]).min().orElseThrow();
    NavigableMap<Long, Map<String, Object>> published = hub.publishedSince(topic, from);
    if (published == null) {
      throw new AssertionError(topic + ": the node no longer keeps what it published after seq " + from
          + " (it keeps the last deltas only): check sooner");
    }
    for (int i = 0; i < deltas.size(); i++) {
      long after = ranges.get(i)[0];
      Received r = deltas.get(i);
      if (!published.containsKey(r.seq())) {
        throw new AssertionError(topic + ": got a delta at seq " + r.seq() + ", which the node never published; it published "
            + published.subMap(after, false, r.seq(), true).keySet() + " after " + after);
      }
      Map<String, Object> latest = new LinkedHashMap<>();
      published.subMap(after, false, r.seq(), true).values().forEach(latest::putAll);
      // Through the same encoding as the wire, so numbers and nested values compare as the client decoded them.
      JsonObject expected = new JsonObject(new JsonObject(latest).encode());
      if (!Objects.equals(expected, r.data())) {
        throw new AssertionError(topic + ": the delta at seq " + r.seq() + " (after " + after + ") is not what the node changed "
            + "in between (deltas " + published.subMap(after, false, r.seq(), true).keySet() + "):\n expected " + expected.encode()
            + "\n received " + r.data().encode());
      }
    }
  }
}
