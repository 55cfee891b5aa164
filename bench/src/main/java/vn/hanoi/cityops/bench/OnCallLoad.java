package vn.hanoi.cityops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The on-call benchmark's load generator, in a JVM of its own (started by {@link OnCallBench}): outages of city
 * systems sent as {@code system.health} events over HTTP, one every {@code --gap-ms}, each system back up
 * {@code --down-ms} later, in turn over {@code --systems}. Prints one line per event on stdout, for the bench to
 * match with the mail it finds in its SMTP server: {@code down <system> <n> <epoch µs before the request> <status>}
 * (and {@code up …}), then {@code done}.
 *
 * <p>Flags: {@code --port 8080 --key cityops-dev-key --outages 120 --gap-ms 250 --down-ms 1500 --systems A,B,…}.
 */
public final class OnCallLoad {
  private OnCallLoad() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = BenchSupport.Flags.parse(args).values();
    int port = Integer.parseInt(flags.getOrDefault("port", "8080"));
    String key = flags.getOrDefault("key", "cityops-dev-key");
    int outages = Integer.parseInt(flags.getOrDefault("outages", "120"));
    long gapMs = Long.parseLong(flags.getOrDefault("gap-ms", "250"));
    long downMs = Long.parseLong(flags.getOrDefault("down-ms", "1500"));
    List<String> systems = List.of(flags.getOrDefault("systems", "MOTCUA").split(","));
    String run = UUID.randomUUID().toString().substring(0, 8);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI events = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    int[] counts = new int[systems.size()];
    for (int i = 0; i < outages; i++) {
      int which = i % systems.size();
      String system = systems.get(which);
      int n = counts[which]++;
      long at = i * gapMs;
      timer.schedule(() -> send(http, events, key, run, system, n, "down"), at, TimeUnit.MILLISECONDS);
      timer.schedule(() -> send(http, events, key, run, system, n, "up"), at + downMs, TimeUnit.MILLISECONDS);
    }
    timer.shutdown();
    timer.awaitTermination(outages * gapMs + downMs + 60_000, TimeUnit.MILLISECONDS);
    System.out.println("done");
    System.out.flush();
  }

  private static void send(HttpClient http, URI events, String key, String run, String system, int n, String status) {
    String id = "oncall-bench-" + run + "-" + system + "-" + n + "-" + status;
    String body = String.format(Locale.ROOT, "{\"id\":\"%s\",\"type\":\"system.health\",\"occurredAt\":\"%s\","
            + "\"system\":\"%s\",\"status\":\"%s\",\"latencyMs\":%d}", id,
        OffsetDateTime.now(ZoneOffset.ofHours(7)), system, status, "down".equals(status) ? 0 : 120);
    Instant before = Instant.now();
    int code;
    try {
      code = http.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      code = -1;
    }
    long micros = before.getEpochSecond() * 1_000_000 + before.getNano() / 1_000;
    synchronized (System.out) {
      System.out.println(status + " " + system + " " + n + " " + micros + " " + code);
      System.out.flush();
    }
  }
}
