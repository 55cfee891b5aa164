package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts' lifecycle in PostgreSQL. Every change is one conditional write that only one node can win (a
 * partial unique index on the open deduplication key, {@code UPDATE … WHERE state = …}, re-checked under the row
 * lock), recorded in the same transaction by {@code sql/alert/record-change.sql}: transition, audit entry, the
 * {@code alert} event for every node's feed, and the webhook delivery.
 */
public final class AlertRepository {
  /** The actor of changes the evaluator makes. */
  public static final String SYSTEM_ACTOR = "cityops-alerts";
  private static final String RECORD = sql("record-change");
  private static final String FIRE_CONTEXT = sql("fire-context");
  private static final String REFIRE = sql("refire");
  private static final String REOPEN = sql("reopen");
  private static final String INSERT = sql("insert-alert");
  private static final String REGROUP = sql("regroup");
  private static final String ESCALATE = sql("escalate");
  private static final String SILENCE = sql("silence-matching");
  private static final String UNSILENCE = sql("unsilence");
  private static final String LIST = sql("list");
  private static final String STATS = sql("stats");
  /** Resolves the open alerts {@code <where>} selects ($1), by $2 with note $3; answers them with their state before. */
  private static final String RESOLVE_WHERE = "UPDATE alert a SET state = 'resolved', resolved_at = now(), resolved_by = $2, "
      + "resolve_note = $3, updated_at = now(), version = a.version + 1 "
      + "FROM (SELECT id, state AS old_state FROM alert WHERE <where> AND state <> 'resolved' FOR UPDATE) o "
      + "WHERE a.id = o.id AND a.state <> 'resolved' RETURNING a.*, o.old_state";
  private static final String AUTO_RESOLVE = RESOLVE_WHERE.replace("<where>", "dedup_key = $1");
  private static final String RESOLVE_OF_RULE = RESOLVE_WHERE.replace("<where>", "rule_id = $1");
  private static final String ACKNOWLEDGE = "UPDATE alert SET state = 'acknowledged', acknowledged_at = now(), "
      + "acknowledged_by = $2, acknowledge_note = $3, updated_at = now(), version = version + 1 "
      + "WHERE id = $1 AND state = 'firing' RETURNING *";
  private static final String RESOLVE = "UPDATE alert SET state = 'resolved', resolved_at = now(), resolved_by = $2, "
      + "resolve_note = $3, updated_at = now(), version = version + 1 WHERE id = $1 AND state <> 'resolved' RETURNING *";

  /** One change made: the alert after it, and what it was before. */
  public record Change(Alert alert, String action, String fromState) {
  }

  private final Pool pool;

  public AlertRepository(Pool pool) {
    this.pool = pool;
  }

  static String sql(String name) {
    return Sql.load("alert/" + name + ".sql");
  }

  Pool pool() {
    return pool;
  }

