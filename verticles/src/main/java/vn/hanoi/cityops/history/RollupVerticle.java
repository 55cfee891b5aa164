package vn.hanoi.cityops.history;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the KPI history current: every 10 s a minute run ({@link Rollups#minutes}), and at most once a minute,
 * after it, an hourly roll with retention ({@link Rollups#hours}). After a time no node ran, the gap (up to
 * 48 hours) is closed six hours a run. One per node: the runs are idempotent, so
 * nodes need no coordination (concurrent ones wait on each other's row locks). One run at a time: a slow
 * database skips ticks rather than piling up statements. Each failure condition is logged once, and its end.
 */
public final class RollupVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RollupVerticle.class);
  private static final long TICK_MS = 10_000;
  private static final long FIRST_TICK_MS = 1_000;
  private static final Duration HOURLY_EVERY = Duration.ofMinutes(1);
  private static final Duration SLOW = Duration.ofSeconds(2);

  private final Rollups rollups;
  private Instant lastHourly = Instant.EPOCH;
  private boolean running;
  private boolean minutesFailing;
  private boolean hoursFailing;
  private boolean slow;
  private boolean catchingUp;

  public RollupVerticle(Pool pool) {
    this.rollups = new Rollups(pool);
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(FIRST_TICK_MS, TICK_MS, id -> tick());
    LOG.info("kpi_rollup=started tick_ms={}", TICK_MS);
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return;
    }
    running = true;
    Instant now = Instant.now();
    long started = System.nanoTime();
    rollups.minutes(now)
        .andThen(done -> minutesFailing = report("minutes", done.failed() ? done.cause() : null, minutesFailing))
        .onSuccess(m -> {
          if (m.catchingUp() && !catchingUp) {
            LOG.info("kpi_rollup=catching_up from={}", m.firstBucket());
          } else if (!m.catchingUp() && catchingUp) {
            LOG.info("kpi_rollup=caught_up");
          }
          catchingUp = m.catchingUp();
        })
        .compose(m -> {
          if (Duration.between(lastHourly, now).compareTo(HOURLY_EVERY) < 0) {
            return Future.succeededFuture();
          }
          return rollups.hours(now)
              .andThen(done -> hoursFailing = report("hours", done.failed() ? done.cause() : null, hoursFailing))
              .onSuccess(h -> {
                lastHourly = now;
                if (h.deletedMinutes() > 0 || h.deletedHours() > 0) {
                  LOG.debug("kpi_rollup=retention deleted_minutes={} deleted_hours={}", h.deletedMinutes(), h.deletedHours());
                }
              });
        })
        .onComplete(done -> {
          running = false;
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          boolean isSlow = took.compareTo(SLOW) > 0;
          if (isSlow && !slow) {
            LOG.warn("kpi_rollup=slow took_ms={} threshold_ms={}", took.toMillis(), SLOW.toMillis());
          } else if (!isSlow && slow) {
            LOG.info("kpi_rollup=fast_again took_ms={}", took.toMillis());
          }
          slow = isSlow;
        });
  }

  /** Logs a failure when it starts and a recovery when it ends; answers whether it is failing now. */
  private static boolean report(String step, Throwable failure, boolean wasFailing) {
    if (failure != null && !wasFailing) {
      LOG.warn("kpi_rollup=failed step={} reason={}", step, failure.getMessage());
    } else if (failure == null && wasFailing) {
      LOG.info("kpi_rollup=recovered step={}", step);
    }
    return failure != null;
  }
}
