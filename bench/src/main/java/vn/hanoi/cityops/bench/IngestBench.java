package vn.hanoi.cityops.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.store.Sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static vn.hanoi.cityops.bench.BenchSupport.*;

/**
 * The ingest benchmark (a program that measures and reports, not a test). Starts a real node in this JVM
 * on a fresh embedded PostgreSQL, drives {@code POST /api/v1/events} over HTTP with batches of 1, 100 and
 * 1,000 events from a closed-loop load generator on its own Vert.x, then measures the ceiling on the same
 * PostgreSQL with plain loaders (COPY, a JDBC batch of INSERTs, and the node's own statement over JDBC),
 * and writes a Markdown report to {@code bench/results/}. Exits 1 when any request failed (the run is
 * then invalid), 2 when the node could not start.
 *
 * <p>Flags: {@code --seconds 15 --warmup 3 --batches 1,100,1000 --concurrency 32,16,4 --loader-seconds 10
 * --loader-warmup 2 --loader-threads 2 --copy-chunk 1000 --jdbc-batch 100 --sql-chunk 1000
 * --open-rates 10000 --open-batch 100 --open-seconds 10 --open-max-in-flight 256 --pregen-mb 600
 * --bench-dir bench --keep-data --skip-loaders --skip-node-sql --set key=value} (a node config override,
 * repeatable). {@code --open-rates 0} skips the open-loop run.
 */
public final class IngestBench {
  private static final String API_KEY = "cityops-dev-key";
  private static final String SOURCE = "bootstrap"; // the source of the dev bootstrap key
  private static final int EVENT_BYTES_ESTIMATE = 430;

  private record Phase(int batch, int concurrency, HttpLoad.Result result, CpuSampler.Usage cpu, double eventsPerWrite,
                       double writesPerSecond, double commitsPerSecond, double walMbPerSecond, long checkpoints,
                       long fallbackBodies, long pregeneratedBodies, double warmupEventsPerSecond) {
  }

  private record LoaderRun(PlainLoaders.Result result, CpuSampler.Usage cpu) {
  }

  private record OpenPhase(HttpLoad.OpenResult result, CpuSampler.Usage cpu) {
  }

  public static void main(String[] args) {
    int code;
    try {
      code = new IngestBench(Flags.parse(args)).run();
    } catch (Throwable t) {
      System.err.println("bench: failed: " + t);
      t.printStackTrace();
      code = 3;
    }
    System.exit(code);
  }

  private final Flags flags;
  private final LocalDateTime startedAt = LocalDateTime.now();

  private IngestBench(Flags flags) {
    this.flags = flags;
  }

  private int run() throws Exception {
    Path benchDir = Path.of(flags.string("bench-dir", Files.isDirectory(Path.of("bench")) ? "bench" : ".")).toAbsolutePath().normalize();
    Path dataDir = benchDir.resolve("target").resolve("bench-pg-" + startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    int httpPort = freePort();
    int pgPort = freePort();
    double seconds = flags.number("seconds", 15);
    double warmup = flags.number("warmup", 3);
    List<Integer> batches = flags.ints("batches", List.of(1, 100, 1000));
    List<Integer> concurrency = flags.ints("concurrency", List.of(32, 16, 4));
    if (batches.size() != concurrency.size()) {
      throw new IllegalArgumentException("--batches and --concurrency need as many values each");
    }
    long pregenBytes = (long) flags.number("pregen-mb", 600) * 1024 * 1024;

    double backgroundBusy = backgroundCpu();
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("http.port", httpPort);
    overrides.put("pg.dataDir", dataDir.toString());
    overrides.put("pg.embeddedPort", pgPort);
    overrides.put("simulator", "off");
    overrides.put("cluster", "off");
    overrides.put("ingest.keyRatePerSecond", "1000000");
    overrides.put("dev.mode", "on");
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
    int exit;
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      exit = measure(node, config, clientVertx, dataDir, seconds, warmup, batches, concurrency, pregenBytes,
          overrides, backgroundBusy);
    } finally {
      log("closing the load generator and the node");
      clientVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      node.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (!flags.has("keep-data")) {
        deleteTree(dataDir);
      }
    }
    return exit;
  }

