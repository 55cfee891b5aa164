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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic {@code systems}: every city system keyed by its code, with its status, latency, message and when it last
 * reported. Read from {@code system_state} once at start; then kept by applying each batch's {@code system.health}
 * events in feed order, with the rule {@code system_state} follows (a system's latest report by the time it
 * happened wins; a tie goes to the later event). So the state published at an ordinal is the state as of that
 * ordinal on every node: re-reading the table instead would publish changes whose events a node has not reached
 * yet under an earlier number, and a screen resuming on another node would miss them. Used on the feed's event
 * loop only (see {@code FeedVerticle}).
 */
final class SystemsTopic implements FeedListener {
  static final String TOPIC = Topics.SYSTEMS.topic();
  private static final String SQL = "SELECT c.code, c.name_vi, c.name_en, c.kind, s.status, s.latency_ms, s.message, s.occurred_at "
      + "FROM city_system c LEFT JOIN system_state s ON s.system_code = c.code ORDER BY c.code";

  private final Pool pool;
  private final Connections hub;
  /** Each system's entry as published, in code order. */
  private final Map<String, JsonObject> systems = new LinkedHashMap<>();
  /** When each system's applied report happened (absent: none yet). */
  private final Map<String, OffsetDateTime> reported = new HashMap<>();

  SystemsTopic(Pool pool, Connections hub) {
    this.pool = pool;
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return pool.query(SQL).execute().map(rows -> {
      for (Row r : rows) {
        OffsetDateTime at = r.getOffsetDateTime("occurred_at");
        systems.put(r.getString("code"), entry(r.getString("name_vi"), r.getString("name_en"), r.getString("kind"),
            r.getString("status"), r.getInteger("latency_ms"), r.getString("message"), at));
        if (at != null) {
          reported.put(r.getString("code"), at);
        }
      }
      hub.load(TOPIC, ordinal, published());
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    long last = 0;
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.SYSTEM_HEALTH.equals(e.type()) && systems.containsKey(e.system())) {
        apply(e);
        last = e.ordinal();
      }
    }
    if (last != 0) {
      hub.publish(TOPIC, last, published());
    }
    return Future.succeededFuture();
  }

  /** The event's report, unless the system already has a later one (as {@code insert-events.sql} decides). */
  private void apply(EventFeed.FeedEvent e) {
    String occurred = e.payload().getString("occurredAt"); // required by the event schema; internal events carry it too
    OffsetDateTime at = occurred == null ? null : storedTime(occurred);
    OffsetDateTime current = reported.get(e.system());
    if (current != null && at != null && current.isAfter(at)) {
      return;
    }
    JsonObject old = systems.get(e.system());
    systems.put(e.system(), entry(old.getString("nameVi"), old.getString("nameEn"), old.getString("kind"), e.status(),
        e.payload().getInteger("latencyMs"), e.payload().getString("message"), at));
    if (at != null) {
      reported.put(e.system(), at);
    }
  }

  /** The time as PostgreSQL stores a timestamptz: in UTC, to the nearest microsecond. */
  static OffsetDateTime storedTime(String iso) {
    OffsetDateTime t = OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime micros = t.truncatedTo(ChronoUnit.MICROS);
    return t.getNano() % 1_000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
  }

  private static JsonObject entry(String nameVi, String nameEn, String kind, String status, Integer latencyMs,
                                  String message, OffsetDateTime at) {
    return new JsonObject()
        .put("nameVi", nameVi)
        .put("nameEn", nameEn)
        .put("kind", kind)
        .put("status", status == null ? "unknown" : status)
        .put("latencyMs", latencyMs)
        .put("message", message)
        .put("reportedAt", at == null ? null : at.toString());
  }

  private Map<String, Object> published() {
    Map<String, Object> copy = new LinkedHashMap<>();
    systems.forEach((code, entry) -> copy.put(code, entry.copy().getMap()));
    return copy;
  }
}