  /**
   * The rule's condition on {@code subject} began to hold: the open alert is counted again, or one resolved within
   * the reopen window reopens, or a new one fires. A system outage also gathers the open alerts of the systems
   * behind it into its group. Answers every change, recorded.
   */
  Future<List<Change>> fire(SqlClient c, Rule rule, String subject, Double value, Titles.Title title) {
    String key = rule.dedupKey(subject);
    return c.preparedQuery(REFIRE).execute(Tuple.of(key, value)).compose(refired -> {
      if (refired.size() > 0) {
        Alert a = Alert.from(refired.iterator().next());
        return record(c, new Change(a, "refire", a.state()), SYSTEM_ACTOR, "system", null).map(List::of);
      }
      return c.preparedQuery(FIRE_CONTEXT).execute(Tuple.of(rule.code(), rule.kind().code(), subject, rule.severity()))
          .compose(ctx -> {
            Row r = ctx.iterator().next();
            Long silence = r.getLong("silence_id");
            String group = r.getString("upstream_group") != null ? r.getString("upstream_group") : ownGroup(rule, subject);
            return c.preparedQuery(REOPEN).execute(Tuple.from(new Object[]{key, rule.reopenSeconds(), rule.severity(),
                    silence, group, value, title.vi(), title.en()}))
                .compose(reopened -> reopened.size() > 0
                    ? Future.succeededFuture(new Change(Alert.from(reopened.iterator().next()), "reopen", Alert.RESOLVED))
                    : c.preparedQuery(INSERT).execute(Tuple.from(new Object[]{key, rule.id(), rule.code(), rule.kind().code(),
                            subject, rule.severity(), title.vi(), title.en(), group, value, silence}))
                        .map(inserted -> inserted.size() == 0 ? null
                            : new Change(Alert.from(inserted.iterator().next()), "fire", null)));
          })
          .compose(change -> {
            if (change == null) {
              return Future.succeededFuture(List.<Change>of());
            }
            List<Change> changes = new ArrayList<>(List.of(change));
            Future<Void> recorded = record(c, change, SYSTEM_ACTOR, "system", null).mapEmpty();
            if (rule.kind() == Rule.Kind.SYSTEM_DOWN) {
              recorded = recorded.compose(v -> c.preparedQuery(REGROUP).execute(Tuple.of(subject, change.alert().groupKey())))
                  .compose(rows -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Row row : rows) {
                      Alert member = Alert.from(row);
                      Change regrouped = new Change(member, "regroup", member.state());
                      changes.add(regrouped);
                      chain = chain.compose(v -> record(c, regrouped, SYSTEM_ACTOR, "system", null).mapEmpty());
                    }
                    return chain;
                  });
            }
            return recorded.map(v -> changes);
          });
    });
  }

  static String ownGroup(Rule rule, String subject) {
    return (rule.kind().system() ? "system:" : "subject:") + subject;
  }

  /** The condition cleared: the open alert resolves by itself. */
  Future<List<Change>> autoResolve(SqlClient c, Rule rule, String subject) {
    return c.preparedQuery(AUTO_RESOLVE).execute(Tuple.of(rule.dedupKey(subject), SYSTEM_ACTOR, "condition cleared"))
        .compose(rows -> recordAll(c, rows, "resolve", null, SYSTEM_ACTOR, "system", "condition cleared"));
  }

  /** The open alerts of a rule being deleted or disabled resolve, by the person who did it. */
  Future<List<Change>> resolveOfRule(SqlClient c, long ruleId, String actor, String note) {
    return c.preparedQuery(RESOLVE_OF_RULE)
        .execute(Tuple.of(ruleId, actor, note))
        .compose(rows -> recordAll(c, rows, "resolve", null, actor, "user", note));
  }

  /** Notes that the open alert's condition was evaluated again and still holds (not a change: not published). */
  Future<Void> touch(List<String> dedupKeys) {
    if (dedupKeys.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("UPDATE alert SET last_evaluated_at = now() WHERE state <> 'resolved' AND dedup_key = ANY ($1)")
        .execute(Tuple.tuple().addArrayOfString(dedupKeys.toArray(new String[0]))).mapEmpty();
  }

  /** {@code firing} → {@code acknowledged}; 404 for no such alert, 409 when it is not firing. */
  public Future<Change> acknowledge(long id, String actor, String note) {
    return pool.withTransaction(c -> c.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(id, actor, note))
        .compose(rows -> rows.size() == 0
            ? refuse(c, id, "acknowledge")
            : record(c, new Change(Alert.from(rows.iterator().next()), "acknowledge", Alert.FIRING), actor, "user", note)));
  }

  /** {@code firing}/{@code acknowledged} → {@code resolved} by a person; 404, or 409 when already resolved. */
  public Future<Change> resolve(long id, String actor, String note) {
    return pool.withTransaction(c -> c.preparedQuery("SELECT state FROM alert WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .compose(before -> {
          String from = before.size() == 0 ? null : before.iterator().next().getString(0);
          return c.preparedQuery(RESOLVE).execute(Tuple.of(id, actor, note)).compose(rows -> rows.size() == 0
              ? refuse(c, id, "resolve")
              : record(c, new Change(Alert.from(rows.iterator().next()), "resolve", from), actor, "user", note));
        }));
  }

  private Future<Change> refuse(SqlClient c, long id, String action) {
    return c.preparedQuery("SELECT state, acknowledged_by, acknowledged_at, resolved_by, resolved_at FROM alert WHERE id = $1")
        .execute(Tuple.of(id)).compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Failure.notFound("no alert " + id));
          }
          Row r = rows.iterator().next();
          String state = r.getString("state");
          String message = Alert.RESOLVED.equals(state)
              ? "alert " + id + " is already resolved (by " + r.getString("resolved_by") + " at "
                  + Alert.iso(r.getOffsetDateTime("resolved_at")) + "); it cannot be " + ("acknowledge".equals(action) ? "acknowledged" : "resolved again")
              : "alert " + id + " is already acknowledged by " + r.getString("acknowledged_by") + " at "
                  + Alert.iso(r.getOffsetDateTime("acknowledged_at"));
          return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "illegal_transition", message, new JsonArray()
              .add(new JsonObject().put("state", state).put("action", action)
                  .put("acknowledgedBy", r.getString("acknowledged_by"))
                  .put("resolvedBy", r.getString("resolved_by")))));
        });
  }

  /** Raises the severity of the alerts left firing past their rule's escalation time. */
  Future<List<Change>> escalate() {
    return pool.withTransaction(c -> c.query(ESCALATE).execute()
        .compose(rows -> recordAll(c, rows, "escalate", Alert.FIRING, SYSTEM_ACTOR, "system", null)));
  }

  /** The open alerts a new silence covers become silenced. */
  Future<List<Change>> silence(SqlClient c, long silenceId, String actor) {
    return c.preparedQuery(SILENCE).execute(Tuple.of(silenceId))
        .compose(rows -> recordAll(c, rows, "silence", null, actor, "user", "silence " + silenceId));
  }

  /** Open alerts whose silences all ended are shown again. */
  Future<List<Change>> unsilence(SqlClient c, String actor, String actorKind) {
    return c.query(UNSILENCE).execute().compose(rows -> recordAll(c, rows, "unsilence", null, actor, actorKind, null));
  }

  private Future<List<Change>> recordAll(SqlClient c, Iterable<Row> rows, String action, String from, String actor,
                                         String actorKind, String note) {
    Future<List<Change>> chain = Future.succeededFuture(new ArrayList<>());
    for (Row row : rows) {
      Alert a = Alert.from(row);
      String before = row.getColumnIndex("old_state") >= 0 ? row.getString("old_state") : a.state();
      Change change = new Change(a, action, from == null ? before : from);
      chain = chain.compose(list -> record(c, change, actor, actorKind, note).map(x -> {
        list.add(change);
        return list;
      }));
    }
    return chain;
  }

  private Future<Change> record(SqlClient c, Change change, String actor, String actorKind, String note) {
    Alert a = change.alert();
    JsonObject json = a.toJson();
    JsonObject hook = new JsonObject().put("event", change.action()).put("actor", actor).put("note", note)
        .put("at", Alert.iso(a.updatedAt())).put("alert", json);
    return c.preparedQuery(RECORD).execute(Tuple.from(new Object[]{a.id(), actor, actorKind, change.action(),
            change.fromState(), a.state(), a.severity(), note, a.version(), json, a.ruleId(), a.silenced(), hook}))
        .map(x -> change);
  }

  /** Alerts matching the filters (each may be null), newest first, with their group's size. */
  public Future<JsonArray> list(String state, String subject, String severity, String rule, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{state, subject, severity, rule, limit, null}))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(withGroupSize(r)));
          return items;
        });
  }

  /** One alert with its history (every transition, oldest first). */
  public Future<Optional<JsonObject>> one(long id) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{null, null, null, null, 1, id})).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      JsonObject alert = withGroupSize(rows.iterator().next());
      return pool.preparedQuery("SELECT id, at, actor, action, from_state, to_state, severity, note, version "
              + "FROM alert_transition WHERE alert_id = $1 ORDER BY id").execute(Tuple.of(id))
          .map(history -> {
            JsonArray items = new JsonArray();
            for (Row h : history) {
              items.add(new JsonObject().put("id", h.getLong("id")).put("at", Alert.iso(h.getOffsetDateTime("at")))
                  .put("actor", h.getString("actor")).put("action", h.getString("action"))
                  .put("from", h.getString("from_state")).put("to", h.getString("to_state"))
                  .put("severity", h.getString("severity")).put("note", h.getString("note"))
                  .put("version", h.getInteger("version")));
            }
            return Optional.of(alert.put("history", items));
          });
    });
  }

  /** MTTA and MTTR per system, in seconds, since {@code from}. */
  public Future<JsonArray> stats(OffsetDateTime from) {
    return pool.preparedQuery(STATS).execute(Tuple.of(from)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject().put("system", r.getString("code")).put("nameVi", r.getString("name_vi"))
            .put("nameEn", r.getString("name_en")).put("alerts", r.getLong("episodes"))
            .put("acknowledged", r.getLong("acknowledged")).put("resolved", r.getLong("resolved"))
            .put("mttaSeconds", seconds(r, "mtta")).put("mttrSeconds", seconds(r, "mttr")));
      }
      return items;
    });
  }

  private static Double seconds(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? null : Math.round(r.getNumeric(column).doubleValue() * 10) / 10.0;
  }

  private static JsonObject withGroupSize(Row r) {
    return Alert.from(r).toJson().put("groupSize", r.getLong("group_size"));
  }
}
