package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The append-only audit log in PostgreSQL: who did what, when, from where. Writing never fails the
 * action being audited silently: callers compose on {@link #record}; a failed write is logged.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /** One audited action. {@code actorKind}: user, api_key, system or anonymous; {@code outcome}: success, failure, denied. */
  public record Entry(String actor, String actorKind, String action, String target, String outcome, String address,
                      JsonObject details) {
  }

  /** A query: every filter may be null; {@code beforeId} pages backwards (newest first). */
  public record Query(String action, String actor, String outcome, OffsetDateTime from, OffsetDateTime to,
                      Long beforeId, int limit) {
  }

  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> record(Entry e) {
    return pool.preparedQuery("INSERT INTO audit_log (actor, actor_kind, action, target, outcome, address, details) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.of(e.actor(), e.actorKind(), e.action(), e.target(), e.outcome(), e.address(),
            e.details() == null ? new JsonObject() : e.details()))
        .onFailure(err -> LOG.error("audit=write_failed action={} actor={} reason={}", e.action(), e.actor(), err.getMessage()))
        .mapEmpty();
  }

  /** Failed sign-ins since {@code windowSeconds} ago for this username and for this address, and the oldest of each. */
  public Future<JsonObject> recentLoginFailures(String username, String address, int windowSeconds) {
    return pool.preparedQuery("SELECT count(*) FILTER (WHERE target = $1), "
            + "extract(epoch FROM now() - min(at) FILTER (WHERE target = $1)), "
            + "count(*) FILTER (WHERE address = $2), "
            + "extract(epoch FROM now() - min(at) FILTER (WHERE address = $2)) "
            + "FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' "
            + "AND at > now() - make_interval(secs => $3)")
        .execute(Tuple.of(username, address, windowSeconds))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new JsonObject()
              .put("byUser", r.getLong(0)).put("userAgeSeconds", r.getValue(1) == null ? 0 : r.getNumeric(1).doubleValue())
              .put("byAddress", r.getLong(2)).put("addressAgeSeconds", r.getValue(3) == null ? 0 : r.getNumeric(3).doubleValue());
        });
  }

  public Future<JsonArray> find(Query q) {
    Select select = select(q);
    return pool.preparedQuery(select.sql()).execute(Tuple.from(select.params())).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(json(r));
      }
      return items;
    });
  }

  /**
   * Runs {@code reader} on a cursor over every entry matching {@code q} (its limit and {@code beforeId} ignored),
   * newest first, fetched {@code fetch} rows at a time inside a transaction, so the entries are read as the reader
   * consumes them, never all at once; the cursor is closed and the transaction ended when the reader's future
   * completes.
   */
  public <T> Future<T> stream(Query q, int fetch, Function<RowStream<Row>, Future<T>> reader) {
    Select select = select(new Query(q.action(), q.actor(), q.outcome(), q.from(), q.to(), null, 0));
    return pool.withTransaction(conn -> conn.prepare(select.sql()).compose(statement -> {
      RowStream<Row> rows = statement.createStream(fetch, Tuple.from(select.params()));
      return reader.apply(rows).eventually(rows::close);
    }));
  }

  /** An entry as the API shows it: {@code {id, at, actor, actorKind, action, target, outcome, address, details}}. */
  public static JsonObject json(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("at", r.getOffsetDateTime("at").toString())
        .put("actor", r.getString("actor"))
        .put("actorKind", r.getString("actor_kind"))
        .put("action", r.getString("action"))
        .put("target", r.getString("target"))
        .put("outcome", r.getString("outcome"))
        .put("address", r.getString("address"))
        .put("details", r.getJsonObject("details"));
  }

  private record Select(String sql, List<Object> params) {
  }

  /** The query of {@code q}; a limit of 0 is none. */
  private static Select select(Query q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id, at, actor, actor_kind, action, target, outcome, address, details "
        + "FROM audit_log WHERE true");
    filter(sql, params, "action = $", q.action());
    filter(sql, params, "actor = $", q.actor());
    filter(sql, params, "outcome = $", q.outcome());
    filter(sql, params, "at >= $", q.from());
    filter(sql, params, "at < $", q.to());
    filter(sql, params, "id < $", q.beforeId());
    sql.append(" ORDER BY id DESC");
    if (q.limit() > 0) {
      params.add(q.limit());
      sql.append(" LIMIT $").append(params.size());
    }
    return new Select(sql.toString(), params);
  }

  private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      params.add(value);
      sql.append(" AND ").append(clause).append(params.size());
    }
  }
}