  private int measure(Node node, AppConfig config, Vertx clientVertx, Path dataDir, double seconds, double warmup,
                      List<Integer> batches, List<Integer> concurrency, long pregenBytes, Map<String, Object> overrides,
                      double backgroundBusy) throws Exception {
    ReferenceData reference = node.reference();
    int pgPort = node.database().embeddedPort();
    String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    HttpLoad load = new HttpLoad(clientVertx, config.httpPort(), API_KEY, "/api/v1/events");
    CpuSampler cpu = new CpuSampler(dataDir, load.thread().getId());
    Map<String, String> pgFacts = new LinkedHashMap<>();
    List<Phase> phases = new ArrayList<>();
    List<LoaderRun> loaders = new ArrayList<>();
    List<OpenPhase> openPhases = new ArrayList<>();
    String top = null;

    try (Connection observer = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      pgFacts.putAll(pgFacts(observer));
      EventFactory factory = new EventFactory(reference, 20221230L);
      for (int i = 0; i < batches.size(); i++) {
        int batch = batches.get(i);
        int k = concurrency.get(i);
        String prefix = "b" + batch + "-";
        long[] counter = {0};

        log("batch " + batch + ": warm-up " + warmup + " s with " + k + " requests in flight");
        HttpLoad.Result warm = load.run(batch, k, warmup, () -> factory.body(prefix, counter, batch));
        if (warm.errors() > 0) {
          log("batch " + batch + ": " + warm.errors() + " errors in warm-up, e.g. " + warm.errorSamples());
        }
        double warmRate = warm.eventsPerSecond();

        // generously: the warm-up runs a cold JIT (batch 1 in particular), so its rate underestimates the window's
        long wanted = (long) Math.ceil(Math.max(warmRate, 5000) * seconds * 2.5 / batch) + 4L * k;
        long cap = Math.max(4L * k, pregenBytes / ((long) batch * EVENT_BYTES_ESTIMATE));
        int count = (int) Math.min(wanted, cap);
        log(String.format(Locale.ROOT, "batch %d: warm-up ran %.0f events/s; making %d bodies (%d events) for the window",
            batch, warmRate, count, (long) count * batch));
        Buffer[] pool = new Buffer[count];
        for (int b = 0; b < count; b++) {
          pool[b] = factory.body(prefix, counter, batch);
        }
        long[] fallback = {0};
        int[] next = {0};
        Supplier<Buffer> bodies = () -> {
          if (next[0] < pool.length) {
            Buffer body = pool[next[0]];
            pool[next[0]++] = null;
            return body;
          }
          fallback[0]++;
          return factory.body(prefix, counter, batch);
        };
        System.gc();

        DbStats dbBefore = DbStats.read(observer);
        double[] writesBefore = writeStats(node);
        CpuSampler.Snapshot cpuBefore = cpu.snapshot();
        Thread topThread = null;
        String[] topOut = new String[1];
        if (batch == 100) {
          topThread = new Thread(() -> {
            sleep((long) (seconds * 500));
            topOut[0] = topSnapshot();
          }, "bench-top");
          topThread.setDaemon(true);
          topThread.start();
        }
        log("batch " + batch + ": measuring " + seconds + " s");
        HttpLoad.Result result = load.run(batch, k, seconds, bodies);
        CpuSampler.Usage usage = cpu.between(cpuBefore, cpu.snapshot());
        double[] writesAfter = writeStats(node);
        DbStats dbAfter = DbStats.read(observer);
        if (topThread != null) {
          topThread.join(10_000);
          top = topOut[0];
        }
        double writes = writesAfter[0] - writesBefore[0];
        double written = writesAfter[1] - writesBefore[1];
        Phase phase = new Phase(batch, k, result, usage, writes == 0 ? Double.NaN : written / writes,
            writes / usage.wallSeconds(), (dbAfter.commits - dbBefore.commits) / usage.wallSeconds(),
            (dbAfter.walBytes - dbBefore.walBytes) / 1048576.0 / usage.wallSeconds(),
            dbAfter.checkpoints - dbBefore.checkpoints, fallback[0], count, warmRate);
        phases.add(phase);
        log(String.format(Locale.ROOT, "batch %d: %d requests, %.0f events/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (+%d in warm-up)",
            batch, result.requests(), result.eventsPerSecond(), Latencies.percentileMs(result.sortedLatencies(), 50),
            Latencies.percentileMs(result.sortedLatencies(), 99), Latencies.maxMs(result.sortedLatencies()),
            result.errors(), warm.errors()));
        if (warm.errors() > 0) {
          phases.set(phases.size() - 1, withWarmupErrors(phase, warm));
        }
      }

      int openBatch = (int) flags.number("open-batch", 100);
      double openSeconds = flags.number("open-seconds", 10);
      int openMaxInFlight = (int) flags.number("open-max-in-flight", 256);
      for (int rate : flags.ints("open-rates", List.of(10_000))) {
        if (rate <= 0) {
          continue;
        }
        String prefix = "o" + rate + "-";
        long[] counter = {0};
        int count = (int) Math.ceil(rate * openSeconds / openBatch) + 8;
        Buffer[] pool = new Buffer[count];
        for (int b = 0; b < count; b++) {
          pool[b] = factory.body(prefix, counter, openBatch);
        }
        int[] next = {0};
        Supplier<Buffer> bodies = () -> {
          if (next[0] < pool.length) {
            Buffer body = pool[next[0]];
            pool[next[0]++] = null;
            return body;
          }
          return factory.body(prefix, counter, openBatch);
        };
        System.gc();
        log("open loop: offering " + rate + " events/s in batches of " + openBatch + " for " + openSeconds + " s");
        CpuSampler.Snapshot before = cpu.snapshot();
        HttpLoad.OpenResult r = load.runOpen(openBatch, rate, openSeconds, bodies, openMaxInFlight);
        openPhases.add(new OpenPhase(r, cpu.between(before, cpu.snapshot())));
        log(String.format(Locale.ROOT, "open loop %d events/s: %.0f events/s completed in the window, p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms, skipped %d, errors %d", rate, r.eventsPerSecond(), Latencies.percentileMs(r.sortedLatencies(), 50),
            Latencies.percentileMs(r.sortedLatencies(), 99), Latencies.maxMs(r.sortedLatencies()), r.skipped(), r.errors()));
      }

      if (!flags.has("skip-loaders")) {
        PlainLoaders plain = new PlainLoaders(jdbcUrl, reference, pregenBytes);
        int threads = (int) flags.number("loader-threads", 2);
        double lw = flags.number("loader-warmup", 2);
        double ls = flags.number("loader-seconds", 10);
        int copyChunk = (int) flags.number("copy-chunk", 1000);
        int jdbcBatch = (int) flags.number("jdbc-batch", 100);
        int sqlChunk = (int) flags.number("sql-chunk", 1000);
        String nodeSql = Sql.load("insert-events.sql");
        loaders.add(loader(cpu, plain, "COPY", "`COPY event (...) FROM STDIN` (text), " + copyChunk + " rows per COPY, commit per COPY",
            PlainLoaders.copy("copy-loader"), "c", threads, copyChunk, lw, ls));
        loaders.add(loader(cpu, plain, "JDBC batch", "`INSERT INTO event ... VALUES (...)` x " + jdbcBatch
                + " in one `executeBatch`, commit per batch", PlainLoaders.jdbcBatch("jdbc-loader"), "j", threads, jdbcBatch, lw, ls));
        if (!flags.has("skip-node-sql")) {
          loaders.add(loader(cpu, plain, "node SQL over JDBC", "the node's `sql/insert-events.sql` (events + current-state tables), "
              + sqlChunk + " rows per statement, commit per statement", PlainLoaders.nodeStatement("sql-loader", nodeSql),
              "s", threads, sqlChunk, lw, Math.min(ls, 8)));
        }
      }
      pgFacts.put("rows in `event` at the end", String.valueOf(count(observer, "SELECT count(*) FROM event")));
    }

    String report = report(config, overrides, phases, openPhases, loaders, pgFacts, top, backgroundBusy, seconds, warmup,
        pregenBytes);
    System.out.println(report);
    Path results = Path.of(flags.string("bench-dir", Files.isDirectory(Path.of("bench")) ? "bench" : "."))
        .toAbsolutePath().normalize().resolve("results");
    Files.createDirectories(results);
    Path file = results.resolve("ingest-" + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".md");
    Files.writeString(file, report, StandardCharsets.UTF_8);
    Files.copy(file, results.resolve("latest-ingest.md"), StandardCopyOption.REPLACE_EXISTING);
    log("report written to " + file + " and " + results.resolve("latest-ingest.md"));
    long errors = phases.stream().mapToLong(p -> p.result().errors()).sum()
        + openPhases.stream().mapToLong(p -> p.result().errors()).sum();
    return errors > 0 ? 1 : 0;
  }

