package vn.hanoi.cityops.bench;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.config.AppConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static vn.hanoi.cityops.bench.BenchSupport.*;

/**
 * The on-call benchmark (a program that measures and reports, not a test): how long from a system's {@code down}
 * event to the page in the on-call engineer's mailbox. In this JVM: a real node (embedded PostgreSQL, development
 * defaults: team {@code sre-dc} owns every system, its policy pages the primary {@code sre} at once, whose contact
 * point is {@code sre@localhost}) and a real SMTP server (GreenMail, on loopback; its delivery hook stamps each mail
 * as it is put in the mailbox). In a JVM of its own: the load generator ({@link OnCallLoad}), posting outages over
 * HTTP and printing when it sent each. Each page is matched to its outage by system and order; the report gives
 * p50/p99/max of down event → page in the mailbox over every outage (and up event → all-clear), with the sample
 * count, and writes {@code bench/results/oncall-<yyyy-MM-dd-HHmm>.md} and {@code latest-oncall.md}. Exits 1 when an
 * outage got no page or a page came twice (the run is invalid), 2 when the node did not start.
 *
 * <p>Flags: {@code --outages 120 --gap-ms 250 --down-ms 1500 --warmup 12 --bench-dir bench --keep-data
 * --set key=value} (a node config override, repeatable).
 */
public final class OnCallBench {
  /** Every system but WAN and DATACENTER, behind which the others group (their outages would merge). */
  private static final List<String> SYSTEMS = List.of("DVC-PORTAL", "DVCQG-LINK", "MOTCUA", "CSDL-DANCU", "LGSP", "QLVB",
      "BAOCAO", "ZALO-PAKN", "HOP", "GIAOBAN", "CKS", "OPENDATA");

  /** A mail as it reached the mailbox. */
  private record Arrival(long micros, String subject) {
  }

  public static void main(String[] args) {
    int code;
    try {
      code = new OnCallBench(Flags.parse(args)).run();
    } catch (Throwable t) {
      System.err.println("bench: failed: " + t);
      t.printStackTrace();
      code = 3;
    }
    System.exit(code);
  }

  private final Flags flags;
  private final LocalDateTime startedAt = LocalDateTime.now();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  private OnCallBench(Flags flags) {
    this.flags = flags;
  }

