package vn.hanoi.cityops.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of the fan-out benchmark: a bare Vert.x {@code HttpServer} WebSocket server (no routing, no
 * authentication, no topics, no per-connection state beyond the socket) on its own Vert.x, with as many
 * verticle instances (event loops) as the node's HTTP verticle. On request it broadcasts given frames to
 * every socket at fixed periods: one timer on the first instance renders each frame once (its sequence
 * number and {@code t=<epoch µs>} stamps set at that moment), writes it to its own sockets and hands the
 * same text to the other instances' event loops, which write it to theirs ({@code writeTextMessage}, as
 * the node does). A socket whose write queue is full is skipped for that frame (counted).
 */
final class BareServer {
  private final Vertx vertx;
  private final int port;
  private final List<Instance> instances = new CopyOnWriteArrayList<>();
  private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final List<Long> timers = new ArrayList<>();

  private BareServer(int port, int loops) {
    this.port = port;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1));
  }

  static BareServer start(int port, int instances) throws Exception {
    BareServer server = new BareServer(port, instances);
    server.vertx.deployVerticle(() -> server.new Instance(), new DeploymentOptions().setInstances(instances))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return server;
  }

  private final class Instance extends VerticleBase {
    private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
    private Context ctx;

    @Override
    public Future<?> start() {
      ctx = context;
      threadIds.add(Thread.currentThread().getId());
      instances.add(this);
      return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
          .webSocketHandler(ws -> {
            sockets.add(ws);
            open.incrementAndGet();
            ws.closeHandler(v -> {
              if (sockets.remove(ws)) {
                open.decrementAndGet();
              }
            });
          })
          .requestHandler(req -> req.response().setStatusCode(404).end())
          .listen();
    }

    void write(String text) {
      for (ServerWebSocket ws : sockets) {
        if (ws.writeQueueFull()) {
          skipped.incrementAndGet();
        } else {
          ws.writeTextMessage(text);
          written.incrementAndGet();
        }
      }
    }
  }

  /** Open sockets, all instances together. */
  int connections() {
    return open.get();
  }

  /** The threads of this server's event loops (to tell their CPU time from the node's). */
  Set<Long> threadIds() {
    return threadIds;
  }

  long written() {
    return written.get();
  }

  long skipped() {
    return skipped.get();
  }

  /** Starts broadcasting each template at its period (a null template is not sent). */
  void startBroadcast(Template systems, long systemsPeriodMs, Template kpi, long kpiPeriodMs) throws Exception {
    Instance lead = instances.get(0);
    CompletableFuture<Void> started = new CompletableFuture<>();
    lead.ctx.runOnContext(v -> {
      if (systems != null) {
        timers.add(vertx.setPeriodic(systemsPeriodMs, id -> broadcast(lead, systems.next())));
      }
      if (kpi != null) {
        timers.add(vertx.setPeriodic(kpiPeriodMs, id -> broadcast(lead, kpi.next())));
      }
      started.complete(null);
    });
    started.get(10, TimeUnit.SECONDS);
  }

  private void broadcast(Instance lead, String text) {
    for (Instance i : instances) {
      if (i != lead) {
        i.ctx.runOnContext(v -> i.write(text));
      }
    }
    lead.write(text);
  }

  void stopBroadcast() throws Exception {
    Instance lead = instances.get(0);
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    lead.ctx.runOnContext(v -> {
      timers.forEach(vertx::cancelTimer);
      timers.clear();
      stopped.complete(null);
    });
    stopped.get(10, TimeUnit.SECONDS);
  }

  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * A frame captured from the node, with its {@code "seq":} number and every {@code t=} stamp of a
   * {@code "message"} made into slots: {@link #next()} fills them with a new sequence number and now.
   * Rendered on the broadcasting event loop only.
   */
  static final class Template {
    private static final String SEQ = "\"seq\":";
    private final List<String> parts = new ArrayList<>();
    private final List<Boolean> seqSlot = new ArrayList<>(); // true: sequence number, false: time stamp
    private long seq;
    final int length;

    Template(String sample) {
      this.length = sample.length();
      int at = 0;
      int s = sample.indexOf(SEQ);
      long firstSeq = 0;
      List<int[]> slots = new ArrayList<>(); // start, end, kind (1 = seq)
      if (s >= 0) {
        int from = s + SEQ.length();
        int to = digitsEnd(sample, from);
        firstSeq = to > from ? Long.parseLong(sample.substring(from, to)) : 0;
        slots.add(new int[]{from, to, 1});
      }
      int from = 0;
      while (true) {
        int i = sample.indexOf(FanoutClients.MESSAGE_STAMP, from);
        if (i < 0) {
          break;
        }
        int d = i + FanoutClients.MESSAGE_STAMP.length();
        int e = digitsEnd(sample, d);
        slots.add(new int[]{d, e, 0});
        from = e;
      }
      slots.sort((a, b) -> Integer.compare(a[0], b[0]));
      for (int[] slot : slots) {
        parts.add(sample.substring(at, slot[0]));
        seqSlot.add(slot[2] == 1);
        at = slot[1];
      }
      parts.add(sample.substring(at));
      this.seq = firstSeq;
    }

    private static int digitsEnd(String s, int from) {
      int i = from;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      return i;
    }

    String next() {
      long t = FanoutClients.nowMicros();
      long n = ++seq;
      StringBuilder sb = new StringBuilder(length + 16);
      for (int i = 0; i < seqSlot.size(); i++) {
        sb.append(parts.get(i)).append(seqSlot.get(i) ? n : t);
      }
      return sb.append(parts.get(parts.size() - 1)).toString();
    }

    int stamps() {
      return (int) seqSlot.stream().filter(b -> !b).count();
    }
  }
}