  private static Phase withWarmupErrors(Phase p, HttpLoad.Result warm) {
    HttpLoad.Result r = p.result();
    List<String> samples = new ArrayList<>(warm.errorSamples());
    samples.addAll(r.errorSamples());
    HttpLoad.Result merged = new HttpLoad.Result(r.batch(), r.concurrency(), r.seconds(), r.requests(), r.events(), r.late(),
        r.errors() + warm.errors(), samples, r.sortedLatencies());
    return new Phase(p.batch(), p.concurrency(), merged, p.cpu(), p.eventsPerWrite(), p.writesPerSecond(),
        p.commitsPerSecond(), p.walMbPerSecond(), p.checkpoints(), p.fallbackBodies(), p.pregeneratedBodies(),
        p.warmupEventsPerSecond());
  }

  private LoaderRun loader(CpuSampler cpu, PlainLoaders plain, String name, String how, PlainLoaders.WriterFactory kind,
                           String prefix, int threads, int chunk, double warmup, double seconds) throws Exception {
    log("loader " + name + ": " + threads + " connections, " + chunk + " rows per commit, warm-up " + warmup + " s, measuring " + seconds + " s");
    System.gc();
    PlainLoaders.Result r = plain.run(name, how, kind, prefix, threads, chunk, warmup, seconds, 77L + prefix.hashCode(), cpu);
    CpuSampler.Usage usage = r.cpu();
    log(String.format(Locale.ROOT, "loader %s: %.0f rows/s (%d rows), commit p50 %.1f ms, p99 %.1f ms", name,
        r.rowsPerSecond(), r.rows(), Latencies.percentileMs(r.sortedChunkLatencies(), 50),
        Latencies.percentileMs(r.sortedChunkLatencies(), 99)));
    return new LoaderRun(r, usage);
  }

