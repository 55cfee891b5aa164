package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static vn.hanoi.cityops.oncall.Ledger.instant;
import static vn.hanoi.cityops.oncall.Ledger.utc;

/** Maintenance windows in PostgreSQL ({@code maintenance_window}); the SQL is in {@code sql/oncall/window-*.sql}. */
public final class WindowRepository {
  private static final String ALL = Sql.load("oncall/window-all.sql");
  private static final String INSERT = Sql.load("oncall/window-insert.sql");
  private static final String DELETE = Sql.load("oncall/window-delete.sql");

  /** A window as a person writes it; {@code systems} empty: every system. */
  public record WindowFields(List<String> systems, Instant startsAt, Instant endsAt, boolean weekly, String reason) {
  }

  private final Pool pool;

  public WindowRepository(Pool pool) {
    this.pool = pool;
  }

  /** The windows not over by {@code now} (weekly ones always). */
  public Future<List<MaintenanceWindow>> windows(Instant now) {
    return pool.preparedQuery(ALL).execute(Tuple.of(null, utc(now))).map(WindowRepository::windows);
  }

  public Future<Optional<MaintenanceWindow>> window(long id) {
    return pool.preparedQuery(ALL).execute(Tuple.of(id, (Object) null)).map(rows -> windows(rows).stream().findFirst());
  }

  public Future<MaintenanceWindow> create(WindowFields f, String actor) {
    return pool.preparedQuery(INSERT).execute(Tuple.from(new Object[]{
            f.systems().isEmpty() ? null : f.systems().toArray(new String[0]), utc(f.startsAt()), utc(f.endsAt()),
            f.weekly(), f.reason(), actor}))
        .map(rows -> window(rows.iterator().next()));
  }

  public Future<MaintenanceWindow> delete(long id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Failure.notFound("no maintenance window " + id))
        : Future.succeededFuture(window(rows.iterator().next())));
  }

  private static List<MaintenanceWindow> windows(RowSet<Row> rows) {
    List<MaintenanceWindow> windows = new ArrayList<>(rows.size());
    rows.forEach(r -> windows.add(window(r)));
    return windows;
  }

  private static MaintenanceWindow window(Row r) {
    String[] systems = r.getArrayOfStrings("systems");
    return new MaintenanceWindow(r.getLong("id"), systems == null ? List.of() : Arrays.asList(systems),
        instant(r, "starts_at"), instant(r, "ends_at"), r.getBoolean("weekly"), r.getString("reason"),
        r.getString("created_by"), instant(r, "created_at"));
  }
}
