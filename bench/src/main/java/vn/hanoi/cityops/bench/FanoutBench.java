package vn.hanoi.cityops.bench;

import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.live.Connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import static vn.hanoi.cityops.bench.BenchSupport.*;

/**
 * The fan-out benchmark (a program that measures and reports, not a test). Starts a real node in this JVM on
 * a fresh embedded PostgreSQL, and a bare Vert.x WebSocket broadcaster ({@link BareServer}) next to it; the
 * clients and the event loader run in a second JVM ({@link FanoutClients}), started and driven by this one,
 * so that this JVM's heap holds only the servers. For each N (1,000 and 5,000): N clients subscribe to
 * {@code systems} and {@code kpi.city} on the node; heap per idle socket; then {@code system.health} (and a
 * few {@code dossier}) events are ingested at a steady rate and every client measures the latency from the
 * loader's send to its receipt; then the same N clients on the bare server, which broadcasts frames of the
 * same size at the node's frame rate. Writes a Markdown report to {@code bench/results/}. Exits 1 when the
 * run is invalid (not all connections established, a socket closed, failed ingest requests, no samples),
 * 2 when the node could not start, 3 on an unexpected failure.
 *
 * <p>Flags: {@code --sizes 1000,5000 --seconds 20 --warmup 5 --batches-per-second 20 --health-per-batch 3
 * --dossiers-per-batch 1 --connect-concurrency 200 --client-loops 2 --client-heap 1536m --settle 2
 * --deflate --skip-bare --keep-data --bench-dir bench --set key=value} (a node config override, repeatable).
 */
public final class FanoutBench {
  private static final String API_KEY = "cityops-dev-key";
  private static final String USER = "operator";
  private static final String PASSWORD = "cityops-demo";
  /** FeedVerticle.FRAME_MS and DossierTopics.MIN_INTERVAL_MS: the node's frame and kpi periods (package-private there). */
  private static final long FRAME_MS = 100;
  private static final long KPI_MS = 1000;
  private static final long GOAL_P99_MS = 150;
  private static final double GOAL_RATIO = 0.7;
  private static final long GOAL_HEAP_BYTES = 16 * 1024;

  /** One server at one N: connection, memory, the measured window, CPU. */
  private record Phase(String server, int n, JsonObject connect, int serverSide, JsonObject heapBase, JsonObject heapIdle,
                       JsonObject clientHeapBase, JsonObject clientHeapIdle, JsonObject window, JsonObject loader,
                       FanoutCpu.Usage cpu, long bareWritten, long bareSkipped, int bareFrameChars, int bareStamps,
                       List<HeapHistogram.Entry> histogram, Map<String, double[]> histogramAll, double quietWaited) {
    boolean node() {
      return server.equals("node");
    }

    double heapPerSocket() {
      return (double) (heapIdle.getLong("heapUsed") - heapBase.getLong("heapUsed")) / n;
    }

    double directPerSocket() {
      long a = heapBase.getLong("direct");
      long b = heapIdle.getLong("direct");
      return a < 0 || b < 0 ? Double.NaN : (double) (b - a) / n;
    }

    double clientHeapPerSocket() {
      return (double) (clientHeapIdle.getLong("heapUsed") - clientHeapBase.getLong("heapUsed")) / n;
    }

    double messagesPerSecond() {
      return window.getLong("messages") / window.getDouble("seconds");
    }

    double p(String which) {
      Double v = window.getJsonObject("latency").getDouble(which);
      return v == null ? Double.NaN : v;
    }
  }

  public static void main(String[] args) {
    int code;
    try {
      code = new FanoutBench(Flags.parse(args)).run();
    } catch (Throwable t) {
      System.err.println("bench: failed: " + t);
      t.printStackTrace();
      code = 3;
    }
    System.exit(code);
  }

  private final Flags flags;
  private final LocalDateTime startedAt = LocalDateTime.now();
  private final List<String> problems = new ArrayList<>();

  private FanoutBench(Flags flags) {
    this.flags = flags;
  }

