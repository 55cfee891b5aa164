package vn.hanoi.cityops.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket after the upgrade: signs it in (token checked at the upgrade, or a first
 * {@code {"type":"auth","token":…}} message within {@link #AUTH_TIMEOUT}), then answers
 * {@code subscribe}/{@code unsubscribe}, and closes it with {@link #UNAUTHENTICATED} when the token
 * expires or its session ends. Its state is touched only on its own event loop.
 */
final class LiveConnection {
  private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);
  /** Browsers cannot set headers on a WebSocket, so they get this long to send their token. */
  static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);
  /** Larger client messages are refused; nothing a client sends needs more. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;
  /** Application close code (4000–4999): like HTTP 401, sign in again. */
  static final short UNAUTHENTICATED = 4401;
  private static final int MAX_TOPIC_LENGTH = 200;
  /** The default keepalive: a ping this often ({@code live.pingIntervalSeconds}); no pong for 2.5 times as long closes. */
  static final Duration PING_INTERVAL = Duration.ofSeconds(30);
  /** Application close code: the client stopped answering pings. */
  static final short KEEPALIVE_TIMEOUT = 4408;
  private static final Buffer PING = Buffer.buffer("cityops");

  // An idle socket is mostly this object and Vert.x's own: every field here is paid per connection, so
  // the shared parts live in the loop's hub, the outbox exists only while the client is behind, and the
  // timers are deadlines checked by the hub's sweep.
  private final LoopHub hub;
  private final ServerWebSocket ws;
  private final long id;
  private final long openedAt = System.nanoTime();
  /** Ticks of the hub's sweep at which this connection is pinged, modulo {@link LoopHub#pingTicks}. */
  private final int pingPhase;
  /** Where this connection sits in its hub's list. */
  int index = -1;
  /** Read by publishers on other threads: written once on this connection's event loop. */
  private volatile Principal principal;
  private volatile boolean closing;
  private boolean authenticating;
  private boolean awaitingDrain;
  private long expiresAt = Long.MAX_VALUE;
  private long lastPong = openedAt;
  /** Made when a delta cannot be written at once, dropped once it is written. */
  private Outbox outbox;
  private final SentSeqs sentSeq = new SentSeqs();

  /** Call on the socket's event loop. */
  LiveConnection(LoopHub hub, ServerWebSocket ws) {
    this.hub = hub;
    this.ws = ws;
    this.id = hub.connections.nextId();
    this.pingPhase = (int) (hub.ticks() % hub.pingTicks);
  }

  /** {@code signedIn}: the principal of the upgrade's {@code Authorization} header, or null to wait for an auth message. */
  void start(Principal signedIn) {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(data -> onBadMessage("send JSON text messages, not binary ones"));
    ws.exceptionHandler(e -> LOG.debug("ws=error id=ws-{} reason={}", id, e.getMessage()));
    ws.closeHandler(v -> onClosed());
    ws.pongHandler(pong -> lastPong = System.nanoTime());
    hub.add(this);
    if (signedIn != null) {
      signedIn(signedIn, "header");
    }
  }

  /**
   * Whether the announcement of an ended session names this connection's: its token id, or {@code user:<id>} (all
   * of a person's sessions, as when an admin disables them or revokes a wall display).
   */
  boolean endedBy(String session) {
    Principal who = principal;
    return who != null && (session.equals(who.tokenId()) || session.equals("user:" + who.userId()));
  }

  /** Writes a text message if the connection is signed in and open; safe from any thread. */
  boolean send(String text) {
    if (closing || principal == null) {
      return false;
    }
    ws.writeTextMessage(text);
    return true;
  }

  /**
   * A topic's delta for this client, on this connection's event loop: written as encoded when nothing is
   * pending for the topic and the socket keeps up, else coalesced in the outbox.
   */
  void deliver(String topic, TopicState.Delta delta, EncodedText text) {
    long sent = sentSeq.get(topic);
    if (closing || sent == SentSeqs.NONE || delta.seq() <= sent) {
      return;
    }
    if (outbox == null && !ws.writeQueueFull()) {
      sentSeq.put(topic, delta.seq());
      text.writeTo(ws);
      return;
    }
    if (outbox == null) {
      outbox(new Outbox(hub.maxPendingKeys));
    }
    outbox.offer(topic, delta.seq(), delta.changes());
    flush();
  }

  /**
   * Writes what the client is owed, unless its socket is backed up: then deltas keep coalescing in the
   * outbox (latest value per key) until the socket drains, and past a limit become a resync snapshot.
   */
  private void flush() {
    if (closing || ws.isClosed() || outbox == null) {
      return;
    }
    if (ws.writeQueueFull()) {
      if (!awaitingDrain) {
        awaitingDrain = true;
        ws.drainHandler(v -> {
          awaitingDrain = false;
          flush();
        });
      }
      return;
    }
    Outbox owed = outbox;
    outbox(null);
    for (String topic : owed.drainResyncs()) {
      hub.connections.overflowResyncs.increment();
      sendSnapshot(topic, "resync");
    }
    for (Outbox.Pending p : owed.drainDeltas()) {
      long sent = sentSeq.get(p.topic());
      if (sent != SentSeqs.NONE && p.seq() > sent) {
        write(p.topic(), p.seq(), "delta", p.changes());
      }
    }
  }

  private void sendSnapshot(String topic, String kind) {
    TopicState.Snapshot snapshot = hub.connections.topic(topic).snapshot();
    write(topic, snapshot.seq(), kind, snapshot.data());
  }

  private void write(String topic, long seq, String kind, java.util.Map<String, Object> data) {
    sentSeq.put(topic, seq);
    ws.writeTextMessage(message(topic, seq, kind, data));
  }

  static String message(String topic, long seq, String kind, java.util.Map<String, Object> data) {
    return new JsonObject().put("topic", topic).put("seq", seq).put("kind", kind).put("data", new JsonObject(data)).encode();
  }

  /**
   * The hub's sweep, on this connection's event loop: the authentication timeout, the session's expiry
   * and, once every ping interval, the keepalive.
   */
  void tick(long tick, long nowNanos, long nowMillis) {
    if (closing) {
      return;
    }
    if (principal == null) {
      if (nowNanos - openedAt >= AUTH_TIMEOUT.toNanos()) {
        end(UNAUTHENTICATED, "authentication timeout");
      }
      return;
    }
    if (nowMillis >= expiresAt) {
      end(UNAUTHENTICATED, "session expired");
      return;
    }
    if (tick % hub.pingTicks == pingPhase) {
      keepAlive(nowNanos);
    }
  }

  private void keepAlive(long nowNanos) {
    if (nowNanos - lastPong > hub.pingInterval.toNanos() * 5 / 2) {
      end(KEEPALIVE_TIMEOUT, "no pong");
      return;
    }
    ws.writePing(PING);
  }

  /** Closes with {@code code} and {@code reason}; safe from any thread, idempotent. */
  void end(short code, String reason) {
    if (hub.ownsCurrentThread()) {
      close(code, reason);
    } else {
      hub.run(() -> close(code, reason));
    }
  }

  private void close(short code, String reason) {
    if (!closing) {
      closing = true;
      ws.close(code, reason);
    }
  }

  private void onText(String text) {
    if (closing) {
      return;
    }
    if (tooLarge(text)) {
      onBadMessage("a message may be at most " + MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (RuntimeException e) {
      onBadMessage("a message must be a JSON object");
      return;
    }
    String type = message.getValue("type") instanceof String s ? s : null;
    if (principal == null) {
      if ("auth".equals(type) && !authenticating) {
        authenticate(message.getValue("token"));
      } else {
        refuse("send {\"type\":\"auth\",\"token\":\"…\"} first");
      }
      return;
    }
    switch (type == null ? "" : type) {
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "auth" -> reply(error("bad_request", "already authenticated"));
      default -> reply(error("bad_request", type == null
          ? "a message needs a \"type\": subscribe or unsubscribe"
          : "unknown message type '" + abbreviate(type) + "': use subscribe or unsubscribe"));
    }
  }

  private void onBadMessage(String why) {
    if (principal == null) {
      refuse("send {\"type\":\"auth\",\"token\":\"…\"} first");
    } else {
      reply(error("bad_request", why));
    }
  }

  private void authenticate(Object token) {
    if (!(token instanceof String raw) || raw.isBlank()) {
      refuse("the auth message needs a \"token\"");
      return;
    }
    // Hold back what the client sends next (often a subscribe) until we know who it is.
    authenticating = true;
    ws.pause();
    hub.tokens.verify(raw).onComplete(verified -> {
      authenticating = false;
      if (closing) {
        return;
      }
      if (verified.succeeded()) {
        signedIn(verified.result(), "message");
      } else {
        refuse(verified.cause().getMessage());
      }
      ws.resume();
    });
  }

  private void signedIn(Principal who, String via) {
    principal = hub.share(who);
    expiresAt = who.expiresAt().toEpochMilli();
    reply(new JsonObject().put("type", "authenticated").put("user", who.toJson()));
    if (LOG.isInfoEnabled()) {
      // Asking for the remote address makes Vert.x keep it with the connection: only when it is logged.
      LOG.info("ws=connected id=ws-{} user={} via={} remote={}", id, who.username(), via,
          ws.remoteAddress() == null ? "-" : ws.remoteAddress().host());
    }
  }

  /** Not signed in: say why, then close. The connection is of no use until the client signs in again. */
  private void refuse(String why) {
    reply(error("unauthenticated", why));
    end(UNAUTHENTICATED, "authentication required");
  }

  private void subscribe(JsonObject message) {
    String topic = topic(message);
    if (topic == null) {
      return;
    }
    if (!hub.access.mayFollow(principal, topic)) {
      reply(error("forbidden", "your role does not allow following " + topic).put("topic", topic));
      return;
    }
    if (!hub.access.exists(topic)) {
      reply(error("not_found", "no topic " + topic + ": its key names no " + Topics.match(topic).orElseThrow().topic().key()
          .name().toLowerCase()).put("topic", topic));
      return;
    }
    topic = hub.connections.canonical(topic);
    if (hub.subscriptions.subscribe(this, topic) == Subscriptions.Result.LIMIT_REACHED) {
      reply(error("bad_request", "a connection may follow at most " + Connections.MAX_TOPICS_PER_CONNECTION
          + " topics; unsubscribe from some first").put("topic", topic));
      return;
    }
    Object last = message.getValue("lastSeq");
    if (last != null && !(last instanceof Number)) {
      hub.subscriptions.unsubscribe(this, topic);
      reply(error("bad_request", "\"lastSeq\" must be the number of the last message received").put("topic", topic));
      return;
    }
    reply(new JsonObject().put("type", "subscribed").put("topic", topic));
    forgetPending(topic);
    if (last == null) {
      sendSnapshot(topic, "snapshot");
      return;
    }
    long lastSeq = ((Number) last).longValue();
    java.util.List<TopicState.Delta> missed = hub.connections.topic(topic).since(lastSeq);
    if (missed == null) {
      sendSnapshot(topic, "resync");
      return;
    }
    sentSeq.put(topic, lastSeq);
    for (TopicState.Delta d : missed) {
      write(topic, d.seq(), "delta", d.changes());
    }
  }

  private void unsubscribe(JsonObject message) {
    String topic = topic(message);
    if (topic != null) {
      hub.subscriptions.unsubscribe(this, topic);
      forgetPending(topic);
      sentSeq.remove(topic);
      reply(new JsonObject().put("type", "unsubscribed").put("topic", topic));
    }
  }

  /** The message's topic, or null after answering bad_request. */
  private String topic(JsonObject message) {
    Object topic = message.getValue("topic");
    if (!(topic instanceof String t) || t.isBlank() || t.length() > MAX_TOPIC_LENGTH) {
      reply(error("bad_request", "a \"topic\" of 1 to " + MAX_TOPIC_LENGTH + " characters is needed"));
      return null;
    }
    return t;
  }

  private void forgetPending(String topic) {
    if (outbox != null) {
      outbox.forget(topic);
      if (outbox.isEmpty()) {
        outbox(null);
      }
    }
  }

  /** Sets or drops the outbox, keeping the node's count of connections that are behind. */
  private void outbox(Outbox next) {
    if ((outbox == null) != (next == null)) {
      if (next == null) {
        hub.connections.behind.decrementAndGet();
      } else {
        hub.connections.behind.incrementAndGet();
      }
    }
    outbox = next;
  }

  private void onClosed() {
    closing = true;
    outbox(null);
    int topics = hub.remove(this);
    Principal who = principal;
    if (who != null) {
      hub.release(who);
    }
    LOG.info("ws=disconnected id=ws-{} user={} code={} reason=\"{}\" topics={} seconds={}", id,
        who == null ? "-" : who.username(), ws.closeStatusCode(), ws.closeReason() == null ? "" : ws.closeReason(),
        topics, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAt));
  }

  private void reply(JsonObject message) {
    if (!closing) {
      ws.writeTextMessage(message.encode());
    }
  }

  private static JsonObject error(String code, String message) {
    return new JsonObject().put("type", "error").put("error", code).put("code", code).put("message", message);
  }

  private static boolean tooLarge(String text) {
    // A UTF-8 character takes at most 3 bytes per Java char: only long texts need counting.
    return text.length() > MAX_MESSAGE_BYTES
        || text.length() * 3 > MAX_MESSAGE_BYTES && text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
