package vn.hanoi.cityops.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.bus.EventSink;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.web.Routes;

import java.util.List;

/**
 * Ingestion. Needs the pool, the reference data (agencies, systems), the node's API keys, the metrics registry and
 * the feed signal. Offers {@code POST /api/v1/events} (+ the published event schema) and, to the other
 * capabilities, the {@link EventSink} through which the node stores what it observes itself.
 */
public final class IngestModule implements Capability {
  private final Vertx vertx;
  private final AppConfig config;
  private final Pool pool;
  private final ReferenceData reference;
  private final ApiKeyRegistry keys;
  private final MeterRegistry meters;
  private final FeedSignal signal;
  /** One per node: a flood from one key is limited across every HTTP event loop. */
  private final KeyRateLimiter rateLimiter;
  private final InternalEvents internal;

  public IngestModule(Vertx vertx, AppConfig config, Pool pool, ReferenceData reference, ApiKeyRegistry keys,
                      MeterRegistry meters, FeedSignal signal) {
    this.vertx = vertx;
    this.config = config;
    this.pool = pool;
    this.reference = reference;
    this.keys = keys;
    this.meters = meters;
    this.signal = signal;
    this.rateLimiter = new KeyRateLimiter(config.keyRatePerSecond());
    this.internal = new InternalEvents(pool, signal);
  }

  @Override
  public List<Routes> routes() {
    return List.of(router -> new IngestRoutes(vertx, config, pool, reference, keys, rateLimiter, meters, signal)
        .mount(router));
  }

  /** Where the node's own observations (a system gone silent) go into the event log. */
  public EventSink internalEvents() {
    return internal;
  }
}