  private int run() throws Exception {
    Path benchDir = Path.of(flags.string("bench-dir", Files.isDirectory(Path.of("bench")) ? "bench" : ".")).toAbsolutePath().normalize();
    Path dataDir = benchDir.resolve("target").resolve("fanout-pg-" + startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    int httpPort = freePort();
    int pgPort = freePort();
    int barePort = freePort();
    double backgroundBusy = backgroundCpu();

    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("http.port", httpPort);
    overrides.put("http.instances", 2);
    overrides.put("pg.dataDir", dataDir.toString());
    overrides.put("pg.embeddedPort", pgPort);
    overrides.put("simulator", "off");
    overrides.put("cluster", "off");
    overrides.put("dev.mode", "on");
    overrides.put("ingest.keyRatePerSecond", "1000000");
    overrides.putAll(flags.sets());
    AppConfig config = AppConfig.of(overrides);

    log("starting node: http port " + httpPort + ", embedded PostgreSQL port " + pgPort + ", data " + dataDir);
    Node node;
    try {
      node = Node.start(config).toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("bench: the node did not start: " + e.getMessage());
      e.printStackTrace();
      return 2;
    }
    BareServer bare = null;
    ClientProcess clients = null;
    int exit;
    try {
      String token = login(httpPort);
      ReferenceData reference = node.reference();
      List<String> systems = reference.systems().stream().sorted().toList();
      List<String> agencies = reference.agencies().values().stream().filter(a -> "city".equals(a.level()))
          .map(ReferenceData.Agency::code).sorted().limit(10).toList();
      bare = BareServer.start(barePort, config.httpInstances());
      clients = ClientProcess.start(flags, List.of(
          "--token", token, "--node-port", String.valueOf(httpPort), "--api-key", API_KEY,
          "--systems", String.join(",", systems), "--agencies", String.join(",", agencies),
          "--batches-per-second", fmtPlain(flags.number("batches-per-second", 20)),
          "--health-per-batch", String.valueOf((int) flags.number("health-per-batch", 3)),
          "--dossiers-per-batch", String.valueOf((int) flags.number("dossiers-per-batch", 1)),
          "--connect-concurrency", String.valueOf((int) flags.number("connect-concurrency", 200)),
          "--loops", String.valueOf((int) flags.number("client-loops", 2))));
      FanoutCpu cpu = new FanoutCpu(dataDir, clients.pid(), bare.threadIds());
      Connections hub = Connections.onNode(node.vertx(), node.meters());
      exit = measure(config, overrides, hub, bare, barePort, clients, cpu, systems.size(), backgroundBusy, benchDir);
    } finally {
      log("closing the clients, the bare server and the node");
      if (clients != null) {
        clients.quit();
      }
      if (bare != null) {
        bare.close();
      }
      node.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (!flags.has("keep-data")) {
        deleteTree(dataDir);
      }
    }
    return exit;
  }

  private int measure(AppConfig config, Map<String, Object> overrides, Connections hub, BareServer bare, int barePort,
                      ClientProcess clients, FanoutCpu cpu, int systemCount, double backgroundBusy, Path benchDir)
      throws Exception {
    List<Integer> sizes = flags.ints("sizes", List.of(1000, 5000));
    double seconds = flags.number("seconds", 20);
    double warmup = flags.number("warmup", 5);
    long settleMs = (long) (flags.number("settle", 2) * 1000);
    List<Phase> phases = new ArrayList<>();
    JsonObject systemsEntries = new JsonObject();
    int port = config.httpPort();
    for (int n : sizes) {
      // ---- the node
      log("node, " + n + " clients: connecting");
      JsonObject heapBase = FanoutClients.heap();
      Map<String, long[]> histBase = HeapHistogram.take();
      JsonObject clientBase = clients.call("heap", 60);
      JsonObject connect = clients.call("connect node " + port + " " + n, 120 + n / 20);
      log(String.format(Locale.ROOT, "node, %d clients: %d ready, %d failed, %d pending in %.1f s", n,
          connect.getInteger("ready"), connect.getInteger("failed"), connect.getInteger("pending"), connect.getDouble("seconds")));
      Thread.sleep(settleMs);
      int serverSide = hub.size();
      JsonObject heapIdle = FanoutClients.heap();
      Map<String, long[]> histIdle = HeapHistogram.take();
      List<HeapHistogram.Entry> histogram = HeapHistogram.perSocket(histBase, histIdle, n, 14);
      Map<String, double[]> histogramAll = HeapHistogram.perSocketAll(histBase, histIdle, n);
      JsonObject clientIdle = clients.call("heap", 60);
      log(String.format(Locale.ROOT, "node, %d clients: %d open on the node, heap %+.1f MiB (%.0f B per socket)", n, serverSide,
          (heapIdle.getLong("heapUsed") - heapBase.getLong("heapUsed")) / 1048576.0,
          (double) (heapIdle.getLong("heapUsed") - heapBase.getLong("heapUsed")) / n));
      clients.call("load-start", 30);
      log("node, " + n + " clients: loader on, warm-up " + fmt(warmup, 0) + " s, then measuring " + fmt(seconds, 0) + " s");
      Thread.sleep((long) (warmup * 1000));
      double waited = waitForQuiet(cpu, "node, " + n + " clients");
      FanoutCpu.Snapshot before = cpu.snapshot();
      clients.call("window-start", 30);
      Thread.sleep((long) (seconds * 1000));
      JsonObject window = clients.call("window-end", 120);
      FanoutCpu.Usage usage = cpu.between(before, cpu.snapshot());
      JsonObject loader = clients.call("load-stop", 60);
      Thread.sleep(1000); // let the last frames go out before the clients leave
      JsonObject closed = clients.call("close", 120);
      waitFor(hub::size, 0, 15_000);
      Phase p = new Phase("node", n, connect, serverSide, heapBase, heapIdle, clientBase, clientIdle, window, loader, usage,
          0, 0, 0, 0, histogram, histogramAll, waited);
      window.getJsonObject("systemsEntries", new JsonObject()).forEach(e -> systemsEntries.put(e.getKey(), e.getValue()));
      phases.add(p);
      logWindow(p);
      check(p);
      log("node, " + n + " clients: closed " + closed.getInteger("closed") + " in " + fmt(closed.getDouble("seconds"), 1) + " s");

      if (flags.has("skip-bare")) {
        continue;
      }
      // ---- the bare server, with frames of the node's size at the node's frame rate
      String kpiSample = window.getString("kpiSample");
      if (kpiSample == null) {
        kpiSample = phases.stream().map(x -> x.window().getString("kpiSample")).filter(x -> x != null).findFirst().orElse(null);
      }
      String sysFrame;
      if (systemsEntries.isEmpty()) {
        problems.add("no systems delta reached the clients at N=" + n + ": the bare server sends a made-up frame");
        sysFrame = syntheticSystemsFrame(systemCount);
      } else {
        sysFrame = nominalSystemsFrame(systemsEntries, systemsPerFrame(systemCount));
      }
      BareServer.Template sysTemplate = new BareServer.Template(sysFrame);
      BareServer.Template kpiTemplate = kpiSample == null ? null : new BareServer.Template(kpiSample);
      log("bare, " + n + " clients: connecting");
      JsonObject bHeapBase = FanoutClients.heap();
      Map<String, long[]> bHistBase = HeapHistogram.take();
      JsonObject bClientBase = clients.call("heap", 60);
      JsonObject bConnect = clients.call("connect bare " + barePort + " " + n, 120 + n / 20);
      log(String.format(Locale.ROOT, "bare, %d clients: %d ready, %d failed, %d pending in %.1f s", n,
          bConnect.getInteger("ready"), bConnect.getInteger("failed"), bConnect.getInteger("pending"), bConnect.getDouble("seconds")));
      Thread.sleep(settleMs);
      int bServerSide = bare.connections();
      JsonObject bHeapIdle = FanoutClients.heap();
      JsonObject bClientIdle = clients.call("heap", 60);
      Map<String, long[]> bHistIdle = HeapHistogram.take();
      List<HeapHistogram.Entry> bHistogram = HeapHistogram.perSocket(bHistBase, bHistIdle, n, 14);
      Map<String, double[]> bHistogramAll = HeapHistogram.perSocketAll(bHistBase, bHistIdle, n);
      bare.startBroadcast(sysTemplate, barePeriodMs(), kpiTemplate, KPI_MS);
      log("bare, " + n + " clients: broadcasting a " + sysTemplate.length + "-char systems frame every " + barePeriodMs()
          + " ms" + (kpiTemplate == null ? "" : " and a " + kpiTemplate.length + "-char kpi.city frame every " + KPI_MS + " ms"));
      Thread.sleep((long) (warmup * 1000));
      double bWaited = waitForQuiet(cpu, "bare, " + n + " clients");
      long w0 = bare.written();
      long s0 = bare.skipped();
      FanoutCpu.Snapshot bBefore = cpu.snapshot();
      clients.call("window-start", 30);
      Thread.sleep((long) (seconds * 1000));
      JsonObject bWindow = clients.call("window-end", 120);
      FanoutCpu.Usage bUsage = cpu.between(bBefore, cpu.snapshot());
      long written = bare.written() - w0;
      long skipped = bare.skipped() - s0;
      bare.stopBroadcast();
      clients.call("close", 120);
      waitFor(bare::connections, 0, 15_000);
      Phase b = new Phase("bare", n, bConnect, bServerSide, bHeapBase, bHeapIdle, bClientBase, bClientIdle, bWindow, null,
          bUsage, written, skipped, sysTemplate.length, sysTemplate.stamps(), bHistogram, bHistogramAll, bWaited);
      phases.add(b);
      logWindow(b);
      check(b);
    }

    String report = report(config, overrides, phases, backgroundBusy, seconds, warmup);
    System.out.println(report);
    Path results = benchDir.resolve("results");
    Files.createDirectories(results);
    Path file = results.resolve("fanout-" + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".md");
    Files.writeString(file, report, StandardCharsets.UTF_8);
    Files.copy(file, results.resolve("latest-fanout.md"), StandardCopyOption.REPLACE_EXISTING);
    log("report written to " + file + " and " + results.resolve("latest-fanout.md"));
    if (!problems.isEmpty()) {
      log("run INVALID: " + String.join("; ", problems));
      return 1;
    }
    return 0;
  }

  private void logWindow(Phase p) {
    JsonObject w = p.window();
    JsonObject l = w.getJsonObject("latency");
    log(String.format(Locale.ROOT, "%s, %d clients: %.0f messages/s, latency p50 %s ms, p99 %s ms, max %s ms (%d samples), "
            + "server CPU %.2f cores (GC %d ms), clients %.2f, PostgreSQL %.2f, idle %.2f", p.server(), p.n(),
        p.messagesPerSecond(), fmtD(l.getDouble("p50"), 1), fmtD(l.getDouble("p99"), 1), fmtD(l.getDouble("max"), 1),
        l.getInteger("count"), p.cpu().jvm(), p.cpu().gcMillis(), p.cpu().clients(), p.cpu().postgres(), p.cpu().machineIdle()));
  }

  /** Records why a phase makes the run invalid. */
  private void check(Phase p) {
    String at = p.server() + " N=" + p.n();
    JsonObject c = p.connect();
    if (c.getInteger("ready") != p.n()) {
      problems.add(at + ": " + c.getInteger("ready") + " of " + p.n() + " connections established ("
          + c.getInteger("failed") + " failed, " + c.getInteger("pending") + " pending; " + c.getJsonArray("errors") + ")");
    }
    if (p.serverSide() != p.n()) {
      problems.add(at + ": the server saw " + p.serverSide() + " open connections, not " + p.n());
    }
    JsonObject w = p.window();
    if (w.getInteger("unexpectedCloses") > 0) {
      problems.add(at + ": " + w.getInteger("unexpectedCloses") + " sockets closed during the window " + w.getJsonArray("errorSamples"));
    }
    if (w.getInteger("errorMessages") > 0) {
      problems.add(at + ": " + w.getInteger("errorMessages") + " error messages " + w.getJsonArray("errorSamples"));
    }
    if (w.getInteger("ready") != p.n()) {
      problems.add(at + ": " + w.getInteger("ready") + " sockets ready at the end of the window");
    }
    if (w.getJsonObject("latency").getInteger("count") == 0) {
      problems.add(at + ": no latency sample (no systems delta with a time stamp reached the clients)");
    }
    if (p.loader() != null && p.loader().getLong("failedAll") > 0) {
      problems.add(at + ": " + p.loader().getLong("failedAll") + " ingest requests failed " + p.loader().getJsonArray("errorSamples"));
    }
  }

  private static void waitFor(IntSupplier value, int wanted, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (value.getAsInt() != wanted && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
  }

  /**
   * Waits (up to {@code --quiet-wait} seconds) until the rest of the machine (other people's builds and
   * tests) uses less than {@code --quiet-cores} for a second; answers how long it waited.
   */
  private double waitForQuiet(FanoutCpu cpu, String what) {
    double max = flags.number("quiet-wait", 15);
    double limit = flags.number("quiet-cores", 0.25);
    long t0 = System.nanoTime();
    double others = Double.NaN;
    while ((System.nanoTime() - t0) / 1e9 < max) {
      FanoutCpu.Snapshot a = cpu.snapshot();
      sleep(1000);
      others = cpu.between(a, cpu.snapshot()).others();
      if (others < limit) {
        break;
      }
    }
    double waited = (System.nanoTime() - t0) / 1e9;
    if (waited > 1.5) {
      log(String.format(Locale.ROOT, "%s: waited %.0f s for other processes to calm down (last second: %.2f cores)", what,
          waited, others));
    }
    return waited;
  }

  /**
   * How often the node sends a {@code systems} delta at the offered rate: every frame when health events come
   * faster than frames, else once per event (the feed polls at once when its last poll is a frame old).
   */
  private long barePeriodMs() {
    double healthPerSecond = flags.number("batches-per-second", 20) * flags.number("health-per-batch", 3);
    return Math.max(FRAME_MS, Math.round(1000.0 / healthPerSecond));
  }

  /** How many systems change in one frame at the offered rate (each event is a different system, cycling). */
  private int systemsPerFrame(int systems) {
    double perFrame = flags.number("batches-per-second", 20) * flags.number("health-per-batch", 3) * FRAME_MS / 1000.0;
    return (int) Math.max(1, Math.min(systems, Math.round(perFrame)));
  }

  /**
   * The {@code systems} delta the node sends when it keeps up: {@code k} systems, each with the value the
   * clients last received from the node (its {@code message} a {@code t=} stamp), encoded the way the node
   * encodes it ({@code JsonObject} topic, seq, kind, data).
   */
  private static String nominalSystemsFrame(JsonObject entries, int k) {
    JsonObject data = new JsonObject();
    for (String code : entries.fieldNames().stream().sorted().limit(k).toList()) {
      Object value = entries.getValue(code);
      JsonObject v = value instanceof JsonObject j ? j.copy() : new JsonObject();
      v.put("message", "t=" + FanoutClients.nowMicros());
      data.put(code, v);
    }
    return new JsonObject().put("topic", "systems").put("seq", 1_000_000L).put("kind", "delta").put("data", data).encode();
  }

  /** Fourteen systems' worth of delta when the node delivered none (the run is then invalid anyway). */
  private static String syntheticSystemsFrame(int systems) {
    StringBuilder sb = new StringBuilder("{\"topic\":\"systems\",\"seq\":1,\"kind\":\"delta\",\"data\":{");
    for (int i = 0; i < Math.min(6, systems); i++) {
      sb.append(i == 0 ? "" : ",").append("\"SYS").append(i).append("\":{\"nameVi\":\"Hệ thống ").append(i)
          .append("\",\"nameEn\":\"System ").append(i).append("\",\"kind\":\"service\",\"status\":\"up\",\"latencyMs\":120,")
          .append(FanoutClients.MESSAGE_STAMP).append("0\",\"reportedAt\":\"2026-01-01T00:00:00.000+07:00\"}");
    }
    return sb.append("}}").toString();
  }

  // ---------------------------------------------------------------------------------------------- report

  private String report(AppConfig config, Map<String, Object> overrides, List<Phase> phases, double backgroundBusy,
                        double seconds, double warmup) {
    StringBuilder r = new StringBuilder();
    r.append("# Fan-out benchmark — ").append(startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("\n\n");
    if (problems.isEmpty()) {
      r.append("Run valid: every connection was established and stayed open, every ingest request was accepted, "
          + "and every phase has latency samples.\n\n");
    } else {
      r.append("**Run INVALID:**\n\n");
      problems.forEach(p -> r.append("- ").append(p.replace('`', '\'')).append('\n'));
      r.append('\n');
    }

    r.append("## Results\n\n");
    r.append("Latency: from the loader's send (before `POST /api/v1/events`) to the receipt of the `systems` delta "
        + "at each client, for the node; from the moment the bare server renders a frame to its receipt, for the "
        + "bare server. Messages: topic messages (`systems` and `kpi.city` deltas) received by all clients together "
        + "in the ").append(fmt(seconds, 0)).append(" s window. Heap per idle socket: the server JVM's used heap after "
        + "full GCs with N idle subscribed sockets, minus the same with none, divided by N (the clients live in "
        + "another JVM).\n\n");
    r.append("| clients | server | connected | messages/s (total) | per client /s | p50 ms | p99 ms | max ms | heap per idle socket |\n");
    r.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      r.append("| ").append(fmt(p.n(), 0)).append(" | ").append(p.node() ? "node" : "bare Vert.x")
          .append(disturbed(p) ? " †" : "").append(" | ")
          .append(p.connect().getInteger("ready")).append(" / ").append(p.n()).append(" | ")
          .append(fmt(p.messagesPerSecond(), 0)).append(" | ").append(fmt(p.messagesPerSecond() / p.n(), 2)).append(" | ")
          .append(fmt(p.p("p50"), 1)).append(" | ").append(fmt(p.p("p99"), 1)).append(" | ").append(fmt(p.p("max"), 1))
          .append(" | ").append(kib(p.heapPerSocket())).append(" |\n");
    }
    r.append('\n');

    if (phases.stream().anyMatch(FanoutBench::disturbed)) {
      r.append("† Other processes on the machine (not this benchmark) used more than ").append(fmt(DISTURBED_CORES, 2))
          .append(" cores on average during this window (see *Where the CPU went*): its figures are disturbed.\n\n");
    }
    r.append("### Node vs. bare Vert.x\n\n| clients | messages/s node / bare | p50 ms node / bare | p99 ms node / bare | heap per socket node / bare |\n");
    r.append("|---:|---:|---:|---:|---:|\n");
    for (int n : sizes(phases)) {
      Phase node = find(phases, "node", n);
      Phase bare = find(phases, "bare", n);
      if (node == null || bare == null) {
        continue;
      }
      r.append("| ").append(fmt(n, 0)).append(" | ").append(fmt(node.messagesPerSecond() / bare.messagesPerSecond(), 3))
          .append(" (").append(fmt(node.messagesPerSecond(), 0)).append(" / ").append(fmt(bare.messagesPerSecond(), 0)).append(")")
          .append(" | ").append(fmt(node.p("p50"), 1)).append(" / ").append(fmt(bare.p("p50"), 1))
          .append(" | ").append(fmt(node.p("p99"), 1)).append(" / ").append(fmt(bare.p("p99"), 1))
          .append(" | ").append(kib(node.heapPerSocket())).append(" / ").append(kib(bare.heapPerSocket())).append(" |\n");
    }
    r.append('\n');

    int biggest = sizes(phases).stream().max(Integer::compare).orElse(0);
    Phase gNode = find(phases, "node", biggest);
    Phase gBare = find(phases, "bare", biggest);
    if (gNode != null) {
      r.append("## Goals (issue: on this 2-core machine)\n\n| goal | target | measured | met |\n|---|---|---:|:---:|\n");
      double p99 = gNode.p("p99");
      goal(r, "p99 latency, ingest to client, " + fmt(biggest, 0) + " sockets", "≤ " + GOAL_P99_MS + " ms", fmt(p99, 1) + " ms",
          p99 <= GOAL_P99_MS);
      if (gBare != null) {
        double ratio = gNode.messagesPerSecond() / gBare.messagesPerSecond();
        goal(r, "throughput vs. bare Vert.x broadcast, " + fmt(biggest, 0) + " sockets", "≥ " + GOAL_RATIO + "×",
            fmt(ratio, 3) + "×", ratio >= GOAL_RATIO);
      }
      for (int n : sizes(phases)) {
        Phase node = find(phases, "node", n);
        goal(r, "heap per idle socket (node), " + fmt(n, 0) + " sockets", "≤ 16 KiB (16,384 B)",
            fmt(node.heapPerSocket(), 0) + " B", node.heapPerSocket() <= GOAL_HEAP_BYTES);
      }
      r.append('\n');
    }

    r.append("## Latency in detail\n\n");
    r.append("*Samples*: one per system per `systems` delta per client (a delta carries every system that changed "
        + "in its frame, each with the send stamp of its latest event). *Newest event → first client*: for each "
        + "frame, from the send of its newest event to the first client receiving it (the pipeline: HTTP, commit, "
        + "bus, the feed's wait for the next 100 ms frame, the two queries, the hand-off to the connections' event "
        + "loops). *Fan-out spread*: for each frame received by every client, from the first client receiving it to "
        + "the last. *Ingest HTTP*: the loader's `POST` until its `202` (after the node's commit).\n\n");
    r.append("| clients | server | samples | p50 | p90 | p99 | p99.9 | max | mean | newest event → first client p50 / p99 | fan-out spread p50 / p99 / max | ingest HTTP p50 / p99 |\n");
    r.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      JsonObject l = p.window().getJsonObject("latency");
      JsonObject pipe = p.window().getJsonObject("pipeline");
      JsonObject spread = p.window().getJsonObject("spread");
      r.append("| ").append(fmt(p.n(), 0)).append(" | ").append(p.server()).append(" | ").append(fmt(l.getInteger("count"), 0))
          .append(" | ").append(fmtD(l.getDouble("p50"), 1)).append(" | ").append(fmtD(l.getDouble("p90"), 1))
          .append(" | ").append(fmtD(l.getDouble("p99"), 1)).append(" | ").append(fmtD(l.getDouble("p999"), 1))
          .append(" | ").append(fmtD(l.getDouble("max"), 1)).append(" | ").append(fmtD(l.getDouble("mean"), 1))
          .append(" | ").append(fmtD(pipe.getDouble("p50"), 1)).append(" / ").append(fmtD(pipe.getDouble("p99"), 1))
          .append(" | ").append(fmtD(spread.getDouble("p50"), 1)).append(" / ").append(fmtD(spread.getDouble("p99"), 1))
          .append(" / ").append(fmtD(spread.getDouble("max"), 1)).append(" | ");
      if (p.loader() != null) {
        JsonObject h = p.loader().getJsonObject("http");
        r.append(fmtD(h.getDouble("p50"), 1)).append(" / ").append(fmtD(h.getDouble("p99"), 1));
      } else {
        r.append("–");
      }
      r.append(" |\n");
    }
    r.append("\nAll in ms. Percentiles by nearest rank.\n\n");

    r.append("## Traffic\n\n");
    r.append("| clients | server | `systems` deltas/s | `kpi.city` deltas/s | mean `systems` frame | MB/s received | frames seen by every client | events sent in window (`system.health`) | samples per client per event | resyncs | writes skipped (queue full) |\n");
    r.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      JsonObject w = p.window();
      double s = w.getDouble("seconds");
      r.append("| ").append(fmt(p.n(), 0)).append(" | ").append(p.server()).append(" | ")
          .append(fmt(w.getLong("systemsDeltas") / s, 0)).append(" | ").append(fmt(w.getLong("kpiDeltas") / s, 0)).append(" | ")
          .append(fmt(w.getDouble("meanSystemsChars"), 0)).append(" chars | ").append(fmt(w.getLong("bytes") / s / 1e6, 1))
          .append(" | ").append(w.getInteger("completeFrames")).append(" of ").append(w.getInteger("frames")).append(" | ");
      if (p.loader() != null) {
        long health = p.loader().getLong("healthEventsInWindow");
        long samples = w.getJsonObject("latency").getInteger("count");
        r.append(health).append(" (").append(p.loader().getLong("requestsInWindow")).append(" requests, ")
            .append(p.loader().getLong("eventsInWindow")).append(" events) | ")
            .append(fmt(health == 0 ? Double.NaN : (double) samples / p.n() / health, 3)).append(" | ");
      } else {
        r.append("– | – | ");
      }
      r.append(w.getLong("resyncsOrSnapshots")).append(" | ");
      r.append(p.node() ? "–" : String.valueOf(p.bareSkipped())).append(" |\n");
    }
    int perFrame = systemsPerFrame(Integer.MAX_VALUE);
    r.append("\nThe bare server sends, every ").append(barePeriodMs()).append(" ms (the node's frame, or the time between "
        + "two health events when they come less often), the `systems` delta the "
        + "node sends when it keeps up with this load: ").append(fmt(flags.number("batches-per-second", 20), 0))
        .append(" × ").append((int) flags.number("health-per-batch", 3)).append(" events/s over distinct systems make ")
        .append(perFrame).append(" changed systems per frame, each with the value the clients last received from the node, "
            + "encoded like the node's (").append(phases.stream().filter(p -> !p.node()).findFirst()
            .map(p -> fmt(p.bareFrameChars(), 0) + " chars").orElse("–"))
        .append("; `seq` and the `t=` stamps renewed each time); and a copy of a `kpi.city` delta from the node every ").append(KPI_MS)
        .append(" ms (the node recomputes dossier KPIs at most once a second). *Samples per client per event* ≈ 1 "
            + "means every event reached every client in its own frame (below 1: a system's two events fell in one "
            + "frame and coalesced, or the window's edges).\n\n");

    r.append("## Memory\n\n");
    r.append("Used heap after three full GCs (the least of three readings), before connecting and with N idle "
        + "subscribed sockets (connected, signed in, subscribed, snapshots received, ").append(fmt(flags.number("settle", 2), 0))
        .append(" s settled, no load). The node and the bare server share the server JVM; only one of them has "
            + "sockets at a time. *Direct*: Netty's direct memory (its own counter, or the JVM's direct buffer pool). "
            + "*Client heap*: the same measurement in the clients' JVM, per client socket.\n\n");
    r.append("| clients | server | heap before | heap with N idle | per socket | direct per socket | client heap per socket |\n");
    r.append("|---:|---|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      r.append("| ").append(fmt(p.n(), 0)).append(" | ").append(p.server()).append(" | ")
          .append(fmt(p.heapBase().getLong("heapUsed") / 1048576.0, 1)).append(" MiB | ")
          .append(fmt(p.heapIdle().getLong("heapUsed") / 1048576.0, 1)).append(" MiB | ")
          .append(fmt(p.heapPerSocket(), 0)).append(" B | ").append(fmt(p.directPerSocket(), 0)).append(" B | ")
          .append(fmt(p.clientHeapPerSocket(), 0)).append(" B |\n");
    }
    r.append('\n');

    r.append("What an idle socket holds, by class (live objects after a full GC, with N idle sockets minus before "
        + "connecting, divided by N; the biggest ").append(14).append(" classes; `jcmd GC.class_histogram`):\n\n");
    for (int n : sizes(phases)) {
      Phase node = find(phases, "node", n);
      Phase bare = find(phases, "bare", n);
      r.append("<details><summary>").append(fmt(n, 0)).append(" sockets</summary>\n\n");
      r.append("| node: class | per socket | bytes | bare: class | per socket | bytes |\n|---|---:|---:|---|---:|---:|\n");
      int rows = Math.max(node == null ? 0 : node.histogram().size(), bare == null ? 0 : bare.histogram().size());
      for (int i = 0; i < rows; i++) {
        r.append("| ");
        for (Phase p : new Phase[]{node, bare}) {
          if (p != null && i < p.histogram().size()) {
            HeapHistogram.Entry e = p.histogram().get(i);
            r.append('`').append(e.className()).append("` | ").append(fmt(e.instances(), 2)).append(" | ")
                .append(fmt(e.bytes(), 0)).append(" | ");
          } else {
            r.append(" | | | ");
          }
        }
        r.append('\n');
      }
      r.append("\n</details>\n\n");
      if (node != null && bare != null) {
        Map<String, double[]> diff = new LinkedHashMap<>();
        node.histogramAll().forEach((cls, v) -> diff.put(cls, new double[]{v[0], v[1]}));
        bare.histogramAll().forEach((cls, v) -> diff.merge(cls, new double[]{-v[0], -v[1]},
            (a, b) -> new double[]{a[0] + b[0], a[1] + b[1]}));
        List<Map.Entry<String, double[]>> more = new ArrayList<>(diff.entrySet());
        more.removeIf(e -> e.getValue()[1] < 16);
        more.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
        double total = node.heapPerSocket() - bare.heapPerSocket();
        r.append("What the node holds per idle socket beyond the bare server (").append(fmt(n, 0)).append(" sockets; ")
            .append(fmt(total, 0)).append(" B in all), by class: ");
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, double[]> e : more.subList(0, Math.min(16, more.size()))) {
          items.add("`" + e.getKey() + "` " + fmt(e.getValue()[1], 0) + " B (" + fmt(e.getValue()[0], 1) + ")");
        }
        r.append(String.join(", ", items)).append(".\n\n");
      }
    }