  // ---------------------------------------------------------------------------------------------- report

  private String report(AppConfig config, Map<String, Object> overrides, List<Phase> phases, List<OpenPhase> openPhases,
                        List<LoaderRun> loaders, Map<String, String> pgFacts, String top, double backgroundBusy,
                        double seconds, double warmup, long pregenBytes) {
    StringBuilder r = new StringBuilder();
    long errors = phases.stream().mapToLong(p -> p.result().errors()).sum()
        + openPhases.stream().mapToLong(p -> p.result().errors()).sum();
    r.append("# Ingest benchmark — ").append(startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("\n\n");
    r.append(errors == 0 ? "Run valid: every request answered 202 with `accepted` equal to its batch size.\n\n"
        : "**Run INVALID: " + errors + " requests failed** (see the errors below).\n\n");

    r.append("## Machine\n\n| fact | value |\n|---|---|\n");
    row(r, "`nproc`", command("nproc"));
    row(r, "`Runtime.availableProcessors()`", String.valueOf(Runtime.getRuntime().availableProcessors()));
    row(r, "CPU", cpuModel());
    row(r, "memory", memory());
    row(r, "JVM", System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor")
        + "), max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB");
    row(r, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    row(r, "CPU busy before the node started (other work on the machine)", fmt(backgroundBusy, 2) + " cores");
    pgFacts.forEach((k, v) -> row(r, k, v));
    r.append('\n');

    r.append("## Configuration\n\n");
    r.append("- One JVM (`-Xmx2g`) holds the node **and** the load generator; PostgreSQL is the node's embedded server "
        + "(zonky) on a fresh data directory; node, load generator and PostgreSQL share the machine's cores.\n");
    r.append("- Node overrides: ");
    List<String> o = new ArrayList<>();
    overrides.forEach((k, v) -> o.add("`" + k + "=" + v + "`"));
    r.append(String.join(", ", o)).append(". Everything else is `cityops.json`: `http.instances=")
        .append(config.httpInstances()).append("`, `pg.poolSize=").append(config.pgPoolSize())
        .append("`, `ingest.batchWindowMs=").append(config.batchWindowMs()).append("`, `ingest.maxPendingEvents=")
        .append(config.maxPendingEvents()).append("`, `ingest.maxBatchEvents=").append(config.maxBatchEvents()).append("`.\n");
    r.append("- Clustering is **off** for the bench (`cluster=off`): no Hazelcast. It does not touch the ingest path "
        + "(authenticate, decode, validate, check references, store, answer); only the publication of accepted events "
        + "on the event bus would then also reach other nodes.\n");
    r.append("- Load: `POST /api/v1/events`, `Authorization: Bearer cityops-dev-key` (dev-mode bootstrap key, source `")
        .append(SOURCE).append("`), a JSON array of valid events (~10% `system.health`, ~65% `dossier`, ~25% `feedback`, "
            + "real agencies/systems from the reference data, unique ids). Closed loop: K requests in flight on K "
            + "keep-alive connections, one event loop of the load generator's own Vert.x. Per batch size: ")
        .append(fmt(warmup, 0)).append(" s warm-up (not measured), then ").append(fmt(seconds, 0))
        .append(" s measured with bodies made beforehand (budget ").append(pregenBytes / 1048576).append(" MiB).\n");
    r.append("- A request counts when it completes inside the window; latency is from before `request()` until the "
        + "whole answer is read, i.e. until the node has committed the batch (the node answers after its commit). "
        + "Percentiles are nearest-rank over every counted request.\n\n");

    r.append("## Node over HTTP (durable ingest)\n\n");
    r.append("| batch | concurrency | requests | events | events/s | p50 ms | p99 ms | max ms | errors |\n");
    r.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      HttpLoad.Result x = p.result();
      long[] l = x.sortedLatencies();
      r.append("| ").append(p.batch()).append(" | ").append(p.concurrency()).append(" | ").append(x.requests())
          .append(" | ").append(x.events()).append(" | ").append(fmt(x.eventsPerSecond(), 0))
          .append(" | ").append(fmt(Latencies.percentileMs(l, 50), 1)).append(" | ").append(fmt(Latencies.percentileMs(l, 99), 1))
          .append(" | ").append(fmt(Latencies.maxMs(l), 1)).append(" | ").append(x.errors()).append(" |\n");
    }
    r.append('\n');
    r.append("In a closed loop the latency follows from the throughput (Little's law): mean latency ≈ events in "
        + "flight / events per second. ");
    for (Phase p : phases) {
      if (p.batch() == 100) {
        long inFlight = (long) p.concurrency() * p.batch();
        r.append("At batch 100 with ").append(p.concurrency()).append(" requests in flight (").append(inFlight)
            .append(" events), a mean under 50 ms needs more than ").append(fmt(inFlight / 0.050, 0))
            .append(" events/s; at the measured ").append(fmt(p.result().eventsPerSecond(), 0)).append(" events/s it is ")
            .append(fmt(inFlight / p.result().eventsPerSecond() * 1000, 0)).append(" ms. ");
      }
    }
    r.append("The open-loop run below measures the latency at a fixed offered rate instead.\n\n");
    for (Phase p : phases) {
      if (!p.result().errorSamples().isEmpty()) {
        r.append("Errors at batch ").append(p.batch()).append(" (first ones):\n\n");
        p.result().errorSamples().forEach(s -> r.append("- `").append(s.replace('`', '\'')).append("`\n"));
        r.append('\n');
      }
    }

    if (!openPhases.isEmpty()) {
      r.append("## Node at a fixed offered rate (open loop)\n\n");
      r.append("Requests start on a schedule whatever the answers; latency from each request's planned start (so a "
          + "backlog shows); at most ").append((int) flags.number("open-max-in-flight", 256))
          .append(" requests in flight, beyond that a request is skipped and counted.\n\n");
      r.append("| batch | offered events/s | completed events/s | requests sent | skipped | p50 ms | p99 ms | max ms | most in flight | errors |\n");
      r.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (OpenPhase op : openPhases) {
        HttpLoad.OpenResult x = op.result();
        long[] l = x.sortedLatencies();
        r.append("| ").append(x.batch()).append(" | ").append(fmt(x.offeredEventsPerSecond(), 0)).append(" | ")
            .append(fmt(x.eventsPerSecond(), 0)).append(" | ").append(x.sent()).append(" | ").append(x.skipped())
            .append(" | ").append(fmt(Latencies.percentileMs(l, 50), 1)).append(" | ").append(fmt(Latencies.percentileMs(l, 99), 1))
            .append(" | ").append(fmt(Latencies.maxMs(l), 1)).append(" | ").append(x.maxInFlightSeen()).append(" | ")
            .append(x.errors()).append(" |\n");
      }
      r.append('\n');
      for (OpenPhase op : openPhases) {
        if (!op.result().errorSamples().isEmpty()) {
          r.append("Errors at ").append(fmt(op.result().offeredEventsPerSecond(), 0)).append(" events/s offered (first ones):\n\n");
          op.result().errorSamples().forEach(e -> r.append("- `").append(e.replace('`', '\'')).append("`\n"));
          r.append('\n');
        }
      }
    }

    if (!loaders.isEmpty()) {
      r.append("## Plain loaders on the same PostgreSQL (the ceiling)\n\n");
      r.append("| loader | how | connections | rows/s | rows | commit p50 ms | commit p99 ms |\n|---|---|---:|---:|---:|---:|---:|\n");
      for (LoaderRun lr : loaders) {
        PlainLoaders.Result x = lr.result();
        r.append("| ").append(x.name()).append(" | ").append(x.how()).append(" | ").append(x.threads()).append(" | ")
            .append(fmt(x.rowsPerSecond(), 0)).append(" | ").append(x.rows()).append(" | ")
            .append(fmt(Latencies.percentileMs(x.sortedChunkLatencies(), 50), 1)).append(" | ")
            .append(fmt(Latencies.percentileMs(x.sortedChunkLatencies(), 99), 1)).append(" |\n");
      }
      r.append("\nCOPY and the JDBC batch write only the `event` table (same columns and indexes, the same kind of rows "
          + "under their own `source`); the node's path also upserts the current-state tables "
          + "(`system_state`, `dossier_state`, `feedback_state`, `procedure`) in the same transaction, so they do less "
          + "work per event. The third loader runs the node's own statement over JDBC (no HTTP, validation or "
          + "batching in the node) to show what the database part of the node's path costs by itself. "
          + "Each loader: " + fmt(flags.number("loader-warmup", 2), 0) + " s warm-up, then the measured window with rows made beforehand"
          + (loaders.stream().allMatch(l -> l.result().pregeneratedAll()) ? "" : " (some rows were made during the window: memory budget reached)")
          + "; they ran after the HTTP phases, on a table already holding those rows.\n\n");
    }

    Phase p100 = phases.stream().filter(p -> p.batch() == 100).findFirst().orElse(null);
    LoaderRun copy = loaders.stream().filter(l -> l.result().name().equals("COPY")).findFirst().orElse(null);
    LoaderRun jdbc = loaders.stream().filter(l -> l.result().name().equals("JDBC batch")).findFirst().orElse(null);
    LoaderRun sql = loaders.stream().filter(l -> l.result().name().startsWith("node SQL")).findFirst().orElse(null);
    if (p100 != null) {
      double node = p100.result().eventsPerSecond();
      r.append("## Ratios (node at batch 100 vs. plain loaders)\n\n| ratio | value |\n|---|---:|\n");
      if (copy != null) {
        row(r, "node(batch 100) / COPY", fmt(node / copy.result().rowsPerSecond(), 3));
      }
      if (jdbc != null) {
        row(r, "node(batch 100) / JDBC batch", fmt(node / jdbc.result().rowsPerSecond(), 3));
      }
      if (sql != null) {
        row(r, "node(batch 100) / node SQL over JDBC", fmt(node / sql.result().rowsPerSecond(), 3));
      }
      r.append('\n');
      CpuSampler.Usage u = p100.cpu();
      double jvmUs = perEventMicros(u.jvm() - u.loadGenerator(), u, x(p100));
      double pgUs = perEventMicros(u.postgres(), u, x(p100));
      r.append("CPU per event at batch 100: ").append(fmt(jvmUs + pgUs, 0)).append(" µs (node JVM ").append(fmt(jvmUs, 0))
          .append(" + PostgreSQL ").append(fmt(pgUs, 0)).append("), so ").append(Runtime.getRuntime().availableProcessors())
          .append(" fully used cores would hold about ")
          .append(fmt(Runtime.getRuntime().availableProcessors() * 1e6 / (jvmUs + pgUs), 0)).append(" events/s");
      for (LoaderRun l : loaders) {
        CpuSampler.Usage lu = l.cpu();
        double lj = perEventMicros(lu.jvm(), lu, l.result().rowsAll());
        double lp = perEventMicros(lu.postgres(), lu, l.result().rowsAll());
        r.append("; ").append(l.result().name()).append(": ").append(fmt(lj + lp, 0)).append(" µs per row (loader ")
            .append(fmt(lj, 0)).append(" + PostgreSQL ").append(fmt(lp, 0)).append(")");
      }
      r.append(".\n\n");

      double p99 = Latencies.percentileMs(p100.result().sortedLatencies(), 99);
      r.append("## Goals (issue: on this 2-core machine)\n\n| goal | target | measured | met |\n|---|---|---:|:---:|\n");
      goal(r, "throughput at batch 100", "≥ 10,000 events/s", fmt(node, 0) + " events/s", node >= 10_000);
      if (copy != null) {
        double half = copy.result().rowsPerSecond() / 2;
        goal(r, "vs. the plain loader (COPY)", "≥ half of COPY = " + fmt(half, 0) + " rows/s",
            fmt(node / copy.result().rowsPerSecond() * 100, 1) + " % of COPY", node >= half);
      }
      goal(r, "p99 latency at batch 100 (closed loop, " + p100.concurrency() + " in flight)", "< 50 ms", fmt(p99, 1) + " ms", p99 < 50);
      for (OpenPhase op : openPhases) {
        if (op.result().batch() == 100) {
          double op99 = Latencies.percentileMs(op.result().sortedLatencies(), 99);
          goal(r, "p99 latency at batch 100, " + fmt(op.result().offeredEventsPerSecond(), 0) + " events/s offered (open loop)",
              "< 50 ms", fmt(op99, 1) + " ms", op99 < 50 && op.result().skipped() == 0);
        }
      }
      goal(r, "no failed request", "0 errors", String.valueOf(errors), errors == 0);
      r.append('\n');
    }

    r.append("## Where the time went (measured windows)\n\n");
    r.append("CPU in cores (CPU-seconds per second; the machine has ").append(Runtime.getRuntime().availableProcessors())
        .append("). *Load gen* is the load generator's event loop; *node loops* the node's event loops (HTTP, JSON, "
            + "validation, PostgreSQL client); *other JVM* every other Java thread plus GC/JIT; *PostgreSQL* the "
            + "postmaster and its backends (from `/proc`); *other processes* whatever else kept the machine busy "
            + "(machine busy minus JVM and PostgreSQL: other people's builds and tests). *µs/event*: CPU time per "
            + "event written (JVM without the load generator, and PostgreSQL), which other work on the machine "
            + "disturbs much less than the rates; loaders: per row, JVM = the loader's own threads. DB writes: the node's writes (several requests gathered into "
            + "one statement), from its `cityops_ingest_write_events` meter.\n\n");
    r.append("| phase | JVM | load gen | node loops | other JVM | PostgreSQL | other processes | machine idle | JVM µs/event | PostgreSQL µs/event | events per DB write | DB writes/s | commits/s | WAL MiB/s | checkpoints |\n");
    r.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Phase p : phases) {
      CpuSampler.Usage u = p.cpu();
      r.append("| HTTP batch ").append(p.batch()).append(" | ").append(fmt(u.jvm(), 2)).append(" | ").append(fmt(u.loadGenerator(), 2))
          .append(" | ").append(fmt(u.nodeEventLoops(), 2)).append(" | ").append(fmt(u.otherJavaThreads() + u.jvmNative(), 2))
          .append(" | ").append(fmt(u.postgres(), 2)).append(" | ").append(fmt(others(u), 2)).append(" | ")
          .append(fmt(u.machineIdle(), 2)).append(" | ")
          .append(fmt(perEventMicros(u.jvm() - u.loadGenerator(), u, x(p)), 0)).append(" | ")
          .append(fmt(perEventMicros(u.postgres(), u, x(p)), 0)).append(" | ").append(fmt(p.eventsPerWrite(), 0)).append(" | ")
          .append(fmt(p.writesPerSecond(), 0)).append(" | ").append(fmt(p.commitsPerSecond(), 0)).append(" | ")
          .append(fmt(p.walMbPerSecond(), 1)).append(" | ").append(p.checkpoints()).append(" |\n");
    }
    for (OpenPhase op : openPhases) {
      CpuSampler.Usage u = op.cpu();
      r.append("| open loop ").append(fmt(op.result().offeredEventsPerSecond(), 0)).append(" events/s | ").append(fmt(u.jvm(), 2))
          .append(" | ").append(fmt(u.loadGenerator(), 2)).append(" | ").append(fmt(u.nodeEventLoops(), 2)).append(" | ")
          .append(fmt(u.otherJavaThreads() + u.jvmNative(), 2)).append(" | ").append(fmt(u.postgres(), 2)).append(" | ")
          .append(fmt(others(u), 2)).append(" | ").append(fmt(u.machineIdle(), 2)).append(" | ")
          .append(fmt(perEventMicros(u.jvm() - u.loadGenerator(), u, op.result().events()), 0)).append(" | ")
          .append(fmt(perEventMicros(u.postgres(), u, op.result().events()), 0)).append(" | – | – | – | – | – |\n");
    }
    for (LoaderRun l : loaders) {
      CpuSampler.Usage u = l.cpu();
      r.append("| loader ").append(l.result().name()).append(" | ").append(fmt(u.jvm(), 2)).append(" | – | – | ")
          .append(fmt(u.otherJavaThreads() + u.jvmNative() + u.nodeEventLoops(), 2)).append(" | ").append(fmt(u.postgres(), 2))
          .append(" | ").append(fmt(others(u), 2)).append(" | ").append(fmt(u.machineIdle(), 2)).append(" | ")
          .append(fmt(perEventMicros(u.jvm(), u, l.result().rowsAll()), 0)).append(" | ")
          .append(fmt(perEventMicros(u.postgres(), u, l.result().rowsAll()), 0)).append(" | ")
          .append(l.result().chunkRows()).append(" | – | – | – | – |\n");
    }
    r.append('\n');
    r.append("Bodies: ");
    List<String> b = new ArrayList<>();
    for (Phase p : phases) {
      b.add("batch " + p.batch() + ": warm-up " + fmt(p.warmupEventsPerSecond(), 0) + " events/s, " + p.pregeneratedBodies()
          + " bodies made beforehand, " + p.fallbackBodies() + " made during the window, " + p.result().late()
          + " requests completed after the window (not counted)");
    }
    r.append(String.join("; ", b)).append(".\n\n");
    if (top != null) {
      r.append("### `top` during the batch-100 window\n\n```\n").append(top.strip()).append("\n```\n\n");
    }

    r.append("## Caveats\n\n");
    r.append("- The load generator, the node and PostgreSQL share the same cores; the load generator's CPU (column "
        + "*load gen*) is taken from what the node and PostgreSQL could use, so these figures are a floor for a node "
        + "whose clients are elsewhere.\n");
    String fsync = pgFacts.getOrDefault("PostgreSQL settings", "");
    if (fsync.contains("`fsync=off`")) {
      r.append("- **The embedded PostgreSQL runs with `fsync=off`** (zonky starts `postgres -F`; the node sets only "
          + "`synchronous_commit=on`): a commit waits for its WAL write but not for the disk flush, so these figures "
          + "are \"committed\", not \"durable across a power loss\", for the node and the loaders alike. With "
          + "`fsync=on` every commit would add this disk's flush latency.\n");
    } else {
      r.append("- Commits are flushed to disk (`fsync` and `synchronous_commit` as shown above), so the flush latency "
          + "of this machine's disk is part of every figure; the loaders commit every chunk for the same reason.\n");
    }
    r.append("- The plain loaders run after the HTTP phases, on a table already holding their rows (bigger indexes), "
        + "and write only the `event` table.\n");
    r.append("- One run, no repetitions: other work on the machine (column *other processes*) moves the "
        + "figures by several per cent.\n");
    return r.toString();
  }

