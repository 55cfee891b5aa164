package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event log as every node sees it: in (writing transaction, seq) order and only below the
 * horizon of transactions still running, so an event committed late by a slow transaction is never
 * skipped. Each event gets its ordinal in that order — the same number on every node — which the live
 * topics use as their sequence numbers. Not thread-safe: one reader per node.
 */
public final class EventFeed {
  /** One stored event and its ordinal in the feed. */
  public record FeedEvent(long ordinal, long seq, String type, String system, String agency, String district,
                   String status, JsonObject payload) {
  }

  private static final int BATCH = 10_000;
  private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";

  private final Pool pool;
  private String tx;
  private long seq;
  private long ordinal;

  EventFeed(Pool pool) {
    this.pool = pool;
  }

  /** Positions the feed at the current horizon; answers the ordinal there. */
  Future<Long> start() {
    return pool.query("SELECT " + HORIZON + "::text, (SELECT count(*) FROM event WHERE tx < " + HORIZON + ")").execute()
        .map(rows -> {
          Row r = rows.iterator().next();
          tx = r.getString(0);
          seq = 0;
          ordinal = r.getLong(1);
          return ordinal;
        });
  }

  long ordinal() {
    return ordinal;
  }

  /** The events past the cursor and below the horizon, in feed order (at most a batch). */
  Future<List<FeedEvent>> poll() {
    return pool.preparedQuery("SELECT tx::text, seq, type, system_code, agency_code, district_code, status, payload "
            + "FROM event WHERE (tx, seq) > ($1::xid8, $2) AND tx < " + HORIZON + " ORDER BY tx, seq LIMIT " + BATCH)
        .execute(Tuple.of(tx, seq))
        .map(rows -> {
          List<FeedEvent> events = new ArrayList<>(rows.size());
          for (Row r : rows) {
            tx = r.getString(0);
            seq = r.getLong(1);
            events.add(new FeedEvent(++ordinal, seq, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getJsonObject(7)));
          }
          return events;
        });
  }
}
