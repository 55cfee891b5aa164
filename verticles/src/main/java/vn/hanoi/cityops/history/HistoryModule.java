package vn.hanoi.cityops.history;

import io.vertx.core.Deployable;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.function.Supplier;

/**
 * KPI history. Needs the pool, the reference data and the guard. Offers {@code /api/v1/series}, the rollup
 * verticle that keeps the per-minute and hourly series, and the briefing panel {@code kpi-trend}.
 */
public final class HistoryModule implements Capability {
  private final Pool pool;
  private final ReferenceData reference;
  private final Guard guard;

  public HistoryModule(Pool pool, ReferenceData reference, Guard guard) {
    this.pool = pool;
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public List<Routes> routes() {
    return List.of(router -> new HistoryRoutes(pool, reference, guard).mount(router));
  }

  @Override
  public List<Supplier<Deployable>> verticles() {
    return List.of(() -> new RollupVerticle(pool));
  }

  @Override
  public List<Panel> panels() {
    return List.of(new KpiTrendPanel(new SeriesRepository(pool), reference));
  }
}
