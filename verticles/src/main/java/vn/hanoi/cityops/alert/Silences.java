package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Silences ({@code alert_silence}); the SQL is in {@code sql/alert/silence-*.sql}. For a period, alerts matching every
 * given matcher (rule, kind, subject, severity) are still recorded but not pushed: the {@code alerts} topic leaves
 * them out, they do not escalate and send no webhook. Creating one silences the open alerts it matches at once; when
 * it ends (its time, or deleted) they are shown again unless another silence covers them.
 */
final class Silences {
  private static final String INSERT = Sql.load("alert/silence-insert.sql");
  private static final String END = Sql.load("alert/silence-end.sql");
  private static final String EXISTS = Sql.load("alert/silence-exists.sql");
  private static final String LIST = Sql.load("alert/silence-list.sql");

  /** A new silence, and the changes of the alerts it silenced at once. */
  record Created(Silence silence, List<AlertRepository.Change> changes) {
  }

  private final Pool pool;
  private final AlertRepository alerts;

  Silences(Pool pool, AlertRepository alerts) {
    this.pool = pool;
    this.alerts = alerts;
  }

  /** Stores the silence {@code request} asked for, until {@code endsAt} (already checked), and silences what it covers. */
  Future<Created> create(SilenceRequest request, OffsetDateTime endsAt, String actor) {
    return pool.withTransaction(c -> c.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[]{request.rule(), request.kind(), request.subject(), request.severity(), endsAt,
            request.reason(), actor}))
        .compose(rows -> {
          Silence silence = silence(rows.iterator().next());
          return alerts.silence(c, silence.id(), actor).map(changes -> new Created(silence, changes));
        }));
  }

  /** Ends a silence now; fails with {@link Lifecycle#silenceRefusal} when there is none or it already ended. */
  Future<List<AlertRepository.Change>> end(long id, String actor) {
    return pool.withTransaction(c -> c.preparedQuery(END).execute(Tuple.of(id, actor))
        .compose(rows -> rows.size() > 0
            ? alerts.unsilence(c, actor, "user")
            : c.preparedQuery(EXISTS).execute(Tuple.of(id))
                .compose(found -> Future.failedFuture(Lifecycle.silenceRefusal(id, found.size() > 0)))));
  }

  /** Active silences, or also those ended within the last 7 days. */
  Future<List<Silence>> list(boolean activeOnly) {
    return pool.preparedQuery(LIST).execute(Tuple.of(activeOnly)).map(rows -> {
      List<Silence> items = new ArrayList<>(rows.size());
      rows.forEach(r -> items.add(silence(r)));
      return items;
    });
  }

  private static Silence silence(Row r) {
    return new Silence(r.getLong("id"), r.getString("rule_code"), r.getString("kind"), r.getString("subject"),
        r.getString("severity"), r.getString("reason"), r.getOffsetDateTime("starts_at"), r.getOffsetDateTime("ends_at"),
        r.getString("created_by"), r.getOffsetDateTime("created_at"), r.getString("ended_by"));
  }
}
