package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Silences ({@code alert_silence}): for a period, alerts matching every given matcher (rule, kind, subject,
 * severity) are still recorded but not pushed: the {@code alerts} topic leaves them out, they do not escalate and
 * send no webhook. Creating one silences the open alerts it matches at once; when it ends (its time, or deleted)
 * they are shown again unless another silence covers them.
 */
final class Silences {
  record Created(JsonObject silence, List<AlertRepository.Change> changes) {
  }

  private final Pool pool;
  private final AlertRepository alerts;

  Silences(Pool pool, AlertRepository alerts) {
    this.pool = pool;
    this.alerts = alerts;
  }

  Future<Created> create(String rule, String kind, String subject, String severity, OffsetDateTime endsAt, String reason,
                         String actor) {
    return pool.withTransaction(c -> c.preparedQuery("INSERT INTO alert_silence (rule_code, kind, subject, severity, "
                + "ends_at, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *")
            .execute(Tuple.from(new Object[]{rule, kind, subject, severity, endsAt, reason, actor}))
            .compose(rows -> {
              JsonObject silence = json(rows.iterator().next());
              return alerts.silence(c, silence.getLong("id"), actor).map(changes -> new Created(silence, changes));
            }));
  }

  /** Ends a silence now; 404 for none, 409 when it already ended. */
  Future<List<AlertRepository.Change>> end(long id, String actor) {
    return pool.withTransaction(c -> c.preparedQuery("UPDATE alert_silence SET ends_at = now(), ended_by = $2 "
                + "WHERE id = $1 AND ends_at > now() RETURNING id")
            .execute(Tuple.of(id, actor))
            .compose(rows -> rows.size() > 0
                ? alerts.unsilence(c, actor, "user")
                : c.preparedQuery("SELECT 1 FROM alert_silence WHERE id = $1").execute(Tuple.of(id))
                    .compose(found -> Future.failedFuture(found.size() == 0
                        ? Failure.notFound("no silence " + id)
                        : new Failure(Failure.Kind.CONFLICT, "illegal_transition", "silence " + id + " has already ended")))));
  }

  /** Active silences, or also those ended within the last 7 days. */
  Future<JsonArray> list(boolean activeOnly) {
    return pool.preparedQuery("SELECT * FROM alert_silence WHERE ends_at > now() - CASE WHEN $1 THEN interval '0' "
            + "ELSE interval '7 days' END ORDER BY id DESC").execute(Tuple.of(activeOnly))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(json(r)));
          return items;
        });
  }

  private static JsonObject json(Row r) {
    OffsetDateTime ends = r.getOffsetDateTime("ends_at");
    return new JsonObject().put("id", r.getLong("id")).put("rule", r.getString("rule_code"))
        .put("kind", r.getString("kind")).put("subject", r.getString("subject")).put("severity", r.getString("severity"))
        .put("reason", r.getString("reason")).put("startsAt", Alert.iso(r.getOffsetDateTime("starts_at")))
        .put("endsAt", Alert.iso(ends)).put("createdBy", r.getString("created_by"))
        .put("createdAt", Alert.iso(r.getOffsetDateTime("created_at"))).put("endedBy", r.getString("ended_by"))
        .put("active", ends.isAfter(OffsetDateTime.now()));
  }
}
