package vn.hanoi.cityops.history;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.support.Api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Events placed at exact instants, and the rollup rows as a map, for the history tests. */
final class TimedEvents {
  private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);

  private TimedEvents() {
  }

  static String iso(Instant t) {
    return t.atOffset(HANOI).toString();
  }

  static JsonObject dossier(String id, Instant at, String agency, String dossierId, String stage, String channel,
                            Instant received, Instant due) {
    JsonObject e = new JsonObject().put("id", id).put("type", "dossier").put("occurredAt", iso(at))
        .put("dossierId", dossierId).put("agency", agency).put("procedure", "1.000001").put("channel", channel)
        .put("stage", stage).put("receivedAt", iso(received)).put("dueAt", iso(due));
    if ("completed".equals(stage)) {
      e.put("completedAt", iso(at));
    }
    return e;
  }

  static JsonObject feedback(String id, Instant at, String feedbackId, String district, String status) {
    JsonObject e = new JsonObject().put("id", id).put("type", "feedback").put("occurredAt", iso(at))
        .put("feedbackId", feedbackId).put("channel", "zalo").put("category", "Môi trường").put("district", district)
        .put("status", status).put("dueAt", iso(at.plusSeconds(10 * 86_400)));
    if ("answered".equals(status)) {
      e.put("rating", 4);
    }
    return e;
  }

  static JsonObject health(String id, Instant at, String system, String status) {
    return new JsonObject().put("id", id).put("type", "system.health").put("occurredAt", iso(at))
        .put("system", system).put("status", status).put("latencyMs", 120);
  }

  /** Minute runs until no gap is left (a new history catches up six hours a run), then an hourly roll. */
  static void rollUp(Rollups rollups, Instant now) {
    while (Api.await(rollups.minutes(now)).catchingUp()) {
      // the next run goes on where this one stopped
    }
    Api.await(rollups.hours(now));
  }

  /** {@code scope|kpi} → value of the rows of {@code table} at {@code bucket}. */
  static Map<String, Double> rows(Pool pool, String table, Instant bucket) {
    Map<String, Double> values = new HashMap<>();
    for (Row r : Api.await(pool.preparedQuery("SELECT scope, kpi, value FROM " + table + " WHERE bucket = $1")
        .execute(Tuple.of(utc(bucket))))) {
      values.put(r.getString(0) + "|" + r.getString(1), r.getDouble(2));
    }
    return values;
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
