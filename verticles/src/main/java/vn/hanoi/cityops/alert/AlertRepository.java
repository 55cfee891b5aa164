package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.alert.Lifecycle.Action;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts' lifecycle in PostgreSQL; the SQL is in {@code sql/alert/*.sql}, read once, and the rules it applies are
 * {@link Lifecycle}'s. Every change is one conditional write that only one node can win (a partial unique index on the
 * open deduplication key, {@code UPDATE … WHERE state = …}, re-checked under the row lock), recorded in the same
 * transaction by {@code record-change.sql}: transition, audit entry, the {@code alert} event for every node's feed,
 * and the webhook delivery. Answers records; a refused change fails with {@link Lifecycle#refusal}.
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
  private static final String RESOLVE_CLEARED = sql("resolve-cleared");
  private static final String RESOLVE_OF_RULE = sql("resolve-of-rule");
  private static final String ACKNOWLEDGE = sql("acknowledge");
  private static final String RESOLVE = sql("resolve");
  private static final String LOCK = sql("lock-alert");
  private static final String ONE = sql("one");
  private static final String TOUCH = sql("touch");
  private static final String LIST = sql("list");
  private static final String HISTORY = sql("history");
  private static final String STATS = sql("stats");
  private static final String SHOWN = sql("shown");
  private static final String GROUP_FIRING = sql("group-firing");
  private static final String GROUP_OF = sql("group-of");

  /** One change made: the alert after it, what was done, and the state it was in before. */
  public record Change(Alert alert, Action action, String fromState) {
  }

  /** An alert with the number of open alerts in its group. */
  public record Listed(Alert alert, long groupSize) {
  }

  /** An alert with its group's size and its history. */
  public record Detail(Alert alert, long groupSize, List<Transition> history) {
  }

  /** One recorded transition of an alert. */
  public record Transition(long id, OffsetDateTime at, String actor, String action, String fromState, String toState,
                           String severity, String note, int version) {
  }

  /** MTTA and MTTR of one system's alerts (seconds; null without any acknowledged / resolved). */
  public record SystemStats(String system, String nameVi, String nameEn, long alerts, long acknowledged, long resolved,
                            Double mttaSeconds, Double mttrSeconds) {
  }

  private final Pool pool;
  /** Where people reach the node ({@code notify.publicUrl}): the Alertmanager payload links into the console under it. */
  private final String publicUrl;

  public AlertRepository(Pool pool, String publicUrl) {
    this.pool = pool;
    this.publicUrl = publicUrl;
  }

  private static String sql(String name) {
    return Sql.load("alert/" + name + ".sql");
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
        Alert a = alert(refired.iterator().next());
        return record(c, new Change(a, Action.REFIRE, a.state()), SYSTEM_ACTOR, "system", null).map(List::of);
      }
      return c.preparedQuery(FIRE_CONTEXT).execute(Tuple.of(rule.code(), rule.kind().code(), subject, rule.severity()))
          .compose(ctx -> {
            Row r = ctx.iterator().next();
            Long silence = r.getLong("silence_id");
            String group = Lifecycle.group(rule, subject, r.getString("upstream_group"));
            return c.preparedQuery(REOPEN).execute(Tuple.from(new Object[]{key, rule.reopenSeconds(), rule.severity(),
                    silence, group, value, title.vi(), title.en()}))
                .compose(reopened -> reopened.size() > 0
                    ? Future.succeededFuture(new Change(alert(reopened.iterator().next()), Action.REOPEN, Lifecycle.RESOLVED))
                    : c.preparedQuery(INSERT).execute(Tuple.from(new Object[]{key, rule.id(), rule.code(), rule.kind().code(),
                            subject, rule.severity(), title.vi(), title.en(), group, value, silence}))
                        .map(inserted -> inserted.size() == 0 ? null
                            : new Change(alert(inserted.iterator().next()), Action.FIRE, null)));
          })
          .compose(change -> {
            if (change == null) {
              return Future.succeededFuture(List.<Change>of());
            }
            List<Change> changes = new ArrayList<>(List.of(change));
            Future<Void> recorded = record(c, change, SYSTEM_ACTOR, "system", null).mapEmpty();
            if (rule.kind() == Rule.Kind.SYSTEM_DOWN) {
              recorded = recorded.compose(v -> c.preparedQuery(REGROUP).execute(Tuple.of(subject, change.alert().groupKey())))
                  .compose(rows -> recordAll(c, rows, Action.REGROUP, SYSTEM_ACTOR, "system", null))
                  .map(regrouped -> {
                    changes.addAll(regrouped);
                    return null;
                  });
            }
            return recorded.map(v -> changes);
          });
    });
  }

  /** The condition cleared: the open alert resolves by itself. */
  Future<List<Change>> autoResolve(SqlClient c, Rule rule, String subject) {
    return c.preparedQuery(RESOLVE_CLEARED).execute(Tuple.of(rule.dedupKey(subject), SYSTEM_ACTOR, "condition cleared"))
        .compose(rows -> recordAll(c, rows, Action.RESOLVE, SYSTEM_ACTOR, "system", "condition cleared"));
  }

  /** The open alerts of a rule being deleted or disabled resolve, by the person who did it. */
  Future<List<Change>> resolveOfRule(SqlClient c, long ruleId, String actor, String note) {
    return c.preparedQuery(RESOLVE_OF_RULE).execute(Tuple.of(ruleId, actor, note))
        .compose(rows -> recordAll(c, rows, Action.RESOLVE, actor, "user", note));
  }

  /** Notes that the open alert's condition was evaluated again and still holds (not a change: not published). */
  Future<Void> touch(List<String> dedupKeys) {
    if (dedupKeys.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(TOUCH).execute(Tuple.tuple().addArrayOfString(dedupKeys.toArray(new String[0])))
        .mapEmpty();
  }

  /** {@code firing} → {@code acknowledged}; fails with {@link Lifecycle#refusal} when it cannot. */
  public Future<Change> acknowledge(long id, String actor, String note) {
    return pool.withTransaction(c -> c.preparedQuery(ACKNOWLEDGE)
        .execute(Tuple.of(id, actor, note).addArrayOfString(Action.ACKNOWLEDGE.fromStates()))
        .compose(rows -> rows.size() == 0
            ? refuse(c, id, Action.ACKNOWLEDGE)
            : record(c, new Change(alert(rows.iterator().next()), Action.ACKNOWLEDGE, Lifecycle.FIRING), actor, "user", note)));
  }

  /** {@code firing}/{@code acknowledged} → {@code resolved} by a person; fails with {@link Lifecycle#refusal} when it cannot. */
  public Future<Change> resolve(long id, String actor, String note) {
    return pool.withTransaction(c -> c.preparedQuery(LOCK).execute(Tuple.of(id))
        .compose(before -> {
          Row locked = before.size() == 0 ? null : before.iterator().next();
          String from = locked == null ? null : locked.getString("state");
          if (locked != null && Lifecycle.open(from) && locked.getOffsetDateTime("holding_since") != null) {
            return Future.failedFuture(Lifecycle.stillHolds(id, locked.getOffsetDateTime("holding_since"),
                locked.getDouble("holding_value")));
          }
          return c.preparedQuery(RESOLVE).execute(Tuple.of(id, actor, note).addArrayOfString(Action.RESOLVE.fromStates()))
              .compose(rows -> rows.size() == 0
                  ? refuse(c, id, Action.RESOLVE)
                  : record(c, new Change(alert(rows.iterator().next()), Action.RESOLVE, from), actor, "user", note));
        }));
  }

  /**
   * Acknowledges every firing alert of group {@code groupKey} by {@code actor}, one {@link #acknowledge} each (so each
   * is recorded, audited and on the feed like any other); an alert someone else acknowledged or resolved meanwhile is
   * left as it is. Answers the changes made, oldest alert first.
   */
  public Future<List<Change>> acknowledgeGroup(String groupKey, String actor, String note) {
    return pool.preparedQuery(GROUP_FIRING).execute(Tuple.of(groupKey)).compose(rows -> {
      Future<List<Change>> chain = Future.succeededFuture(new ArrayList<>());
      for (Row r : rows) {
        long id = r.getLong("id");
        chain = chain.compose(changes -> acknowledge(id, actor, note)
            .map(change -> {
              changes.add(change);
              return changes;
            })
            .recover(failure -> failure instanceof Failure refused && refused.kind() != Failure.Kind.INTERNAL
                ? Future.succeededFuture(changes) : Future.failedFuture(failure)));
      }
      return chain;
    });
  }

  /** The group of alert {@code id}; empty when there is no such alert. */
  public Future<Optional<String>> groupOf(long id) {
    return pool.preparedQuery(GROUP_OF).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  private Future<Change> refuse(SqlClient c, long id, Action action) {
    return c.preparedQuery(ONE).execute(Tuple.of(id)).compose(rows -> Future.failedFuture(Lifecycle.refusal(id, action,
        rows.size() == 0 ? Optional.empty() : Optional.of(alert(rows.iterator().next())))));
  }

  /** Raises the severity of the alerts left firing past their rule's escalation time. */
  Future<List<Change>> escalate() {
    return pool.withTransaction(c -> c.preparedQuery(ESCALATE)
        .execute(Tuple.tuple().addArrayOfString(Lifecycle.severityLadder()).addInteger(Lifecycle.MAX_ESCALATIONS))
        .compose(rows -> recordAll(c, rows, Action.ESCALATE, SYSTEM_ACTOR, "system", null)));
  }

  /** The open alerts a new silence covers become silenced. */
  Future<List<Change>> silence(SqlClient c, long silenceId, String actor) {
    return c.preparedQuery(SILENCE).execute(Tuple.of(silenceId))
        .compose(rows -> recordAll(c, rows, Action.SILENCE, actor, "user", "silence " + silenceId));
  }

  /** Open alerts whose silences all ended are shown again. */
  Future<List<Change>> unsilence(SqlClient c, String actor, String actorKind) {
    return c.query(UNSILENCE).execute().compose(rows -> recordAll(c, rows, Action.UNSILENCE, actor, actorKind, null));
  }

  /** Records each changed row, in order; the state before is the row's {@code old_state} if it has one, else its state. */
  private Future<List<Change>> recordAll(SqlClient c, RowSet<Row> rows, Action action, String actor, String actorKind,
                                         String note) {
    Future<List<Change>> chain = Future.succeededFuture(new ArrayList<>());
    for (Row row : rows) {
      Alert a = alert(row);
      String before = row.getColumnIndex("old_state") >= 0 ? row.getString("old_state") : a.state();
      Change change = new Change(a, action, before);
      chain = chain.compose(list -> record(c, change, actor, actorKind, note).map(x -> {
        list.add(change);
        return list;
      }));
    }
    return chain;
  }

  private Future<Change> record(SqlClient c, Change change, String actor, String actorKind, String note) {
    Alert a = change.alert();
    JsonObject json = AlertJson.alert(a);
    return c.preparedQuery(RECORD).execute(Tuple.from(new Object[]{a.id(), actor, actorKind, change.action().code(),
            change.fromState(), a.state(), a.severity(), note, a.version(), json, a.ruleId(), a.silenced(),
            AlertJson.webhook(change, json, actor, note), AlertJson.audit(change, note),
            AlertJson.alertmanager(a, publicUrl)}))
        .map(x -> change);
  }

  /** Alerts matching the filters (each may be null; state {@code open}: not resolved), newest first. */
  public Future<List<Listed>> list(String state, String subject, String severity, String rule, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{state, subject, severity, rule, limit, null}))
        .map(rows -> {
          List<Listed> items = new ArrayList<>(rows.size());
          rows.forEach(r -> items.add(listed(r)));
          return items;
        });
  }

  /** One alert with its history (every transition, oldest first). */
  public Future<Optional<Detail>> one(long id) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[]{null, null, null, null, 1, id})).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Listed found = listed(rows.iterator().next());
      return pool.preparedQuery(HISTORY).execute(Tuple.of(id)).map(history -> {
        List<Transition> items = new ArrayList<>(history.size());
        for (Row h : history) {
          items.add(new Transition(h.getLong("id"), h.getOffsetDateTime("at"), h.getString("actor"),
              h.getString("action"), h.getString("from_state"), h.getString("to_state"), h.getString("severity"),
              h.getString("note"), h.getInteger("version")));
        }
        return Optional.of(new Detail(found.alert(), found.groupSize(), items));
      });
    });
  }

  /** MTTA and MTTR per system since {@code from}. */
  public Future<List<SystemStats>> stats(OffsetDateTime from) {
    return pool.preparedQuery(STATS).execute(Tuple.of(from)).map(rows -> {
      List<SystemStats> items = new ArrayList<>(rows.size());
      for (Row r : rows) {
        items.add(new SystemStats(r.getString("code"), r.getString("name_vi"), r.getString("name_en"),
            r.getLong("episodes"), r.getLong("acknowledged"), r.getLong("resolved"), seconds(r, "mtta"),
            seconds(r, "mttr")));
      }
      return items;
    });
  }

  /** The alerts the {@code alerts} topic shows at start: open ones, and those resolved within {@code resolvedShown}. */
  Future<List<Alert>> shown(Duration resolvedShown) {
    return pool.preparedQuery(SHOWN).execute(Tuple.of(resolvedShown.toSeconds())).map(rows -> {
      List<Alert> alerts = new ArrayList<>(rows.size());
      rows.forEach(r -> alerts.add(alert(r)));
      return alerts;
    });
  }

  private static Double seconds(Row r, String column) {
    return r.getValue(column) == null ? null : r.getNumeric(column).doubleValue();
  }

  private static Listed listed(Row r) {
    return new Listed(alert(r), r.getLong("group_size"));
  }

  static Alert alert(Row r) {
    return new Alert(r.getLong("id"), r.getString("dedup_key"), r.getLong("rule_id"), r.getString("rule_code"),
        r.getString("kind"), r.getString("subject"), r.getString("state"), r.getString("severity"),
        r.getString("base_severity"), r.getString("title_vi"), r.getString("title_en"), r.getString("group_key"),
        r.getDouble("value"), r.getOffsetDateTime("fired_at"), r.getOffsetDateTime("first_fired_at"),
        r.getString("acknowledged_by"), r.getOffsetDateTime("acknowledged_at"), r.getString("acknowledge_note"),
        r.getString("resolved_by"), r.getOffsetDateTime("resolved_at"), r.getString("resolve_note"),
        r.getInteger("escalation_level"), r.getOffsetDateTime("escalated_at"), r.getLong("silence_id"),
        r.getInteger("count"), r.getOffsetDateTime("last_evaluated_at"), r.getOffsetDateTime("updated_at"),
        r.getInteger("version"));
  }
}
