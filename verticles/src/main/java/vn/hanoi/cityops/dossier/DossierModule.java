package vn.hanoi.cityops.dossier;

import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.web.Routes;

import java.util.List;

/**
 * Administrative dossiers. Needs the pool, the reference data, the guard and the live hub. Offers the KPI and
 * ranking routes ({@code /api/v1/kpi/*}, {@code /api/v1/rankings/*}), the {@code kpi.*} topics and the briefing
 * panels {@code district-dossiers} and {@code district-ranking}.
 */
public final class DossierModule implements Capability {
  private final Pool pool;
  private final ReferenceData reference;
  private final Guard guard;
  private final Connections hub;

  public DossierModule(Pool pool, ReferenceData reference, Guard guard, Connections hub) {
    this.pool = pool;
    this.reference = reference;
    this.guard = guard;
    this.hub = hub;
  }

  @Override
  public List<Routes> routes() {
    return List.of(router -> new DossierRoutes(pool, reference, guard).mount(router),
        router -> new DossierExportRoutes(pool, reference, guard).mount(router));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(new DossierTopics(pool, reference, hub));
  }

  @Override
  public List<Panel> panels() {
    DossierRepository dossiers = new DossierRepository(pool);
    return List.of(new DistrictDossiersPanel(dossiers, reference), new DistrictRankingPanel(dossiers, reference));
  }
}