    r.append("## Where the CPU went (measured windows)\n\n");
    r.append("In cores (CPU-seconds per second; the machine has ").append(Runtime.getRuntime().availableProcessors())
        .append("). *Server JVM* = node + bare server (+ their GC/JIT); *node loops*: the node's event loops (HTTP, "
            + "WebSocket writes, JSON, PostgreSQL client, the feed); *bare loops*: the bare server's; *other Java*: "
            + "every other thread of the server JVM; *GC/JIT/VM*: server JVM time no Java thread accounts for; "
            + "*clients*: the clients' JVM (clients and loader); *PostgreSQL*: postmaster and backends; *other*: the "
            + "rest of the machine.\n\n");
    r.append("| clients | server | server JVM | node loops | bare loops | other Java | GC/JIT/VM | server GCs (ms) | clients JVM | client GCs (ms) | PostgreSQL | other | idle |\n");
    r.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      FanoutCpu.Usage u = p.cpu();
      r.append("| ").append(fmt(p.n(), 0)).append(" | ").append(p.server()).append(" | ").append(fmt(u.jvm(), 2))
          .append(" | ").append(fmt(u.nodeLoops(), 2)).append(" | ").append(fmt(u.bareLoops(), 2))
          .append(" | ").append(fmt(u.otherJavaThreads(), 2)).append(" | ").append(fmt(u.jvmNative(), 2))
          .append(" | ").append(u.gcCount()).append(" (").append(u.gcMillis()).append(") | ").append(fmt(u.clients(), 2))
          .append(" | ").append(p.window().getLong("gcCount")).append(" (").append(p.window().getLong("gcMillis")).append(")")
          .append(" | ").append(fmt(u.postgres(), 2)).append(" | ").append(fmt(u.others(), 2))
          .append(" | ").append(fmt(u.machineIdle(), 2)).append(" |\n");
    }
    r.append('\n');
    r.append("CPU per delivered message (server JVM cores × window / messages): ");
    List<String> per = new ArrayList<>();
    for (Phase p : phases) {
      long m = p.window().getLong("messages");
      per.add(p.server() + " N=" + fmt(p.n(), 0) + ": " + fmt(m == 0 ? Double.NaN : p.cpu().jvm() * p.cpu().wallSeconds() * 1e6 / m, 1)
          + " µs (+ clients " + fmt(m == 0 ? Double.NaN : p.cpu().clients() * p.cpu().wallSeconds() * 1e6 / m, 1) + " µs)");
    }
    r.append(String.join("; ", per)).append(".\n\n");
    r.append("Allocation in the server JVM (all Java threads; its event loops alone; per delivered message): ");
    List<String> alloc = new ArrayList<>();
    for (Phase p : phases) {
      FanoutCpu.Usage u = p.cpu();
      double loops = p.node() ? u.nodeAllocatedPerSecond() : u.bareAllocatedPerSecond();
      alloc.add(p.server() + " N=" + fmt(p.n(), 0) + ": " + fmt(u.allAllocatedPerSecond() / 1048576, 0) + " MiB/s ("
          + fmt(loops / 1048576, 0) + " MiB/s, " + fmt(loops / p.messagesPerSecond(), 0) + " B per message)");
    }
    r.append(String.join("; ", alloc)).append(".\n\n");
    r.append("Other processes during each window (cores; before each window the bench waits up to ")
        .append(fmt(flags.number("quiet-wait", 15), 0)).append(" s for them to use less than ")
        .append(fmt(flags.number("quiet-cores", 0.25), 2)).append(" cores):\n\n");
    for (Phase p : phases) {
      List<String> t = new ArrayList<>();
      for (Map.Entry<String, Double> e : p.cpu().otherProcesses()) {
        t.add("`" + e.getKey().replace('`', '\'') + "` " + fmt(e.getValue(), 2));
      }
      double unattributed = p.cpu().others() - p.cpu().otherProcessesSeen();
      if (unattributed >= 0.05) {
        t.add("processes that ended during the window, and the kernel: " + fmt(unattributed, 2));
      }
      r.append("- ").append(p.server()).append(" N=").append(fmt(p.n(), 0)).append(" (waited ")
          .append(fmt(p.quietWaited(), 0)).append(" s): ").append(t.isEmpty() ? "none above 0.01" : String.join(", ", t)).append('\n');
    }
    r.append('\n');
    r.append("Busiest threads of the server JVM per window (cores):\n\n");
    for (Phase p : phases) {
      List<String> t = new ArrayList<>();
      for (Map.Entry<String, Double> e : p.cpu().topThreads()) {
        if (e.getValue() >= 0.005) {
          t.add("`" + e.getKey() + "` " + fmt(e.getValue(), 2));
        }
      }
      r.append("- ").append(p.server()).append(" N=").append(fmt(p.n(), 0)).append(": ").append(String.join(", ", t)).append('\n');
    }
    r.append('\n');

    r.append("## Machine\n\n| fact | value |\n|---|---|\n");
    row(r, "`nproc`", command("nproc"));
    row(r, "CPU", cpuModel());
    row(r, "memory", memory());
    row(r, "JVM", System.getProperty("java.vm.name") + " " + Runtime.version() + ", server JVM max heap "
        + Runtime.getRuntime().maxMemory() / 1048576 + " MiB, clients JVM `-Xmx" + flags.string("client-heap", "1536m") + "`");
    row(r, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    row(r, "open files limit", openFilesLimit());
    row(r, "CPU busy before the node started (other work on the machine)", fmt(backgroundBusy, 2) + " cores");
    r.append('\n');

    r.append("## Configuration\n\n");
    List<String> o = new ArrayList<>();
    overrides.forEach((k, v) -> o.add("`" + k + "=" + v + "`"));
    r.append("- **Server JVM** (`-Xmx2g`): the node, started with `Node.start(AppConfig.of(...))`, overrides ")
        .append(String.join(", ", o)).append(" (everything else `cityops.json`: `pg.poolSize=").append(config.pgPoolSize())
        .append("`, ...), on a fresh embedded PostgreSQL; and the bare server: its own Vert.x with ")
        .append(config.httpInstances()).append(" event loops and as many `HttpServer` verticle instances, "
            + "`webSocketHandler` keeping a set of sockets per event loop, `writeTextMessage` to each (no "
            + "authentication, topics, outbox or JSON).\n");
    r.append("- **Clients JVM** (a child process, `-Xmx").append(flags.string("client-heap", "1536m")).append("`): ")
        .append("N WebSocket clients on one Vert.x with ").append((int) flags.number("client-loops", 2))
        .append(" event loops (`WebSocketClient`, `setMaxConnections(20000)`, no per-message compression")
        .append(flags.has("deflate") ? " — **asked for with `--deflate`**" : "").append("), at most ")
        .append((int) flags.number("connect-concurrency", 200)).append(" connects in flight. Node: `GET /ws` with "
            + "`Authorization: Bearer <operator token>` (one sign-in, one token for all), no `Origin`; after "
            + "`authenticated`, `subscribe` to `systems` and `kpi.city`; ready when both snapshots arrived. Bare: "
            + "ready when the upgrade completed.\n");
    r.append("- **Loader** (in the clients JVM, its own Vert.x): ").append(fmt(flags.number("batches-per-second", 20), 0))
        .append(" `POST /api/v1/events` per second (bootstrap key), each with ")
        .append((int) flags.number("health-per-batch", 3)).append(" `system.health` events cycling through the ")
        .append("city systems (`occurredAt` = now, `\"message\":\"t=<epoch µs>\"` = the send time) and ")
        .append((int) flags.number("dossiers-per-batch", 1)).append(" `dossier` event received today (so `kpi.city` "
            + "moves). Open loop; every answer must be 202 with all events accepted.\n");
    r.append("- Per N and server: connect, settle, heap; then (node) the loader starts; ").append(fmt(warmup, 0))
        .append(" s warm-up; ").append(fmt(seconds, 0)).append(" s measured; clients closed before the next phase. "
            + "Order: node 1,000, bare 1,000, node 5,000, bare 5,000.\n");
    r.append("- Clocks: both timestamps are epoch microseconds from `Instant.now()` (`CLOCK_REALTIME`, one clock for "
        + "every process of the machine); the node's latency stamps are taken and read in the clients JVM.\n\n");

    r.append("## Caveats\n\n");
    r.append("- **Everything shares 2 cores**: the node, PostgreSQL, the bare server (idle during the node's phases), "
        + "N clients that decode every frame, and the loader. Client-side decoding is on the same cores as the "
        + "server's encoding, so the figures are a floor for a server whose clients are elsewhere; the CPU table "
        + "shows each part's share.\n");
    r.append("- **Throughput** is delivered topic messages per second at the node's own cadence (one `systems` frame "
        + "per 100 ms, one `kpi.city` update per second), the bare server being offered the same cadence: the "
        + "ratio says whether the node keeps up with what an ideal broadcaster would deliver, not the most either "
        + "could push.\n");
    r.append("- **Latency** includes, for the node, the durable commit of the ingest request (fsync on) and the wait "
        + "for the next 100 ms frame (so about 50 ms on average by design); the bare server's latency is the fan-out "
        + "alone. Client-side receive queueing is included in both.\n");
    r.append("- **Heap per socket** is measured idle (after snapshots, no deltas pending); per-connection outboxes "
        + "grow only while a client is backed up. Netty's buffers are direct (off-heap) and pooled per event loop. "
        + "Browsers usually ask for `permessage-deflate`, which Vert.x servers accept by default and which adds a "
        + "deflater (native memory) per connection; these clients do not ask for it"
        + (flags.has("deflate") ? " (except in this run: `--deflate`)" : "") + ".\n");
    r.append("- One run, no repetitions; other work on the machine (column *other*) moves the figures.\n");
    return r.toString();
  }

  private static final double DISTURBED_CORES = 0.2;

  private static boolean disturbed(Phase p) {
    return p.cpu().others() > DISTURBED_CORES;
  }

  private static List<Integer> sizes(List<Phase> phases) {
    return phases.stream().map(Phase::n).distinct().toList();
  }

  private static Phase find(List<Phase> phases, String server, int n) {
    return phases.stream().filter(p -> p.server().equals(server) && p.n() == n).findFirst().orElse(null);
  }

  private static String kib(double bytes) {
    return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
  }

  private static void goal(StringBuilder r, String goal, String target, String measured, boolean met) {
    r.append("| ").append(goal).append(" | ").append(target).append(" | ").append(measured).append(" | ")
        .append(met ? "yes" : "**no**").append(" |\n");
  }

  private static void row(StringBuilder r, String k, String v) {
    r.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  static String fmt(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%,." + decimals + "f", v);
  }

  private static String fmtD(Double v, int decimals) {
    return v == null ? "–" : fmt(v, decimals);
  }

  private static String fmtPlain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  // ---------------------------------------------------------------------------------------------- the clients JVM

  /** The clients' JVM: one command per line on its stdin, one {@code @<json>} answer per line on its stdout. */
  private static final class ClientProcess {
    private final Process process;
    private final Writer in;
    private final BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();

    private ClientProcess(Process process) {
      this.process = process;
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.startsWith("@")) {
              answers.add(new JsonObject(line.substring(1)));
            } else {
              System.err.println("[clients] " + line);
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "bench-clients-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static ClientProcess start(Flags flags, List<String> args) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + flags.string("client-heap", "1536m"));
      cmd.add("-Xms512m");
      cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      cmd.add("-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(FanoutClients.class.getName());
      cmd.addAll(args);
      if (flags.has("deflate")) {
        cmd.add("--deflate");
      }
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new ClientProcess(p);
    }

    long pid() {
      return process.pid();
    }

    JsonObject call(String command, long timeoutSeconds) throws Exception {
      in.write(command + "\n");
      in.flush();
      JsonObject answer = answers.poll(timeoutSeconds, TimeUnit.SECONDS);
      if (answer == null) {
        throw new IllegalStateException("the clients JVM did not answer '" + command + "' within " + timeoutSeconds + " s"
            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
      }
      if (answer.containsKey("error")) {
        throw new IllegalStateException("the clients JVM failed '" + command + "': " + answer.getString("error"));
      }
      return answer;
    }

    void quit() {
      try {
        if (process.isAlive()) {
          call("quit", 20);
        }
      } catch (Exception e) {
        log("clients JVM: " + e.getMessage());
      }
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroy();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- facts

  private static String login(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", USER).put("password", PASSWORD).encode()))
        .build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IllegalStateException("sign-in as " + USER + " answered " + resp.statusCode() + ": " + resp.body());
    }
    return new JsonObject(resp.body()).getString("token");
  }

  /** Cores busy on the machine over one second, before anything of ours runs. */
  private static double backgroundCpu() {
    long[] a = CpuSampler.machineTicks();
    sleep(1000);
    long[] b = CpuSampler.machineTicks();
    if (a == null || b == null) {
      return Double.NaN;
    }
    long total = 0;
    for (int i = 0; i < a.length && i < b.length; i++) {
      total += b[i] - a[i];
    }
    long idle = (b[3] - a[3]) + (b[4] - a[4]);
    return total == 0 ? Double.NaN : (double) (total - idle) / total * Runtime.getRuntime().availableProcessors();
  }

  private static String openFilesLimit() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
      return lines.filter(l -> l.startsWith("Max open files")).map(l -> l.replaceAll("\\s+", " ").trim().split(" "))
          .map(f -> f[3] + " (hard " + f[4] + ")").findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }




}
