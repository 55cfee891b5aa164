package vn.hanoi.cityops.health;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The health of the city systems, read from the event log: {@code sql/health/system-status.sql}. */
public final class SystemStatusRepository {
  private static final String STATUS = Sql.load("health/system-status.sql");

  private final Pool pool;

  public SystemStatusRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every city system, by code, as of {@code asOf}. */
  public Future<List<SystemStatus>> all(OffsetDateTime asOf) {
    return query(asOf, null);
  }

  /** One system as of {@code asOf}; empty if no city system has that code. */
  public Future<Optional<SystemStatus>> one(String code, OffsetDateTime asOf) {
    return query(asOf, code).map(list -> list.stream().findFirst());
  }

  private Future<List<SystemStatus>> query(OffsetDateTime asOf, String code) {
    return pool.preparedQuery(STATUS)
        .execute(Tuple.of(asOf, Uptime.startOfDay(asOf.toInstant()), Uptime.startOfWeek(asOf.toInstant()),
            SilenceWatchdog.SOURCE, code))
        .map(rows -> {
          List<SystemStatus> list = new ArrayList<>(rows.size());
          rows.forEach(r -> list.add(status(r)));
          return list;
        });
  }

  private static SystemStatus status(Row r) {
    String status = r.getString("status");
    return new SystemStatus(r.getString("code"), r.getString("name_vi"), r.getString("name_en"), r.getString("kind"),
        status == null ? SystemStatus.UNKNOWN : status,
        r.getOffsetDateTime("since"), r.getOffsetDateTime("last_heartbeat"), r.getInteger("latency_ms"),
        r.getString("message"), r.getBoolean("silent"),
        Uptime.percent(r.getDouble("available_today"), r.getDouble("down_today")),
        Uptime.percent(r.getDouble("available_week"), r.getDouble("down_week")));
  }
}
