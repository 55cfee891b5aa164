package vn.hanoi.cityops.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of the fan-out benchmark, in a JVM of its own (so the server JVM's heap holds only the
 * servers): N WebSocket clients on a Vert.x of its own, and the event loader ({@link FanoutLoader}) on
 * another. {@link FanoutBench} drives it over stdin/stdout: one command per line, each answered by one
 * line {@code @<json>}; everything else this JVM prints goes to stderr.
 *
 * <p>Commands: {@code heap}; {@code connect node|bare <port> <n>}; {@code load-start}; {@code window-start};
 * {@code window-end}; {@code load-stop}; {@code close}; {@code quit}.
 *
 * <p>Each client counts the topic messages it receives inside the measurement window and, for every
 * {@code systems} delta, takes one latency sample per system in it: receipt time minus the send time the
 * loader (or the bare server) put into the system's {@code message} as {@code t=<epoch µs>}. Both
 * timestamps are {@link #nowMicros()} (the wall clock, {@code CLOCK_REALTIME}, the same for every process
 * of the machine). Frames are told apart by their {@code seq}, which gives the fan-out spread: the time
 * between the first and the last client receiving the same frame.
 */
public final class FanoutClients {
  /** Epoch microseconds from the wall clock (µs resolution on Linux). Comparable between processes. */
  static long nowMicros() {
    Instant i = Instant.now();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  static final String MESSAGE_STAMP = "\"message\":\"t=";
  private static final String SYSTEMS_PREFIX = "{\"topic\":\"systems\"";
  private static final String KPI_PREFIX = "{\"topic\":\"kpi.city\"";
  private static final int SAMPLES_KEPT = 64;

  /** The measurement window: written by the command thread, read by every event loop. */
  static volatile long windowGen;
  static volatile long windowStart = Long.MAX_VALUE;
  static volatile long windowEnd = Long.MAX_VALUE;
  /** The end of the last window, for the loader's report. */
  static volatile long lastWindowEnd = Long.MAX_VALUE;

  public static void main(String[] args) throws Exception {
    PrintStream protocol = System.out;
    System.setOut(System.err); // nothing but answers on the real stdout
    Map<String, String> flags = parse(args);
    FanoutClients clients = new FanoutClients(flags);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    int code = 0;
    while ((line = in.readLine()) != null) {
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonObject answer;
      try {
        answer = clients.command(line.split("\\s+"));
      } catch (Throwable t) {
        t.printStackTrace();
        answer = new JsonObject().put("error", String.valueOf(t));
      }
      protocol.println("@" + answer.encode());
      protocol.flush();
      if (line.equals("quit")) {
        break;
      }
    }
    clients.shutdown();
    System.exit(code);
  }

  private final Vertx vertx;
  private final WebSocketClient wsClient;
  private final FanoutLoader loader;
  private final String token;
  private final int connectConcurrency;
  private final List<Sock> sockets = new ArrayList<>();
  private final ConcurrentLinkedQueue<Stats> allStats = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Stats> local = ThreadLocal.withInitial(() -> {
    Stats s = new Stats(Vertx.currentContext(), Thread.currentThread().getName());
    allStats.add(s);
    return s;
  });
  private final AtomicInteger unexpectedCloses = new AtomicInteger();
  private final AtomicInteger errorMessages = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private long gcCountAtStart;
  private long gcMillisAtStart;

  private FanoutClients(Map<String, String> flags) {
    int loops = Integer.parseInt(flags.getOrDefault("loops", "2"));
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1));
    this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Integer.parseInt(flags.getOrDefault("max-connections", "20000")))
        .setConnectTimeout(30_000)
        .setTryUsePerMessageCompression(flags.containsKey("deflate"))
        .setTcpNoDelay(true));
    this.token = flags.get("token");
    this.connectConcurrency = Integer.parseInt(flags.getOrDefault("connect-concurrency", "200"));
    this.loader = new FanoutLoader(
        Integer.parseInt(flags.getOrDefault("node-port", "0")), flags.getOrDefault("api-key", "cityops-dev-key"),
        flags.getOrDefault("systems", "").split(","), flags.getOrDefault("agencies", "").split(","),
        flags.getOrDefault("procedure", "1.000001"),
        Double.parseDouble(flags.getOrDefault("batches-per-second", "20")),
        Integer.parseInt(flags.getOrDefault("health-per-batch", "3")),
        Integer.parseInt(flags.getOrDefault("dossiers-per-batch", "1")));
  }

  private JsonObject command(String[] c) throws Exception {
    switch (c[0]) {
      case "heap":
        return heap();
      case "connect":
        return connect("node".equals(c[1]), Integer.parseInt(c[2]), Integer.parseInt(c[3]));
      case "load-start":
        loader.start();
        return new JsonObject().put("ok", true);
      case "window-start":
        return windowStart();
      case "window-end":
        return windowEnd();
      case "load-stop":
        return loader.stop();
      case "close":
        return closeAll();
      case "quit":
        return new JsonObject().put("ok", true);
      default:
        throw new IllegalArgumentException("unknown command " + c[0]);
    }
  }

  private void shutdown() {
    try {
      loader.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      log("close: " + e);
    }
  }

  // ------------------------------------------------------------------------------------------- heap

  /** Used heap after full collections (the least of three), and this JVM's direct memory. */
  static JsonObject heap() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      sleep(100);
    }
    return new JsonObject().put("heapUsed", best).put("direct", directMemory());
  }

  /** Netty's count of the direct memory it allocated, or the JVM's direct buffer pool when Netty does not count. */
  static long directMemory() {
    try {
      long netty = io.netty.util.internal.PlatformDependent.usedDirectMemory();
      if (netty >= 0) {
        return netty;
      }
    } catch (Throwable ignored) {
      // not on the classpath or not accessible
    }
    for (var pool : ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getMemoryUsed();
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------------------------------- connect

  /** One client socket; its fields are touched on its own event loop only. */
  private final class Sock {
    final boolean node;
    ClientWebSocket ws;
    int snapshots;
    boolean ready;
    volatile boolean closing;
    final Promise<Void> readyPromise = Promise.promise();

    Sock(boolean node) {
      this.node = node;
    }
  }

  private JsonObject connect(boolean node, int port, int n) throws Exception {
    Semaphore permits = new Semaphore(connectConcurrency);
    CountDownLatch done = new CountDownLatch(n);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + n / 50);
    long t0 = System.nanoTime();
    int started = 0;
    for (int i = 0; i < n; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      started++;
      Sock s = new Sock(node);
      synchronized (sockets) {
        sockets.add(s);
      }
      open(s, port).onComplete(ar -> {
        if (ar.succeeded()) {
          ok.incrementAndGet();
        } else {
          failed.incrementAndGet();
          if (errors.size() < 5) {
            errors.add(String.valueOf(ar.cause()));
          }
        }
        permits.release();
        done.countDown();
      });
    }
    done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new JsonObject().put("requested", n).put("started", started).put("ready", ok.get()).put("failed", failed.get())
        .put("pending", started - ok.get() - failed.get()).put("seconds", seconds).put("errors", new JsonArray(new ArrayList<>(errors)));
  }

  private Future<Void> open(Sock s, int port) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(s.node ? "/ws" : "/").setAllowOriginHeader(false);
    if (s.node) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    ClientWebSocket ws = wsClient.webSocket();
    s.ws = ws;
    ws.textMessageHandler(text -> onText(s, text));
    ws.exceptionHandler(e -> {
      if (!s.closing && errorSamples.size() < 10) {
        errorSamples.add("exception: " + e);
      }
    });
    ws.closeHandler(v -> {
      if (!s.closing) {
        unexpectedCloses.incrementAndGet();
        if (errorSamples.size() < 10) {
          errorSamples.add("closed by the server: " + ws.closeStatusCode() + " " + ws.closeReason());
        }
      }
      s.readyPromise.tryFail("closed before ready");
    });
    return ws.connect(options).compose(connected -> {
      if (!s.node) {
        s.ready = true;
        s.readyPromise.tryComplete();
      }
      return s.readyPromise.future();
    });
  }

  private void onText(Sock s, String text) {
    long now = nowMicros();
    long start = windowStart;
    Stats st = local.get();
    long gen = windowGen;
    if (st.gen != gen) {
      st.reset(gen);
    }
    boolean in = now >= start && now < windowEnd;
    if (text.startsWith("{\"topic\":")) {
      int head = Math.min(text.length(), 120);
      boolean delta = indexOf(text, "\"kind\":\"delta\"", head) > 0;
      boolean systems = text.startsWith(SYSTEMS_PREFIX);
      boolean kpi = !systems && text.startsWith(KPI_PREFIX);
      if (!delta) {
        if (indexOf(text, "\"kind\":\"snapshot\"", head) > 0) {
          if (!s.ready && (systems || kpi) && ++s.snapshots == 2) {
            s.ready = true;
            s.readyPromise.tryComplete();
          }
        } else if (in) {
          st.resyncs++;
        }
        return;
      }
      if (!in) {
        return;
      }
      st.messages++;
      st.bytes += utf8Length(text);
      if (systems) {
        st.sysDeltas++;
        onSystemsDelta(st, text, now);
      } else if (kpi) {
        st.kpiDeltas++;
        if (st.kpiSample == null) {
          st.kpiSample = text;
        }
      } else {
        st.otherTopics++;
      }
      return;
    }
    if (text.startsWith("{\"type\":\"authenticated\"")) {
      s.ws.writeTextMessage("{\"type\":\"subscribe\",\"topic\":\"systems\"}");
      s.ws.writeTextMessage("{\"type\":\"subscribe\",\"topic\":\"kpi.city\"}");
    } else if (text.startsWith("{\"type\":\"error\"")) {
      errorMessages.incrementAndGet();
      if (errorSamples.size() < 10) {
        errorSamples.add(text.length() > 300 ? text.substring(0, 300) : text);
      }
    }
  }

  private static void onSystemsDelta(Stats st, String text, long now) {
    long seq = longAfter(text, "\"seq\":", 0);
    long newest = Long.MIN_VALUE;
    int from = 0;
    int samples = 0;
    while (true) {
      int i = text.indexOf(MESSAGE_STAMP, from);
      if (i < 0) {
        break;
      }
      int p = i + MESSAGE_STAMP.length();
      long t = 0;
      int digits = 0;
      while (p < text.length()) {
        char ch = text.charAt(p);
        if (ch < '0' || ch > '9') {
          break;
        }
        t = t * 10 + (ch - '0');
        p++;
        digits++;
      }
      from = p;
      if (digits > 0) {
        st.latencies.add(Math.max(0, now - t) * 1000L); // Latencies keeps nanoseconds
        newest = Math.max(newest, t);
        samples++;
      }
    }
    if (samples == 0) {
      st.sysDeltasWithoutStamp++;
    }
    if (seq >= 0) {
      long[] f = st.frames.get(seq);
      if (f == null) {
        st.frames.put(seq, new long[]{now, now, 1, newest});
      } else {
        f[0] = Math.min(f[0], now);
        f[1] = Math.max(f[1], now);
        f[2]++;
      }
    }
    if (st.sysSamples.size() < SAMPLES_KEPT) {
      st.sysSamples.add(text);
    }
    st.sysChars += text.length();
  }

  private static int indexOf(String text, String what, int limit) {
    int i = text.indexOf(what);
    return i >= 0 && i < limit ? i : -1;
  }

  private static long longAfter(String text, String key, int from) {
    int i = text.indexOf(key, from);
    if (i < 0) {
      return -1;
    }
    int p = i + key.length();
    long v = 0;
    int digits = 0;
    while (p < text.length() && Character.isDigit(text.charAt(p))) {
      v = v * 10 + (text.charAt(p++) - '0');
      digits++;
    }
    return digits == 0 ? -1 : v;
  }

  static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)) {
          bytes += 2; // with its low surrogate: 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  // ------------------------------------------------------------------------------------------- window

  /** Per event-loop thread counters of the current window; touched on that thread only. */
  private static final class Stats {
    final Context context;
    final String thread;
    long gen = -1;
    long messages;
    long bytes;
    long sysDeltas;
    long sysDeltasWithoutStamp;
    long sysChars;
    long kpiDeltas;
    long otherTopics;
    long resyncs;
    Latencies latencies = new Latencies();
    final HashMap<Long, long[]> frames = new HashMap<>(); // systems seq -> first receipt, last receipt, receipts, newest stamp
    final List<String> sysSamples = new ArrayList<>();
    String kpiSample;

    Stats(Context context, String thread) {
      this.context = context;
      this.thread = thread;
    }

    void reset(long newGen) {
      gen = newGen;
      messages = bytes = sysDeltas = sysDeltasWithoutStamp = sysChars = kpiDeltas = otherTopics = resyncs = 0;
      latencies = new Latencies();
      frames.clear();
      sysSamples.clear();
      kpiSample = null;
    }
  }

  private JsonObject windowStart() {
    unexpectedCloses.set(0);
    errorMessages.set(0);
    errorSamples.clear();
    long[] gc = gc();
    gcCountAtStart = gc[0];
    gcMillisAtStart = gc[1];
    windowEnd = Long.MAX_VALUE;
    windowGen = windowGen + 1; // before the start: a loop that sees the new start also sees the new generation
    long start = nowMicros();
    windowStart = start;
    loader.windowStarted();
    return new JsonObject().put("start", start);
  }

  private JsonObject windowEnd() throws Exception {
    long end = nowMicros();
    windowEnd = end;
    lastWindowEnd = end;
    double seconds = (end - windowStart) / 1e6;
    long gen = windowGen;
    long[] gc = gc();
    sleep(50); // let a handler that read the window just before its end finish
    List<Stats> stats = new ArrayList<>(allStats);
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (Stats s : stats) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      s.context.runOnContext(v -> f.complete(null)); // a happens-before edge with that loop's writes
      waits.add(f);
    }
    CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    long messages = 0;
    long bytes = 0;
    long sys = 0;
    long sysNoStamp = 0;
    long sysChars = 0;
    long kpi = 0;
    long other = 0;
    long resyncs = 0;
    int total = 0;
    String kpiSample = null;
    List<String> sysSamples = new ArrayList<>();
    Map<Long, long[]> frames = new HashMap<>();
    JsonArray perThread = new JsonArray();
    for (Stats s : stats) {
      if (s.gen != gen) {
        continue;
      }
      messages += s.messages;
      bytes += s.bytes;
      sys += s.sysDeltas;
      sysNoStamp += s.sysDeltasWithoutStamp;
      sysChars += s.sysChars;
      kpi += s.kpiDeltas;
      other += s.otherTopics;
      resyncs += s.resyncs;
      total += s.latencies.size();
      if (kpiSample == null) {
        kpiSample = s.kpiSample;
      }
      sysSamples.addAll(s.sysSamples);
      s.frames.forEach((seq, f) -> frames.merge(seq, f.clone(), (a, b) -> new long[]{Math.min(a[0], b[0]),
          Math.max(a[1], b[1]), a[2] + b[2], Math.max(a[3], b[3])}));
      perThread.add(new JsonObject().put("thread", s.thread).put("messages", s.messages));
    }
    long[] all = new long[total];
    int at = 0;
    for (Stats s : stats) {
      if (s.gen == gen) {
        long[] part = s.latencies.sorted();
        System.arraycopy(part, 0, all, at, part.length);
        at += part.length;
        s.latencies = new Latencies(); // free it now
      }
    }
    Arrays.sort(all);
    int ready = readyCount();
    Latencies spread = new Latencies();
    Latencies pipeline = new Latencies();
    int complete = 0;
    for (long[] f : frames.values()) {
      if (f[2] >= ready && ready > 0) {
        complete++;
        spread.add((f[1] - f[0]) * 1000L);
        if (f[3] != Long.MIN_VALUE) {
          pipeline.add(Math.max(0, f[0] - f[3]) * 1000L);
        }
      }
    }
    long[] spreadSorted = spread.sorted();
    long[] pipelineSorted = pipeline.sorted();
    double meanSysChars = sys == 0 ? 0 : (double) sysChars / sys;
    String sysSample = sysSamples.stream()
        .min((a, b) -> Double.compare(Math.abs(a.length() - meanSysChars), Math.abs(b.length() - meanSysChars)))
        .orElse(null);
    // every system value seen in the samples, for the bare server's frames (the latest value per system)
    JsonObject entries = new JsonObject();
    for (String sample : sysSamples) {
      try {
        JsonObject data = new JsonObject(sample).getJsonObject("data");
        if (data != null) {
          data.forEach(e -> entries.put(e.getKey(), e.getValue()));
        }
      } catch (RuntimeException ignored) {
        // not JSON: skip
      }
    }
    JsonObject out = new JsonObject()
        .put("seconds", seconds)
        .put("ready", ready)
        .put("messages", messages).put("bytes", bytes)
        .put("systemsDeltas", sys).put("systemsDeltasWithoutStamp", sysNoStamp).put("kpiDeltas", kpi)
        .put("otherTopicMessages", other).put("resyncsOrSnapshots", resyncs)
        .put("meanSystemsChars", meanSysChars)
        .put("latency", percentiles(all))
        .put("frames", frames.size()).put("completeFrames", complete)
        .put("spread", percentiles(spreadSorted)).put("pipeline", percentiles(pipelineSorted))
        .put("unexpectedCloses", unexpectedCloses.get()).put("errorMessages", errorMessages.get())
        .put("errorSamples", new JsonArray(new ArrayList<>(errorSamples)))
        .put("gcCount", gc[0] - gcCountAtStart).put("gcMillis", gc[1] - gcMillisAtStart)
        .put("perThread", perThread)
        .put("sysSample", sysSample).put("kpiSample", kpiSample).put("systemsEntries", entries);
    windowStart = Long.MAX_VALUE;
    return out;
  }

  static JsonObject percentiles(long[] sorted) {
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new JsonObject().put("count", sorted.length)
        .put("p50", nan(Latencies.percentileMs(sorted, 50))).put("p90", nan(Latencies.percentileMs(sorted, 90)))
        .put("p99", nan(Latencies.percentileMs(sorted, 99))).put("p999", nan(Latencies.percentileMs(sorted, 99.9)))
        .put("max", nan(Latencies.maxMs(sorted))).put("mean", sorted.length == 0 ? null : sum / sorted.length / 1e6);
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private int readyCount() {
    synchronized (sockets) {
      int n = 0;
      for (Sock s : sockets) {
        if (s.ready && !s.closing) {
          n++;
        }
      }
      return n;
    }
  }

  static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, b.getCollectionCount());
      millis += Math.max(0, b.getCollectionTime());
    }
    return new long[]{count, millis};
  }

  // ------------------------------------------------------------------------------------------- close

  private JsonObject closeAll() throws Exception {
    List<Sock> all;
    synchronized (sockets) {
      all = new ArrayList<>(sockets);
      sockets.clear();
    }
    long t0 = System.nanoTime();
    List<Future<Void>> closes = new ArrayList<>();
    for (Sock s : all) {
      s.closing = true;
      if (s.ws != null) {
        closes.add(s.ws.close().otherwiseEmpty());
      }
    }
    Future.join(closes).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return new JsonObject().put("closed", all.size()).put("seconds", (System.nanoTime() - t0) / 1e9);
  }

  // ------------------------------------------------------------------------------------------- misc

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void log(String line) {
    System.err.println("[clients " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String name = a.substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        flags.put(name, args[++i]);
      } else {
        flags.put(name, "true");
      }
    }
    return flags;
  }
}
