package vn.hanoi.cityops.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load: {@code concurrency} requests in flight on as many keep-alive connections, each one
 * sent again as soon as the previous answered, all on one event loop of the load generator's own Vert.x.
 * A request counts in the window when it completes inside it; every answer other than 202 with
 * {@code accepted} equal to the batch size is an error, wherever it falls.
 */
final class HttpLoad {
  /** What one run measured. Latencies are of the requests completed in the window. */
  record Result(int batch, int concurrency, double seconds, long requests, long events, long late, long errors,
                List<String> errorSamples, long[] sortedLatencies) {
    double eventsPerSecond() {
      return events / seconds;
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final int port;
  private final String authorization;
  private final String path;

  HttpLoad(Vertx vertx, int port, String apiKey, String path) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.port = port;
    this.authorization = "Bearer " + apiKey;
    this.path = path;
  }

  /** The thread of the load generator's event loop (to tell its CPU time from the node's). */
  Thread thread() throws Exception {
    CompletableFuture<Thread> t = new CompletableFuture<>();
    context.runOnContext(v -> t.complete(Thread.currentThread()));
    return t.get(10, TimeUnit.SECONDS);
  }

  Result run(int batch, int concurrency, double seconds, Supplier<Buffer> bodies) throws Exception {
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
            .setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(concurrency).setEventLoopSize(1).setMaxWaitQueueSize(-1));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
        .putHeader(HttpHeaders.AUTHORIZATION, authorization)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    Run run = new Run(client, options, batch, concurrency, seconds, bodies);
    context.runOnContext(v -> run.start());
    try {
      return run.done.get((long) (seconds + 120), TimeUnit.SECONDS);
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** An open-loop run: what was offered, what came back, and latencies from each request's planned start. */
  record OpenResult(int batch, double offeredEventsPerSecond, double seconds, long sent, long skipped, long events,
                    long eventsInWindow, long errors, List<String> errorSamples, long[] sortedLatencies, int maxInFlightSeen) {
    double eventsPerSecond() {
      return eventsInWindow / seconds;
    }
  }

  /**
   * Open loop: requests start on a fixed schedule ({@code eventsPerSecond / batch} a second) whether or not
   * earlier ones answered, so a slow node cannot slow the load down. Latency runs from the planned start
   * (no coordinated omission). A request that would exceed {@code maxInFlight} is skipped and counted.
   */
  OpenResult runOpen(int batch, double eventsPerSecond, double seconds, Supplier<Buffer> bodies, int maxInFlight) throws Exception {
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(maxInFlight).setEventLoopSize(1).setMaxWaitQueueSize(-1));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
        .putHeader(HttpHeaders.AUTHORIZATION, authorization)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    OpenRun run = new OpenRun(client, options, batch, eventsPerSecond / batch, seconds, bodies, maxInFlight, eventsPerSecond);
    context.runOnContext(v -> run.start());
    try {
      return run.done.get((long) (seconds + 120), TimeUnit.SECONDS);
    } finally {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private final class OpenRun {
    final HttpClientAgent client;
    final RequestOptions options;
    final int batch;
    final double requestsPerSecond;
    final double seconds;
    final Supplier<Buffer> bodies;
    final int maxInFlight;
    final double offered;
    final CompletableFuture<OpenResult> done = new CompletableFuture<>();
    final Latencies latencies = new Latencies();
    final List<String> errorSamples = new ArrayList<>();
    long start;
    long end;
    long timer;
    boolean scheduling = true;
    long planned;
    int inFlight;
    int maxSeen;
    long sent;
    long skipped;
    long events;
    long eventsInWindow;
    long errors;

    OpenRun(HttpClientAgent client, RequestOptions options, int batch, double requestsPerSecond, double seconds,
            Supplier<Buffer> bodies, int maxInFlight, double offered) {
      this.client = client;
      this.options = options;
      this.batch = batch;
      this.requestsPerSecond = requestsPerSecond;
      this.seconds = seconds;
      this.bodies = bodies;
      this.maxInFlight = maxInFlight;
      this.offered = offered;
    }

    void start() {
      start = System.nanoTime();
      end = start + (long) (seconds * 1e9);
      timer = vertx.setPeriodic(1, id -> tick());
      tick();
    }

    void tick() {
      long now = System.nanoTime();
      long due = Math.min((long) ((now - start) / 1e9 * requestsPerSecond) + 1, (long) (seconds * requestsPerSecond));
      while (planned < due) {
        long plannedAt = start + (long) (planned * 1e9 / requestsPerSecond);
        planned++;
        if (inFlight >= maxInFlight) {
          skipped++;
          continue;
        }
        send(plannedAt);
      }
      if (now >= end || planned >= (long) (seconds * requestsPerSecond)) {
        vertx.cancelTimer(timer);
        scheduling = false;
        finishIfDone();
      }
    }

    void send(long plannedAt) {
      Buffer body = bodies.get();
      inFlight++;
      maxSeen = Math.max(maxSeen, inFlight);
      sent++;
      client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().compose(b -> {
            if (resp.statusCode() != 202) {
              return Future.failedFuture("HTTP " + resp.statusCode() + ": " + Run.snippet(b));
            }
            Integer accepted = new JsonObject(b).getInteger("accepted");
            if (accepted == null || accepted != batch) {
              return Future.failedFuture("HTTP 202 but accepted=" + accepted + " of " + batch + ": " + Run.snippet(b));
            }
            return Future.succeededFuture(accepted);
          }))
          .onComplete(ar -> {
            long t1 = System.nanoTime();
            inFlight--;
            if (ar.failed()) {
              errors++;
              if (errorSamples.size() < 5) {
                errorSamples.add(String.valueOf(ar.cause().getMessage()));
              }
            } else {
              events += ar.result();
              if (t1 <= end) {
                eventsInWindow += ar.result();
              }
              latencies.add(t1 - plannedAt);
            }
            finishIfDone();
          });
    }

    void finishIfDone() {
      if (!scheduling && inFlight == 0 && !done.isDone()) {
        done.complete(new OpenResult(batch, offered, seconds, sent, skipped, events, eventsInWindow, errors, errorSamples,
            latencies.sorted(), maxSeen));
      }
    }
  }

  private static final class Run {
    final HttpClientAgent client;
    final RequestOptions options;
    final int batch;
    final int concurrency;
    final double seconds;
    final Supplier<Buffer> bodies;
    final CompletableFuture<Result> done = new CompletableFuture<>();
    final Latencies latencies = new Latencies();
    final List<String> errorSamples = new ArrayList<>();
    long start;
    long end;
    int active;
    long requests;
    long events;
    long late;
    long errors;

    Run(HttpClientAgent client, RequestOptions options, int batch, int concurrency, double seconds, Supplier<Buffer> bodies) {
      this.client = client;
      this.options = options;
      this.batch = batch;
      this.concurrency = concurrency;
      this.seconds = seconds;
      this.bodies = bodies;
    }

    void start() {
      start = System.nanoTime();
      end = start + (long) (seconds * 1e9);
      active = concurrency;
      for (int i = 0; i < concurrency; i++) {
        fire();
      }
    }

    void fire() {
      if (System.nanoTime() >= end) {
        if (--active == 0) {
          done.complete(new Result(batch, concurrency, seconds, requests, events, late, errors, errorSamples,
              latencies.sorted()));
        }
        return;
      }
      Buffer body;
      try {
        body = bodies.get();
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      long t0 = System.nanoTime();
      client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().compose(b -> {
            if (resp.statusCode() != 202) {
              return Future.failedFuture("HTTP " + resp.statusCode() + ": " + snippet(b));
            }
            Integer accepted = new JsonObject(b).getInteger("accepted");
            if (accepted == null || accepted != batch) {
              return Future.failedFuture("HTTP 202 but accepted=" + accepted + " of " + batch + ": " + snippet(b));
            }
            return Future.succeededFuture(accepted);
          }))
          .onComplete(ar -> {
            long t1 = System.nanoTime();
            if (ar.failed()) {
              errors++;
              if (errorSamples.size() < 5) {
                errorSamples.add(String.valueOf(ar.cause().getMessage()));
              }
            } else if (t1 <= end) {
              requests++;
              events += ar.result();
              latencies.add(t1 - t0);
            } else {
              late++;
            }
            fire();
          });
    }

    private static String snippet(Buffer b) {
      String s = b == null ? "" : b.toString();
      return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
  }
}
