package vn.hanoi.cityops.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic {@code systems}: every city system keyed by its code, with its status, latency, message and
 * when it last reported, read from {@code system_state} whenever health events arrive. Reads through a pool of
 * its own, used on the feed's event loop only (see {@code FeedVerticle}).
 */
final class SystemsTopic implements FeedListener {
  static final String TOPIC = Topics.SYSTEMS.topic();
  private static final String SQL = "SELECT c.code, c.name_vi, c.name_en, c.kind, s.status, s.latency_ms, s.message, s.occurred_at "
      + "FROM city_system c LEFT JOIN system_state s ON s.system_code = c.code ORDER BY c.code";

  private final Pool pool;
  private final Connections hub;

  SystemsTopic(Pool pool, Connections hub) {
    this.pool = pool;
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return read().map(systems -> {
      hub.load(TOPIC, ordinal, systems);
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    long last = 0;
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.SYSTEM_HEALTH.equals(e.type())) {
        last = e.ordinal();
      }
    }
    long seq = last;
    return last == 0 ? Future.succeededFuture() : read().map(systems -> {
      hub.publish(TOPIC, seq, systems);
      return null;
    });
  }

  private Future<Map<String, Object>> read() {
    return pool.query(SQL).execute().map(rows -> {
      Map<String, Object> systems = new LinkedHashMap<>();
      for (Row r : rows) {
        systems.put(r.getString("code"), new JsonObject()
            .put("nameVi", r.getString("name_vi"))
            .put("nameEn", r.getString("name_en"))
            .put("kind", r.getString("kind"))
            .put("status", r.getString("status") == null ? "unknown" : r.getString("status"))
            .put("latencyMs", r.getInteger("latency_ms"))
            .put("message", r.getString("message"))
            .put("reportedAt", r.getOffsetDateTime("occurred_at") == null ? null : r.getOffsetDateTime("occurred_at").toString())
            .getMap());
      }
      return systems;
    });
  }
}
