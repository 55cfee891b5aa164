package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for the event log and the current-state tables: {@code sql/insert-events.sql}. */
final class EventRepository {
  private static final String INSERT = Sql.load("insert-events.sql");

  private final Pool pool;

  EventRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores the events (their keys must be distinct) in one autocommitted statement; answers the sequence number
   * of each event that was new, by {@link IncomingEvent#key()}. Absent keys were duplicates.
   */
  Future<Map<String, Long>> insert(List<IncomingEvent> events) {
    return pool.preparedQuery(INSERT).execute(params(events)).map(rows -> {
      Map<String, Long> stored = new HashMap<>(rows.size() * 2);
      for (Row r : rows) {
        stored.put(r.getString(1) + '\u0000' + r.getString(2), r.getLong(0));
      }
      return stored;
    });
  }

  private static Tuple params(List<IncomingEvent> events) {
    int n = events.size();
    String[] source = new String[n], id = new String[n], type = new String[n], system = new String[n],
        agency = new String[n], district = new String[n], status = new String[n], channel = new String[n],
        payload = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      IncomingEvent e = events.get(i);
      source[i] = e.source();
      id[i] = e.id();
      type[i] = e.type();
      occurred[i] = e.occurredAt();
      system[i] = e.system();
      agency[i] = e.agency();
      district[i] = e.district();
      status[i] = e.status();
      channel[i] = e.channel();
      payload[i] = e.payload().encode();
    }
    return Tuple.wrap(new Object[]{source, id, type, occurred, system, agency, district, status, channel, payload});
  }
}
