package vn.hanoi.cityops.sim;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@link HanoiSimulation} in real time and posts its events to this node's own ingestion endpoint, with
 * the simulator's API key: they are validated, deduplicated and stored like any client's. At most
 * {@value #MAX_IN_FLIGHT} requests are in flight; events of a tick that finds them all busy are dropped and
 * counted, so a slow node is not buried under a growing queue.
 */
public final class SimulatorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);
  private static final String PATH = "/api/v1/events";
  private static final String HOST = "127.0.0.1";
  private static final long TICK_MS = 200;
  private static final long SUMMARY_MS = 30_000;
  private static final long REQUEST_TIMEOUT_MS = 10_000;
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int MAX_BATCH = 1000;
  private static final int MAX_IN_FLIGHT = 4;
  private static final int MAX_LOGGED_BODY = 500;

  private final AppConfig config;
  private final ReferenceData reference;
  private final String apiKey;

  private HanoiSimulation simulation;
  private String runId;
  private WebClient client;
  private long tickTimer = -1;
  private long summaryTimer = -1;
  private int inFlight;
  private long sent;
  private long accepted;
  private long duplicates;
  private long rejected;
  private long failed;
  private long dropped;
  private long lastWarnNanos;
  private boolean warnedOnce;
  private long suppressedWarnings;
  private boolean stopped;

  public SimulatorVerticle(AppConfig config, ReferenceData reference, String apiKey) {
    this.config = config;
    this.reference = reference;
    this.apiKey = apiKey;
  }

  @Override
  public Future<?> start() {
    Instant start = Instant.now();
    runId = Long.toString(start.getEpochSecond(), 36);
    List<HanoiSimulation.Agency> agencies = reference.agencies().values().stream()
        .map(a -> new HanoiSimulation.Agency(a.code(), a.level(), a.parentCode()))
        .toList();
    simulation = new HanoiSimulation(config.simulatorSeed(), config.simulatorRate(), config.simulatorDaySeconds(),
        agencies, List.copyOf(reference.systems()), start, runId);
    client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost(HOST)
        .setDefaultPort(config.httpPort())
        .setUserAgent("cityops-simulator"));
    tickTimer = vertx.setPeriodic(TICK_MS, id -> tick());
    summaryTimer = vertx.setPeriodic(SUMMARY_MS, id -> logSummary());
    LOG.info("sim=started run={} seed={} rate={} daySeconds={} agencies={} systems={} target={}:{}", runId,
        config.simulatorSeed(), config.simulatorRate(), config.simulatorDaySeconds(), agencies.size(),
        reference.systems().size(), HOST, config.httpPort());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(summaryTimer);
    if (client != null) {
      logSummary();
      client.close();
    }
    return Future.succeededFuture();
  }

  private void tick() {
    List<Map<String, Object>> events = simulation.tick(Instant.now());
    for (int from = 0; from < events.size(); from += MAX_BATCH) {
      List<Map<String, Object>> batch = events.subList(from, Math.min(events.size(), from + MAX_BATCH));
      if (inFlight >= MAX_IN_FLIGHT) {
        dropped += batch.size();
      } else {
        post(batch);
      }
    }
  }

  private void post(List<Map<String, Object>> batch) {
    JsonArray body = new JsonArray();
    batch.forEach(e -> body.add(new JsonObject(e)));
    Buffer buffer = body.toBuffer();
    int count = batch.size();
    inFlight++;
    sent += count;
    client.post(PATH)
        .putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + apiKey)
        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
        .timeout(REQUEST_TIMEOUT_MS)
        .sendBuffer(buffer)
        .onComplete((response, failure) -> {
          inFlight--;
          if (stopped) {
            return; // closing the client fails what was still in flight: not worth a warning
          }
          if (failure != null) {
            failed += count;
            warn("sim=post_failed events={} reason={}", count, String.valueOf(failure.getMessage()));
          } else {
            record(response, count);
          }
        });
  }

  private void record(HttpResponse<Buffer> response, int count) {
    if (response.statusCode() != 202) {
      rejected += count;
      warn("sim=rejected status={} events={} body={}", response.statusCode(), count, abbreviate(response.bodyAsString()));
      return;
    }
    try {
      JsonObject outcome = response.bodyAsJsonObject();
      accepted += outcome.getInteger("accepted", count);
      duplicates += outcome.getInteger("duplicates", 0);
    } catch (RuntimeException e) {
      accepted += count;
    }
  }

  /** At most one warning every ten seconds, so an outage of the ingestion path does not flood the log. */
  private void warn(String format, Object... args) {
    long now = System.nanoTime();
    if (warnedOnce && now - lastWarnNanos < WARN_INTERVAL_NANOS) {
      suppressedWarnings++;
      return;
    }
    if (suppressedWarnings > 0) {
      LOG.warn("sim=warnings_suppressed count={}", suppressedWarnings);
      suppressedWarnings = 0;
    }
    warnedOnce = true;
    lastWarnNanos = now;
    LOG.warn(format, args);
  }

  private void logSummary() {
    LOG.info("sim=summary run={} sent={} accepted={} duplicates={} rejected={} failed={} dropped={} inFlightRequests={} "
            + "openCases={} skippedStarts={}", runId, sent, accepted, duplicates, rejected, failed, dropped, inFlight,
        simulation.inFlight(), simulation.skippedStarts());
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MAX_LOGGED_BODY ? oneLine : oneLine.substring(0, MAX_LOGGED_BODY) + "…";
  }
}
