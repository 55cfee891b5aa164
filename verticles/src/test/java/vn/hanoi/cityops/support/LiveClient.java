package vn.hanoi.cityops.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.app.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client of the live hub that keeps what a screen would: per topic, the data built from
 * the snapshot and the deltas, and the sequence numbers it saw.
 */
public final class LiveClient {
  private final WebSocketClient client;
  private final io.vertx.core.http.ClientWebSocket ws;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final Map<String, JsonObject> state = new HashMap<>();
  private final Map<String, List<Long>> seqs = new HashMap<>();
  private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

  private LiveClient(WebSocketClient client) {
    this.client = client;
    this.ws = client.webSocket();
    // Listen before connecting: the server greets at once, and a frame with no handler is lost.
    ws.textMessageHandler(text -> {
      received.add(text.length() > 300 ? text.substring(0, 300) : text);
      inbox.add(new JsonObject(text));
    });
  }

  public static LiveClient connect(Vertx vertx, Node node, String token) {
    return connect(vertx, node, token, new WebSocketClientOptions());
  }

  /** With client options, e.g. asking for permessage-deflate as browsers do. */
  public static LiveClient connect(Vertx vertx, Node node, String token, WebSocketClientOptions options) {
    LiveClient live = new LiveClient(vertx.createWebSocketClient(options));
    Api.await(live.ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(node.config().httpPort()).setURI("/ws").setAllowOriginHeader(false)
        .addHeader("Authorization", "Bearer " + token)));
    live.next(m -> "authenticated".equals(m.getString("type")));
    return live;
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
    if (topic == null || m.getString("kind") == null) {
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
    ws.pause();
  }

  public void resume() {
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
}