  /** All events a phase wrote between its CPU snapshots: those of the window and those answered after it. */
  private static long x(Phase p) {
    return p.result().events() + p.result().late() * p.batch();
  }

  /** CPU microseconds per event from a usage in cores over the sampled window. */
  private static double perEventMicros(double cores, CpuSampler.Usage u, long events) {
    return events == 0 ? Double.NaN : cores * u.wallSeconds() * 1e6 / events;
  }

  private static double others(CpuSampler.Usage u) {
    return Math.max(0, u.machineBusy() - u.jvm() - u.postgres());
  }

  private static void goal(StringBuilder r, String goal, String target, String measured, boolean met) {
    r.append("| ").append(goal).append(" | ").append(target).append(" | ").append(measured).append(" | ")
        .append(met ? "yes" : "**no**").append(" |\n");
  }

  private static void row(StringBuilder r, String k, String v) {
    r.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private static String fmt(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%,." + decimals + "f", v);
  }

  // ---------------------------------------------------------------------------------------------- facts

  private record DbStats(long commits, long walBytes, long checkpoints) {
    static DbStats read(Connection c) throws SQLException {
      long commits = count(c, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
      long wal = count(c, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
      long checkpoints;
      try {
        checkpoints = count(c, "SELECT num_timed + num_requested FROM pg_stat_checkpointer");
      } catch (SQLException e) {
        checkpoints = count(c, "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter");
      }
      return new DbStats(commits, wal, checkpoints);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, String> pgFacts(Connection c) throws SQLException {
    Map<String, String> facts = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT version()")) {
        rs.next();
        facts.put("PostgreSQL", rs.getString(1));
      }
      List<String> settings = new ArrayList<>();
      for (String name : List.of("fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers",
          "max_wal_size", "wal_buffers", "checkpoint_timeout", "max_connections")) {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
          rs.next();
          settings.add("`" + name + "=" + rs.getString(1) + "`");
        }
      }
      facts.put("PostgreSQL settings", String.join(", ", settings));
    }
    return facts;
  }

  private static double[] writeStats(Node node) {
    DistributionSummary s = node.meters().find("cityops_ingest_write_events").summary();
    return s == null ? new double[]{0, 0} : new double[]{s.count(), s.totalAmount()};
  }

  /** Cores busy on the machine over one second, before anything of ours runs. */
  private static double backgroundCpu() {
    try {
      long[] a = procStat();
      Thread.sleep(1000);
      long[] b = procStat();
      long total = 0;
      for (int i = 0; i < a.length; i++) {
        total += b[i] - a[i];
      }
      long idle = (b[3] - a[3]) + (b[4] - a[4]);
      return total == 0 ? Double.NaN : (double) (total - idle) / total * Runtime.getRuntime().availableProcessors();
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static long[] procStat() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long[] t = new long[8];
    for (int i = 0; i < 8; i++) {
      t[i] = Long.parseLong(f[i + 1]);
    }
    return t;
  }




  /** The second frame of {@code top} (the first averages since boot), processes then this JVM's threads. */
  private static String topSnapshot() {
    String procs = secondFrame(command("top", "-b", "-n", "2", "-d", "1", "-w", "150"), 18);
    String threads = secondFrame(command("top", "-b", "-H", "-n", "2", "-d", "1", "-w", "150", "-p",
        String.valueOf(ProcessHandle.current().pid())), 20);
    return procs + "\n\n(threads of the bench JVM)\n" + threads;
  }

  private static String secondFrame(String out, int lines) {
    int second = out.indexOf("top - ", 1);
    String frame = second > 0 ? out.substring(second) : out;
    return String.join("\n", frame.lines().limit(lines).toList());
  }

}
