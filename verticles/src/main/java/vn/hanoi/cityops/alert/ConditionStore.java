package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions ({@code alert_condition}), written compare-and-set: a write names the position (the newest event
 * applied: its time and seq) it read, and loses when another node moved it meanwhile. The loser re-reads and
 * applies only what is still new, so each event changes a condition once whatever the number of nodes. The SQL is in
 * {@code sql/alert/condition-*.sql}.
 */
final class ConditionStore {
  private static final String LOAD = Sql.load("alert/condition-load.sql");
  private static final String PENDING = Sql.load("alert/condition-pending.sql");
  private static final String INSERT = Sql.load("alert/condition-insert.sql");
  private static final String UPDATE = Sql.load("alert/condition-update.sql");
  private static final String ACTIVE_SUBJECTS = Sql.load("alert/condition-active-subjects.sql");

  /** A condition and where it stands in the event log; {@code at} null: never stored. */
  record Stored(Conditions.State state, Instant at, long seq) {
    static final Stored NONE = new Stored(Conditions.State.NONE, null, 0);

    /** Whether an event at ({@code eventAt}, {@code eventSeq}) is newer than what this condition applied. */
    boolean older(Instant eventAt, long eventSeq) {
      if (at == null) {
        return true;
      }
      int c = eventAt.compareTo(at);
      return c > 0 || c == 0 && eventSeq > seq;
    }
  }

  record Key(long ruleId, String subject) {
  }

  private final Pool pool;

  ConditionStore(Pool pool) {
    this.pool = pool;
  }

  Future<Map<Key, Stored>> load(List<Key> keys) {
    Long[] rules = keys.stream().map(Key::ruleId).toArray(Long[]::new);
    String[] subjects = keys.stream().map(Key::subject).toArray(String[]::new);
    return pool.preparedQuery(LOAD)
        .execute(Tuple.tuple().addArrayOfLong(rules).addArrayOfString(subjects))
        .map(rows -> {
          Map<Key, Stored> stored = new HashMap<>();
          for (Row r : rows) {
            stored.put(new Key(r.getLong("rule_id"), r.getString("subject")), from(r));
          }
          return stored;
        });
  }

  /** Conditions waiting for time alone: holding but not alerting yet, or clear but still alerting. */
  Future<Map<Key, Stored>> pending() {
    return pool.query(PENDING).execute()
        .map(rows -> {
          Map<Key, Stored> stored = new HashMap<>();
          for (Row r : rows) {
            stored.put(new Key(r.getLong("rule_id"), r.getString("subject")), from(r));
          }
          return stored;
        });
  }

  /** Writes {@code next} at position ({@code at}, {@code seq}) if the stored one is still {@code expected}; true if it won. */
  Future<Boolean> write(SqlClient c, Key key, Stored expected, Conditions.State next, Instant at, long seq) {
    Tuple values = Tuple.of(key.ruleId(), key.subject(), next.active(), utc(next.since()), next.alerting(), next.value(),
        utc(at), seq);
    if (expected.at() == null) {
      return c.preparedQuery(INSERT).execute(values).map(rows -> rows.rowCount() == 1);
    }
    return c.preparedQuery(UPDATE)
        .execute(values.addOffsetDateTime(utc(expected.at())).addLong(expected.seq())
            .addBoolean(expected.state().active()).addBoolean(expected.state().alerting()))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The subjects on which the rule's condition holds now. */
  Future<List<String>> activeSubjects(long ruleId) {
    return pool.preparedQuery(ACTIVE_SUBJECTS).execute(Tuple.of(ruleId)).map(rows -> {
      List<String> subjects = new ArrayList<>(rows.size());
      rows.forEach(r -> subjects.add(r.getString(0)));
      return subjects;
    });
  }

  private static Stored from(Row r) {
    return new Stored(new Conditions.State(r.getBoolean("active"), r.getOffsetDateTime("since").toInstant(),
        r.getBoolean("alerting"), r.getDouble("value")), r.getOffsetDateTime("event_at").toInstant(), r.getLong("event_seq"));
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
