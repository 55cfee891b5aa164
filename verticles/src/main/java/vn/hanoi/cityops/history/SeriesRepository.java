package vn.hanoi.cityops.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads one KPI's history ({@code sql/history/series.sql}, one statement per step's table, read once). */
public final class SeriesRepository {
  private static final Map<Buckets.Step, String> SERIES = new EnumMap<>(Buckets.Step.class);

  static {
    String text = Sql.load("history/series.sql");
    for (Buckets.Step step : Buckets.Step.values()) {
      SERIES.put(step, text.replace("${table}", step.table()));
    }
  }

  /** One bucket's value. */
  public record Point(Instant t, double v) {
  }

  private final Pool pool;

  public SeriesRepository(Pool pool) {
    this.pool = pool;
  }

  /** {@code kpi} of {@code scope} over {@code window}, oldest first: every bucket for a count, sampled ones for a gauge. */
  public Future<List<Point>> series(Kpi kpi, Scope scope, Buckets.Window window) {
    Buckets.Step step = window.step();
    return pool.preparedQuery(SERIES.get(step))
        .execute(Tuple.of(scope.code(), kpi.code(), window.first().atOffset(ZoneOffset.UTC),
            window.end().atOffset(ZoneOffset.UTC), "1 " + step.code(), kpi.kind() == Kpi.Kind.COUNT))
        .map(rows -> {
          List<Point> points = new ArrayList<>(rows.size());
          for (Row r : rows) {
            points.add(new Point(r.getOffsetDateTime("bucket").toInstant(), r.getDouble("value")));
          }
          return points;
        });
  }
}
