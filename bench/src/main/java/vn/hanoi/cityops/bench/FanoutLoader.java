package vn.hanoi.cityops.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark's event source: on its own Vert.x (one event loop), a steady {@code batchesPerSecond}
 * {@code POST /api/v1/events} of {@code healthPerBatch} {@code system.health} events, cycling through the
 * city systems, each with {@code "message":"t=<epoch µs>"} (its send time) and {@code occurredAt} = now, plus
 * {@code dossiersPerBatch} received-today {@code dossier} events so {@code kpi.city} moves too. Open loop: a
 * batch goes out on schedule whatever the answers (at most 64 in flight, beyond that it is skipped and
 * counted). Every answer must be 202 with {@code accepted} = the batch size.
 */
final class FanoutLoader {
  private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final int MAX_IN_FLIGHT = 64;

  private final int port;
  private final String apiKey;
  private final String[] systems;
  private final String[] agencies;
  private final String procedure;
  private final double batchesPerSecond;
  private final int healthPerBatch;
  private final int dossiersPerBatch;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);

  private Vertx vertx;
  private Context context;
  private HttpClientAgent http;
  private long timer = -1;
  private long counter;
  private int cursor;
  private int inFlight;
  private long skipped;
  /** Per request: send time (epoch µs), latency (ns, -1 = failed), events, health events. Loader thread only. */
  private final List<long[]> requests = new ArrayList<>();
  private final List<String> errorSamples = new ArrayList<>();
  private volatile long windowFrom = Long.MAX_VALUE;

  FanoutLoader(int port, String apiKey, String[] systems, String[] agencies, String procedure, double batchesPerSecond,
               int healthPerBatch, int dossiersPerBatch) {
    this.port = port;
    this.apiKey = apiKey;
    this.systems = systems;
    this.agencies = agencies;
    this.procedure = procedure;
    this.batchesPerSecond = batchesPerSecond;
    this.healthPerBatch = healthPerBatch;
    this.dossiersPerBatch = agencies.length == 0 || agencies[0].isEmpty() ? 0 : dossiersPerBatch;
  }

  void start() throws Exception {
    if (vertx == null) {
      vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
      context = vertx.getOrCreateContext();
    }
    CompletableFuture<Void> started = new CompletableFuture<>();
    context.runOnContext(v -> {
      requests.clear();
      errorSamples.clear();
      skipped = 0;
      http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
              .setKeepAlive(true).setTcpNoDelay(true),
          new PoolOptions().setHttp1MaxSize(16).setMaxWaitQueueSize(-1));
      long periodMs = Math.max(1, Math.round(1000 / batchesPerSecond));
      timer = vertx.setPeriodic(periodMs, id -> send());
      started.complete(null);
    });
    started.get(10, TimeUnit.SECONDS);
  }

  /** The client side opened its window: requests sent from now on count. */
  void windowStarted() {
    windowFrom = FanoutClients.nowMicros();
  }

  private void send() {
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      return;
    }
    long t = FanoutClients.nowMicros();
    String occurred = OffsetDateTime.now(HANOI).truncatedTo(ChronoUnit.MILLIS).format(ISO);
    StringBuilder sb = new StringBuilder(300 * (healthPerBatch + dossiersPerBatch) + 2).append('[');
    for (int i = 0; i < healthPerBatch; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String system = systems[cursor++ % systems.length];
      boolean degraded = (counter % 10) == 7;
      sb.append("{\"id\":\"fan-").append(runId).append('-').append(counter++)
          .append("\",\"type\":\"system.health\",\"occurredAt\":\"").append(occurred)
          .append("\",\"system\":\"").append(system).append("\",\"status\":\"").append(degraded ? "degraded" : "up")
          .append("\",\"latencyMs\":").append(degraded ? 1200 + counter % 800 : 20 + counter % 300)
          .append(",\"message\":\"t=").append(t).append("\"}");
    }
    for (int i = 0; i < dossiersPerBatch; i++) {
      sb.append(sb.length() > 1 ? "," : "");
      String id = "fan-" + runId + "-" + (counter++);
      String due = OffsetDateTime.now(HANOI).plusDays(10).truncatedTo(ChronoUnit.MILLIS).format(ISO);
      sb.append("{\"id\":\"").append(id).append("\",\"type\":\"dossier\",\"occurredAt\":\"").append(occurred)
          .append("\",\"dossierId\":\"HS-").append(id).append("\",\"agency\":\"").append(agencies[(int) (counter % agencies.length)])
          .append("\",\"procedure\":\"").append(procedure).append("\",\"channel\":\"online_full\",\"stage\":\"received\"")
          .append(",\"receivedAt\":\"").append(occurred).append("\",\"dueAt\":\"").append(due).append("\"}");
    }
    sb.append(']');
    int events = healthPerBatch + dossiersPerBatch;
    long[] record = {t, -1, events, healthPerBatch};
    requests.add(record);
    inFlight++;
    long t0 = System.nanoTime();
    Buffer body = Buffer.buffer(sb.toString().getBytes(StandardCharsets.UTF_8));
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/events")
            .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() != 202) {
            throw new IllegalStateException(resp.statusCode() + " " + abbreviate(b.toString()));
          }
          int accepted = new JsonObject(b).getInteger("accepted", -1);
          if (accepted != events) {
            throw new IllegalStateException("accepted " + accepted + " of " + events + ": " + abbreviate(b.toString()));
          }
          return null;
        }))
        .onComplete(ar -> {
          inFlight--;
          if (ar.succeeded()) {
            record[1] = System.nanoTime() - t0;
          } else if (errorSamples.size() < 5) {
            errorSamples.add(String.valueOf(ar.cause().getMessage()));
          }
        });
  }

  /** Stops sending (waits up to 5 s for answers) and reports the requests sent in the last window. */
  JsonObject stop() throws Exception {
    long from = windowFrom;
    long to = FanoutClients.lastWindowEnd;
    CompletableFuture<JsonObject> out = new CompletableFuture<>();
    context.runOnContext(v -> {
      vertx.cancelTimer(timer);
      timer = -1;
      waitForAnswers(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), () -> out.complete(summary(from, to)));
    });
    JsonObject summary = out.get(20, TimeUnit.SECONDS);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    context.runOnContext(v -> http.close().onComplete(ar -> closed.complete(null)));
    closed.get(10, TimeUnit.SECONDS);
    windowFrom = Long.MAX_VALUE;
    return summary;
  }

  private void waitForAnswers(long deadline, Runnable then) {
    if (inFlight == 0 || System.nanoTime() > deadline) {
      then.run();
    } else {
      vertx.setTimer(20, id -> waitForAnswers(deadline, then));
    }
  }

  private JsonObject summary(long from, long to) {
    long sent = 0;
    long events = 0;
    long health = 0;
    long failed = 0;
    long allFailed = 0;
    Latencies lat = new Latencies();
    for (long[] r : requests) {
      if (r[1] < 0) {
        allFailed++;
      }
      if (r[0] < from || r[0] >= to) {
        continue;
      }
      sent++;
      events += r[2];
      health += r[3];
      if (r[1] < 0) {
        failed++;
      } else {
        lat.add(r[1]);
      }
    }
    return new JsonObject().put("requestsInWindow", sent).put("eventsInWindow", events).put("healthEventsInWindow", health)
        .put("failedInWindow", failed).put("failedAll", allFailed).put("requestsAll", requests.size()).put("skipped", skipped)
        .put("windowSeconds", (to - from) / 1e6)
        .put("http", FanoutClients.percentiles(lat.sorted()))
        .put("errorSamples", new JsonArray(new ArrayList<>(errorSamples)));
  }

  void close() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
