package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Stores a clock tick in the event log every {@code live.clockMs}, on the multiples of that period since the
 * epoch, so figures that move with time alone — dossiers becoming overdue, "today" rolling over at Hanoi
 * midnight — reach the live topics without waiting for the next dossier or feedback event. Every node writes
 * every tick under the same id ({@code clock-<instant>}) and the event log keeps one, so each node's feed sees
 * it at the same ordinal and the topics recompute at the same sequence number everywhere; a node that is down
 * leaves the others ticking. Ticks are events of type {@code clock} that no count of events includes (V0010).
 */
public final class LiveClock extends VerticleBase {
  public static final String SOURCE = "cityops-clock";
  /** The payload field holding the tick's instant, in milliseconds since the epoch. */
  static final String EPOCH_MS = "epochMs";
  private static final Logger LOG = LoggerFactory.getLogger(LiveClock.class);
  private static final String TICK = Sql.load("live/clock-tick.sql");

  private final Pool pool;
  private final FeedSignal signal;
  private final long periodMs;
  private long timer = -1;
  private boolean failing;

  /** {@code periodMs}: {@code live.clockMs}. */
  public LiveClock(Pool pool, FeedSignal signal, long periodMs) {
    this.pool = pool;
    this.signal = signal;
    this.periodMs = periodMs;
  }

  @Override
  public Future<?> start() {
    scheduleNext();
    LOG.info("live_clock=started period_ms={}", periodMs);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** The next multiple of the period: when the period divides a day, one tick falls on Hanoi midnight. */
  private void scheduleNext() {
    long now = System.currentTimeMillis();
    long at = (now / periodMs + 1) * periodMs;
    timer = vertx.setTimer(at - now, id -> {
      tick(Instant.ofEpochMilli(at));
      scheduleNext();
    });
  }

  private void tick(Instant at) {
    String id = "clock-" + at;
    pool.preparedQuery(TICK).execute(Tuple.of(SOURCE, id, at.atOffset(ZoneOffset.UTC), periodMs, at.toEpochMilli()))
        .onSuccess(rows -> {
          if (failing) {
            LOG.info("live_clock=recovered");
            failing = false;
          }
          if (rows.size() > 0) {
            // Wakes every node's feed at once; without it the feeds' safety poll would find the tick within a second.
            signal.changed();
          }
        })
        .onFailure(e -> {
          if (!failing) {
            LOG.warn("live_clock=tick_failed tick={} reason={}", id, e.getMessage());
            failing = true;
          }
        });
  }
}