  private int run() throws Exception {
    Path benchDir = Path.of(flags.string("bench-dir", Files.isDirectory(Path.of("bench")) ? "bench" : ".")).toAbsolutePath().normalize();
    Path dataDir = benchDir.resolve("target").resolve("bench-pg-" + startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    MessageDeliveryHandler deliver = smtp.getManagers().getUserManager().getMessageDeliveryHandler();
    smtp.getManagers().getUserManager().setMessageDeliveryHandler((message, address) -> {
      Instant now = Instant.now();
      arrivals.add(new Arrival(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000, message.getMessage().getSubject()));
      return deliver.handle(message, address);
    });

    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("http.port", freePort());
    overrides.put("pg.dataDir", dataDir.toString());
    overrides.put("pg.embeddedPort", freePort());
    overrides.put("simulator", "off");
    overrides.put("cluster", "off");
    overrides.put("dev.mode", "on");
    overrides.put("notify.smtp.host", "127.0.0.1");
    overrides.put("notify.smtp.port", smtp.getSmtp().getPort());
    overrides.put("notify.maxPerPersonPerMinute", "10000");
    overrides.putAll(flags.sets());
    AppConfig config = AppConfig.of(overrides);
    log("starting node: http port " + config.httpPort() + ", SMTP (GreenMail) port " + smtp.getSmtp().getPort());
    Node node;
    try {
      node = Node.start(config).toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("bench: the node did not start: " + e.getMessage());
      smtp.stop();
      return 2;
    }
    try {
      return measure(node, config, benchDir, overrides);
    } finally {
      log("closing the node and the SMTP server");
      node.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      smtp.stop();
      if (!flags.has("keep-data")) {
        deleteTree(dataDir);
      }
    }
  }

  private int measure(Node node, AppConfig config, Path benchDir, Map<String, Object> overrides) throws Exception {
    Map<String, String> names = systemNames(node);
    int warmup = (int) flags.number("warmup", SYSTEMS.size());
    int outages = (int) flags.number("outages", 120);
    long gapMs = (long) flags.number("gap-ms", 250);
    long downMs = (long) flags.number("down-ms", 1500);

    log("warm-up: " + warmup + " outages, not measured");
    Run warm = load(config, warmup, gapMs, downMs);
    awaitMails(warm.downs().size() * 2, 20_000);
    sleep(2_000);
    arrivals.clear();

    log("measuring: " + outages + " outages, one every " + gapMs + " ms, each " + downMs + " ms long, over "
        + SYSTEMS.size() + " systems");
    Run measured = load(config, outages, gapMs, downMs);
    awaitMails(measured.downs().size() * 2, 30_000);
    sleep(2_000);

    Match pages = match(measured.downs(), names, true);
    Match clears = match(measured.ups(), names, false);
    long claimRows;
    long duplicateClaims;
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + node.database().embeddedPort()
        + "/postgres", "postgres", ""); Statement s = db.createStatement()) {
      claimRows = count(s, "SELECT count(*) FROM oncall_page WHERE kind = 'page'");
      duplicateClaims = count(s, "SELECT count(*) FROM (SELECT episode_id, kind, round, step, username FROM oncall_page "
          + "GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) d");
    }
    String report = report(config, overrides, outages, gapMs, downMs, warmup, measured, pages, clears, claimRows,
        duplicateClaims);
    System.out.println(report);
    Path results = benchDir.resolve("results");
    Files.createDirectories(results);
    Path file = results.resolve("oncall-" + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".md");
    Files.writeString(file, report, StandardCharsets.UTF_8);
    Files.copy(file, results.resolve("latest-oncall.md"), StandardCopyOption.REPLACE_EXISTING);
    log("report written to " + file);
    boolean valid = pages.missing() == 0 && pages.extra() == 0 && duplicateClaims == 0 && measured.failed() == 0;
    return valid ? 0 : 1;
  }

  /** What the generator sent: per system, the send time (epoch µs) of each down and up, in order. */
  private record Run(Map<String, List<Long>> downs, Map<String, List<Long>> ups, int failed) {
  }

  private Run load(AppConfig config, int outages, long gapMs, long downMs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), OnCallLoad.class.getName(),
        "--port", String.valueOf(config.httpPort()), "--outages", String.valueOf(outages),
        "--gap-ms", String.valueOf(gapMs), "--down-ms", String.valueOf(downMs), "--systems", String.join(",", SYSTEMS)));
    Process generator = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, List<Long>> downs = new ConcurrentHashMap<>();
    Map<String, List<Long>> ups = new ConcurrentHashMap<>();
    int failed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("done")) {
        String[] f = line.split(" ");
        Map<String, List<Long>> into = "down".equals(f[0]) ? downs : ups;
        List<Long> times = into.computeIfAbsent(f[1], k -> new ArrayList<>());
        int n = Integer.parseInt(f[2]);
        while (times.size() <= n) {
          times.add(null);
        }
        times.set(n, Long.parseLong(f[3]));
        if (!"202".equals(f[4])) {
          failed++;
          log("generator: " + line);
        }
      }
    }
    generator.waitFor(60, TimeUnit.SECONDS);
    return new Run(downs, ups, failed);
  }

  private void awaitMails(int count, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (arrivals.size() < count && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
  }

  /** Latencies of the matched events, and how many events found no mail or mails found no event. */
  private record Match(long[] sortedMicros, int missing, int extra) {
  }

  /** The k-th page (or all-clear) about a system in the mailbox answers the k-th down (or up) of it. */
  private Match match(Map<String, List<Long>> sent, Map<String, String> names, boolean pages) {
    List<Long> latencies = new ArrayList<>();
    int missing = 0;
    int extra = 0;
    for (Map.Entry<String, List<Long>> e : sent.entrySet()) {
      String name = names.get(e.getKey());
      List<Long> mails = arrivals.stream().filter(a -> a.subject() != null)
          .filter(a -> pages ? a.subject().startsWith("[") : a.subject().startsWith("Đã hết sự cố"))
          .filter(a -> a.subject().contains(name + " ngừng hoạt động")).map(Arrival::micros).sorted().toList();
      List<Long> times = e.getValue();
      for (int k = 0; k < times.size(); k++) {
        if (k < mails.size()) {
          latencies.add(mails.get(k) - times.get(k));
        } else {
          missing++;
        }
      }
      extra += Math.max(0, mails.size() - times.size());
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Match(sorted, missing, extra);
  }

  private static Map<String, String> systemNames(Node node) throws Exception {
    Map<String, String> names = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + node.database().embeddedPort()
        + "/postgres", "postgres", ""); Statement s = db.createStatement();
         ResultSet r = s.executeQuery("SELECT code, name_vi FROM city_system")) {
      while (r.next()) {
        names.put(r.getString(1), r.getString(2));
      }
    }
    return names;
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private String report(AppConfig config, Map<String, Object> overrides, int outages, long gapMs, long downMs,
                        int warmup, Run run, Match pages, Match clears, long claimRows, long duplicateClaims) {
    double p50 = percentile(pages.sortedMicros(), 50);
    double p99 = percentile(pages.sortedMicros(), 99);
    StringBuilder r = new StringBuilder();
    r.append("# On-call benchmark: down event → page in the mailbox\n\n");
    r.append("Run ").append(startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" on ")
        .append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(memory()).append(" RAM; Java ").append(System.getProperty("java.version")).append(".\n\n");
    r.append("## Setup\n\n");
    r.append("- One node in the bench JVM: embedded PostgreSQL, clustering off, simulator off, `dev.mode=on`, so the\n")
        .append("  development defaults: team `sre-dc` owns every system, policy `sre-dc-default` pages the primary (`sre`,\n")
        .append("  alone in the rotation) at once; `sre`'s contact point is `sre@localhost`. `oncall.tickMs` = ")
        .append(config.onCall().tickMs()).append("\n  (the engine is also woken by every alert change from the feed).\n");
    r.append("- A real SMTP server in the bench JVM: GreenMail 2.1.3 on loopback; its delivery hook stamps each mail when\n")
        .append("  it is put in the mailbox. The node sends through `vertx-mail-client` (STARTTLS optional, not offered).\n");
    r.append("- The load generator in a JVM of its own (`OnCallLoad`): `POST /api/v1/events` with one `system.health` `down`\n")
        .append("  event per outage, one outage every ").append(gapMs).append(" ms, each system back `up` ").append(downMs)
        .append(" ms later,\n  in turn over ").append(SYSTEMS.size()).append(" systems (all but WAN and DATACENTER, whose outages would gather ")
        .append("the others into\n  their group). It prints the wall-clock time (µs) just before each request; the same machine's ")
        .append("clock stamps\n  the mail. ").append(warmup).append(" outages of warm-up first, not counted.\n");
    r.append("- Matching: the k-th page (subject `[…] <system> ngừng hoạt động`) about a system answers its k-th outage;\n")
        .append("  the k-th all-clear (`Đã hết sự cố: …`) its k-th `up`.\n");
    r.append("- Node overrides: `").append(overrides.entrySet().stream().filter(e -> !e.getKey().startsWith("pg.")
        && !e.getKey().equals("http.port")).map(e -> e.getKey() + "=" + e.getValue()).toList()).append("`.\n\n");
    r.append("## Results\n\n");
    r.append("| path | samples | p50 ms | p99 ms | max ms | missing | extra |\n|---|---:|---:|---:|---:|---:|---:|\n");
    row(r, "down event sent → page in the mailbox", pages);
    row(r, "up event sent → all-clear in the mailbox", clears);
    r.append("\n");
    r.append(String.format(Locale.ROOT, "Outages sent: %d (requests not answered 202: %d). Page claim rows: %d; pages "
        + "claimed twice: %d.%n%n", run.downs().values().stream().mapToInt(List::size).sum(), run.failed(), claimRows,
        duplicateClaims));
    r.append("## Goal (issue 15)\n\n| goal | target | measured | met |\n|---|---|---:|:---:|\n");
    r.append(String.format(Locale.ROOT, "| down event → email in the mailbox, p99 over ≥ 100 outages | ≤ 2,000 ms | "
        + "%.0f ms (p50 %.0f ms, %d samples) | %s |%n", p99, p50, pages.sortedMicros().length,
        p99 <= 2000 && pages.sortedMicros().length >= 100 ? "yes" : "**no**"));
    r.append("\n## Caveats\n\n");
    r.append("- The generator, the node, PostgreSQL and the SMTP server share the machine's cores.\n");
    r.append("- The path measured: HTTP ingest and commit, the feed (100 ms frames) reading the health event, the alert\n")
        .append("  evaluation writing the alert and its `alert` event, the feed reading that event and waking the engine,\n")
        .append("  the engine's pass (outage opened, page claimed), the notifier (person, contact points, records) and the\n")
        .append("  SMTP exchange.\n");
    r.append("- One run, no repetitions.\n");
    return r.toString();
  }

  private static void row(StringBuilder r, String path, Match m) {
    r.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %d | %d |%n", path, m.sortedMicros().length,
        percentile(m.sortedMicros(), 50), percentile(m.sortedMicros(), 99),
        m.sortedMicros().length == 0 ? Double.NaN : m.sortedMicros()[m.sortedMicros().length - 1] / 1000.0,
        m.missing(), m.extra()));
  }

  /** Nearest-rank percentile in milliseconds of sorted microseconds; NaN when empty. */
  private static double percentile(long[] sortedMicros, double p) {
    if (sortedMicros.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
    return sortedMicros[Math.min(sortedMicros.length - 1, Math.max(0, rank - 1))] / 1000.0;
  }
}
