package vn.hanoi.cityops.feedback;

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
 * Citizen feedback. Needs the pool, the reference data, the guard and the live hub. Offers
 * {@code /api/v1/feedback/summary}, the {@code feedback} topic and the briefing panel {@code district-feedback}.
 */
public final class FeedbackModule implements Capability {
  private final Pool pool;
  private final ReferenceData reference;
  private final Guard guard;
  private final Connections hub;

  public FeedbackModule(Pool pool, ReferenceData reference, Guard guard, Connections hub) {
    this.pool = pool;
    this.reference = reference;
    this.guard = guard;
    this.hub = hub;
  }

  @Override
  public List<Routes> routes() {
    return List.of(router -> new FeedbackRoutes(pool, reference, guard).mount(router),
        router -> new FeedbackExportRoutes(pool, reference, guard).mount(router));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(new FeedbackTopics(pool, hub));
  }

  @Override
  public List<Panel> panels() {
    return List.of(new DistrictFeedbackPanel(new FeedbackRepository(pool), reference));
  }
}
