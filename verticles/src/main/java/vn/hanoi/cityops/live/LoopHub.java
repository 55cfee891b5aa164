package vn.hanoi.cityops.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.TokenService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections of one event loop. A publisher hands it a delta once and it writes it to each of its
 * subscribers on the loop, in one task (keying by the connection's context is not enough: Vert.x runs each
 * HTTP request, so each WebSocket, on its own duplicated context). One periodic sweep per loop does what
 * three timers per connection did: the authentication timeout, the session expiry and the keepalive ping.
 * The connection list and the shared principals are touched on this loop only; the subscriptions are
 * synchronized, so any thread may count them.
 */
final class LoopHub {
  static final long SWEEP_MS = 1_000;

  final Vertx vertx;
  final Connections connections;
  final TokenService tokens;
  final TopicAccess access;
  final Subscriptions<LiveConnection> subscriptions = new Subscriptions<>(Connections.MAX_TOPICS_PER_CONNECTION);
  /** Sweeps between two pings of one connection. */
  final int pingTicks;
  final Duration pingInterval;
  /** Past this many undelivered keys a stalled client gets a resync snapshot instead: bounded memory. */
  final int maxPendingKeys;
  /** A context on this loop (that of its first connection): it runs the loop's tasks. */
  private final Context context;
  private final Thread thread = Thread.currentThread();
  private final List<LiveConnection> open = new ArrayList<>();
  /** Sockets signed in with the same token share one principal (and its strings). */
  private final Map<String, Shared> principals = new HashMap<>();
  private volatile int size;
  private long sweepTimer = -1;
  private long ticks;

  private static final class Shared {
    final Principal principal;
    int users;

    Shared(Principal principal) {
      this.principal = principal;
    }
  }

  LoopHub(Vertx vertx, Context context, Connections connections, TokenService tokens, TopicAccess access,
          LiveSettings settings) {
    this.vertx = vertx;
    this.context = context;
    this.connections = connections;
    this.tokens = tokens;
    this.access = access;
    this.pingInterval = settings.pingInterval();
    this.maxPendingKeys = settings.maxPendingKeys();
    this.pingTicks = (int) Math.max(1, pingInterval.toMillis() / SWEEP_MS);
  }

  int size() {
    return size;
  }

  long ticks() {
    return ticks;
  }

  boolean ownsCurrentThread() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on this loop. */
  void run(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  /** On this loop. */
  void add(LiveConnection connection) {
    connection.index = open.size();
    open.add(connection);
    size = open.size();
    if (sweepTimer < 0) {
      sweepTimer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
    }
  }

  /** On this loop; answers how many topics the connection followed. */
  int remove(LiveConnection connection) {
    int i = connection.index;
    if (i >= 0 && i < open.size() && open.get(i) == connection) {
      LiveConnection last = open.remove(open.size() - 1);
      if (last != connection) {
        open.set(i, last);
        last.index = i;
      }
      connection.index = -1;
      size = open.size();
    }
    int topics = subscriptions.removeAll(connection).size();
    if (open.isEmpty()) {
      // The next connection on this loop makes a fresh hub, with a timer on a context that is surely alive
      // (a timer dies with the deployment of the context that set it).
      if (sweepTimer >= 0) {
        vertx.cancelTimer(sweepTimer);
        sweepTimer = -1;
      }
      connections.forget(thread, this);
    }
    return topics;
  }

  /** On this loop: an equal principal already held by another socket, else this one. */
  Principal share(Principal who) {
    Shared shared = principals.get(who.tokenId());
    if (shared == null || !shared.principal.equals(who)) {
      shared = new Shared(who);
      principals.put(who.tokenId(), shared);
    }
    shared.users++;
    return shared.principal;
  }

  /** On this loop, once per {@link #share} when the socket closes. */
  void release(Principal who) {
    Shared shared = principals.get(who.tokenId());
    if (shared != null && shared.principal == who && --shared.users == 0) {
      principals.remove(who.tokenId());
    }
  }

  /** Writes a delta to this loop's subscribers of {@code topic}; safe from any thread. */
  void publish(String topic, TopicState.Delta delta, EncodedText text) {
    List<LiveConnection> subscribers = subscriptions.subscriberList(topic);
    if (subscribers.isEmpty()) {
      return;
    }
    context.runOnContext(v -> {
      for (LiveConnection connection : subscribers) {
        connection.deliver(topic, delta, text);
      }
    });
  }

  /** Closes this loop's connections of the session {@code tokenId} (or every session of {@code user:<id>}); safe from any thread. */
  void endSession(String tokenId) {
    context.runOnContext(v -> {
      for (LiveConnection connection : List.copyOf(open)) {
        if (connection.endedBy(tokenId)) {
          connection.end(LiveConnection.UNAUTHENTICATED, "session ended");
        }
      }
    });
  }

  private void sweep() {
    ticks++;
    long nowNanos = System.nanoTime();
    long nowMillis = System.currentTimeMillis();
    // A copy: a connection may close (and leave the list) while being swept.
    for (LiveConnection connection : open.toArray(new LiveConnection[0])) {
      connection.tick(ticks, nowNanos, nowMillis);
    }
  }
}
