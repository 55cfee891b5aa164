package vn.hanoi.cityops.ingest;

import vn.hanoi.cityops.store.Sql;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.app.NodeContext;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ErrorHandler;
import vn.hanoi.cityops.web.JsonBodies;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/v1/events}: authenticate the key, decode, validate, check references and grants, rate
 * limit, then store durably and answer {@code 202 {"accepted", "duplicates"}}; publish what was new on
 * {@link Addresses#INGEST_ACCEPTED}. One instance per HTTP verticle instance (its own writer and validator).
 */
public final class IngestRoutes {
  public static final String PATH = "/api/v1/events";

  private final Vertx vertx;
  private final String nodeId;
  private final ApiKeyRegistry keys;
  private final EventDecoder decoder;
  private final EventValidator validator = new EventValidator();
  private final EventAuthorization authorization;
  private final EventWriter writer;
  private final IngestMetrics metrics;
  private final KeyRateLimiter rateLimiter;

  private IngestRoutes(Vertx vertx, NodeContext node) {
    AppConfig config = node.config();
    this.vertx = vertx;
    this.nodeId = node.nodeId();
    this.keys = node.apiKeyRegistry();
    this.decoder = new EventDecoder(config.maxBatchEvents());
    this.authorization = new EventAuthorization(node.reference());
    this.metrics = new IngestMetrics(node.meters());
    this.writer = new EventWriter(vertx, new EventRepository(node.database().pool()), metrics, config.batchWindowMs(),
        config.maxPendingEvents());
    this.rateLimiter = node.rateLimiter();
  }

  public static void mount(Router router, Vertx vertx, NodeContext node) {
    IngestRoutes routes = new IngestRoutes(vertx, node);
    router.post(PATH).handler(routes::ingest);
    String schema = Sql.resource("/schemas/event.schema.json");
    router.get("/api/v1/schemas/event.json").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/schema+json").end(schema));
  }

  private void ingest(RoutingContext ctx) {
    long start = System.nanoTime();
    keys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .compose(key -> {
          String mediaType = EventDecoder.mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
          List<Object> raw = decoder.decode(ctx.body().buffer(), mediaType);
          List<IncomingEvent> events = authorization.check(key, validator.validate(raw, key.source()));
          rateLimiter.acquire(key, events.size());
          return writer.write(events);
        })
        .onSuccess(outcome -> {
          int accepted = outcome.stored().size();
          outcome.stored().forEach(e -> metrics.recordEvents(e.type(), "accepted", 1));
          metrics.recordEvents("any", "duplicate", outcome.duplicates());
          metrics.recordRequest(202, null, accepted + outcome.duplicates(), Duration.ofNanos(System.nanoTime() - start));
          publish(outcome);
          JsonBodies.send(ctx, 202, new JsonObject().put("accepted", accepted).put("duplicates", outcome.duplicates()));
        })
        .onFailure(failure -> {
          Failure api = failure instanceof Failure a ? a : null;
          metrics.recordRequest(api == null ? 500 : ErrorHandler.status(api.kind()), api == null ? "internal_error" : api.code(), 0,
              Duration.ofNanos(System.nanoTime() - start));
          ctx.fail(failure);
        });
  }

  private void publish(EventWriter.Outcome outcome) {
    InternalEvents.publish(vertx, nodeId, outcome.stored(), outcome.seqs());
  }
}
