package vn.hanoi.cityops.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks PostgreSQL {@code SELECT 1} every {@link #PERIOD_MS} over a connection of its own (so a busy pool is not
 * mistaken for an outage — {@code CityopsPgPoolExhausted} watches that) and exports the answer as
 * {@code cityops_database_up} (1: it answered within {@link #TIMEOUT_MS}; 0: it did not). Prometheus' rule
 * {@code CityopsPostgresUnavailable} watches it, with or without ingest traffic.
 */
public final class DatabaseProbe extends VerticleBase {
  static final long PERIOD_MS = 5_000;
  static final long TIMEOUT_MS = 3_000;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);

  private final Pool pool;
  private final AtomicInteger up = new AtomicInteger(1);
  private long timer = -1;

  /** {@code pool}: a pool of one connection the probe alone uses. */
  public DatabaseProbe(Pool pool, MeterRegistry meters) {
    this.pool = pool;
    Gauge.builder("cityops_database_up", up, AtomicInteger::get)
        .description("1 when the node's PostgreSQL answered its last probe (every 5 s), else 0").register(meters);
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(PERIOD_MS, id -> probe());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void probe() {
    pool.query("SELECT 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(ar -> {
      int now = ar.succeeded() ? 1 : 0;
      if (up.getAndSet(now) != now) {
        if (now == 0) {
          LOG.warn("database_probe=down reason={}", ar.cause().getMessage());
        } else {
          LOG.info("database_probe=up");
        }
      }
    });
  }
}
