package vn.hanoi.cityops.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.ApiKey;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.ErrorHandler;
import vn.hanoi.cityops.web.JsonBodies;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/v1/events}: authenticate the key, decode, validate, check references and grants, rate
 * limit, then store durably and answer {@code 202 {"accepted", "duplicates"}}; publish what was new on
 * {@link FeedSignal}. One instance per HTTP verticle instance (its own writer and validator). Also mounts
 * {@link AlertmanagerRoutes}, whose alerts take the same path ({@link #accept}).
 */
public final class IngestRoutes {
  public static final String PATH = "/api/v1/events";
  private static final String EVENT_SCHEMA = Sql.resource("/schemas/event.schema.json");

  private final FeedSignal signal;
  private final ApiKeyRegistry keys;
  private final EventDecoder decoder;
  private final EventValidator validator = new EventValidator();
  private final EventAuthorization authorization;
  private final EventWriter writer;
  private final IngestMetrics metrics;
  private final KeyRateLimiter rateLimiter;
  private final AlertmanagerRoutes alertmanager;

  /** One per HTTP verticle instance, made on its event loop: the writer group-commits on that loop. */
  IngestRoutes(Vertx vertx, AppConfig config, Pool pool, ReferenceData reference, ApiKeyRegistry keys,
               KeyRateLimiter rateLimiter, MeterRegistry meters, FeedSignal signal) {
    this.signal = signal;
    this.keys = keys;
    this.decoder = new EventDecoder(config.maxBatchEvents());
    this.authorization = new EventAuthorization(reference);
    this.metrics = new IngestMetrics(meters);
    this.writer = new EventWriter(vertx, new EventRepository(pool), metrics, config.batchWindowMs(),
        config.maxPendingEvents());
    this.rateLimiter = rateLimiter;
    this.alertmanager = new AlertmanagerRoutes(this, keys, new AlertmanagerAlerts(config.alertmanagerMapping()),
        config.maxBatchEvents());
  }

  void mount(Router router) {
    ApiDoc.on(router.post(PATH), "Send events (one, an array, or NDJSON); duplicates are ignored").body("event.schema.json").orBatch().accepted().errors(413, 422, 429).apiKey()
        .handler(this::ingest);
    ApiDoc.on(router.get("/api/v1/schemas/event.json"), "The JSON Schema events are validated with").produces("application/schema+json").open()
        .handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/schema+json").end(EVENT_SCHEMA));
    alertmanager.mount(router);
  }

  private void ingest(RoutingContext ctx) {
    long start = System.nanoTime();
    answer(ctx, start, keys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .compose(key -> {
          String mediaType = EventDecoder.mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
          return accept(key, decoder.decode(ctx.body().buffer(), mediaType), null);
        }), new JsonObject());
  }

  /**
   * The one path every sender's events take: validated, checked against the reference data and the key's grants,
   * rate limited, then stored. {@code indexes} says which part of the request each event came from (null: its
   * position), for the errors' {@code details}. Throws (or fails) with the {@link Failure} to answer.
   */
  Future<EventWriter.Outcome> accept(ApiKey key, List<Object> raw, int[] indexes) {
    List<IncomingEvent> events = authorization.check(key, validator.validate(raw, indexes, key.source()));
    if (events.isEmpty()) {
      return Future.succeededFuture(new EventWriter.Outcome(List.of(), List.of(), 0));
    }
    rateLimiter.acquire(key, events.size());
    return writer.write(events);
  }

  /** Answers {@code 202 {"accepted", "duplicates"}} (plus {@code extra}) once stored, or the failure; counts both. */
  void answer(RoutingContext ctx, long start, Future<EventWriter.Outcome> stored, JsonObject extra) {
    stored
        .onSuccess(outcome -> {
          int accepted = outcome.stored().size();
          outcome.stored().forEach(e -> metrics.recordEvents(e.type(), "accepted", 1));
          metrics.recordEvents("any", "duplicate", outcome.duplicates());
          metrics.recordRequest(202, null, accepted + outcome.duplicates(), Duration.ofNanos(System.nanoTime() - start));
          publish(outcome);
          JsonBodies.send(ctx, 202, new JsonObject().put("accepted", accepted).put("duplicates", outcome.duplicates())
              .mergeIn(extra));
        })
        .onFailure(failure -> {
          Failure api = failure instanceof Failure a ? a : null;
          metrics.recordRequest(api == null ? 500 : ErrorHandler.status(api.kind()), api == null ? "internal_error" : api.code(), 0,
              Duration.ofNanos(System.nanoTime() - start));
          ctx.fail(failure);
        });
  }

  private void publish(EventWriter.Outcome outcome) {
    if (!outcome.stored().isEmpty()) {
      signal.changed();
    }
  }
}
