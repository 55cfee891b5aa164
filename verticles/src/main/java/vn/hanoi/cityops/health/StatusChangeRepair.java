package vn.hanoi.cityops.health;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.store.Sql;

import java.util.List;

/**
 * Keeps {@code system_status_change} (when each run of equal statuses began, which "since" and uptime read)
 * exact, off the ingest path: after each batch of the feed, and at start for whatever an earlier node left,
 * repairs it from the event log past a stored cursor ({@code sql/health/repair-status-changes.sql}, V0018).
 * Every node runs it; the cursor's row lock makes them take turns, and the one that comes second finds
 * little or nothing left to do.
 */
public final class StatusChangeRepair implements FeedListener {
  private static final String LOCK = Sql.load("health/lock-status-cursor.sql");
  private static final String REPAIR = Sql.load("health/repair-status-changes.sql");
  /** Events read per repair statement; a longer backlog takes several, each in its own transaction. */
  static final int BATCH = 20_000;

  private final Pool pool;

  public StatusChangeRepair(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return catchUp();
  }

  /**
   * Repairs when the batch holds health events; other batches leave the cursor behind, and the next repair
   * reads past them (they change nothing here).
   */
  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.SYSTEM_HEALTH.equals(e.type())) {
        return catchUp();
      }
    }
    return Future.succeededFuture();
  }

  /** Repairs until the cursor reaches the horizon. */
  public Future<Void> catchUp() {
    return repairOnce().compose(read -> read < BATCH ? Future.<Void>succeededFuture() : catchUp());
  }

  private Future<Long> repairOnce() {
    return pool.withTransaction(conn -> conn.query(LOCK).execute().compose(cursor -> {
      Row at = cursor.iterator().next();
      return conn.preparedQuery(REPAIR).execute(Tuple.of(at.getString(0), at.getLong(1), BATCH));
    })).map(rows -> rows.iterator().next().getLong(0));
  }
}
