package vn.hanoi.cityops.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes the KPI history: {@link #minutes} recomputes the recent minutes and samples the gauges (one statement,
 * {@code sql/history/rollup-minutes.sql}); {@link #hours} rolls minutes into hours and deletes what is past
 * retention (one statement, {@code sql/history/rollup-hours.sql}). Both are idempotent, so every node runs them.
 * Remembers, between runs, the transaction horizon (to find late events) and the earliest minute rewritten
 * since the last hourly roll. Not thread-safe: one per verticle, or one per test.
 */
public final class Rollups {
  private static final String MINUTES = Sql.load("history/rollup-minutes.sql");
  private static final String HOURS = Sql.load("history/rollup-hours.sql");
  private static final String[] GAUGES = Kpi.gauges().toArray(new String[0]);
  private static final String CATCH_UP = Buckets.CATCH_UP_PER_RUN.toSeconds() + " seconds";

  /**
   * What a minute run did: the earliest minute it rewrote, how many rows changed, and whether a gap remains
   * for the next runs to close.
   */
  public record MinuteResult(Instant firstBucket, long written, boolean catchingUp) {
  }

  /** What an hourly roll did: hour rows changed, minute and hour rows deleted. */
  public record HourResult(long written, long deletedMinutes, long deletedHours) {
  }

  private final Pool pool;
  private String horizon;
  private Instant dirtySince;
  /** The first minute of a gap still to recompute; null when none is known. */
  private Instant pending;

  public Rollups(Pool pool) {
    this.pool = pool;
  }

  /** A minute run, then an hourly roll, as of {@code now}. */
  public Future<HourResult> run(Instant now) {
    return minutes(now).compose(m -> hours(now));
  }

  public Future<MinuteResult> minutes(Instant now) {
    Buckets.MinuteRun run = Buckets.minuteRun(now);
    return pool.preparedQuery(MINUTES)
        .execute(Tuple.of(utc(run.current()), utc(now), utc(run.oldestKept()), utc(run.recomputeFrom()), horizon,
            pending == null ? null : utc(pending), CATCH_UP))
        .map(rows -> {
          Row r = rows.iterator().next();
          Instant first = r.getOffsetDateTime("first_bucket").toInstant();
          Instant caughtUpTo = r.getOffsetDateTime("caught_up_to").toInstant();
          horizon = r.getString("horizon");
          pending = caughtUpTo.isBefore(run.recomputeFrom()) ? caughtUpTo : null;
          if (dirtySince == null || first.isBefore(dirtySince)) {
            dirtySince = first;
          }
          return new MinuteResult(first, r.getLong("written"), pending != null);
        });
  }

  public Future<HourResult> hours(Instant now) {
    Buckets.HourRun run = Buckets.hourRun(now, dirtySince);
    Instant rolledSince = dirtySince;
    return pool.preparedQuery(HOURS)
        .execute(Tuple.of(utc(run.from()), utc(run.to()), utc(run.minuteCutoff()), utc(run.hourCutoff()), GAUGES))
        .map(rows -> {
          Row r = rows.iterator().next();
          // a minute run that finished meanwhile keeps its own mark
          if (dirtySince != null && dirtySince.equals(rolledSince)) {
            dirtySince = null;
          }
          return new HourResult(r.getLong("written"), r.getLong("deleted_minutes"), r.getLong("deleted_hours"));
        });
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
