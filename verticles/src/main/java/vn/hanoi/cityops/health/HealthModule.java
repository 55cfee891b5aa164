package vn.hanoi.cityops.health;

import io.vertx.core.Deployable;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.bus.EventSink;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.function.Supplier;

/**
 * The health of the city's systems. Needs the pool (and a small one of its own for the {@code systems} topic, read
 * on the feed's loop), the reference data, the guard, the live hub, the event sink the silence watchdog stores its
 * down events through, and {@code health.silenceFactor}. Offers {@code /api/v1/systems}, the {@code systems} topic,
 * the repair of status changes after each feed batch, the silence watchdog, and the briefing panel {@code systems}.
 */
public final class HealthModule implements Capability {
  private final Pool pool;
  private final Pool topicPool;
  private final ReferenceData reference;
  private final Guard guard;
  private final Connections hub;
  private final EventSink events;
  private final int silenceFactor;

  public HealthModule(Pool pool, Pool topicPool, ReferenceData reference, Guard guard, Connections hub,
                      EventSink events, int silenceFactor) {
    this.pool = pool;
    this.topicPool = topicPool;
    this.reference = reference;
    this.guard = guard;
    this.hub = hub;
    this.events = events;
    this.silenceFactor = silenceFactor;
  }

  @Override
  public List<Routes> routes() {
    return List.of(router -> new SystemRoutes(pool, reference, guard).mount(router));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(new SystemsTopic(topicPool, hub), new StatusChangeRepair(pool));
  }

  @Override
  public List<Supplier<Deployable>> verticles() {
    return List.of(() -> new SilenceWatchdog(pool, events, silenceFactor));
  }

  @Override
  public List<Panel> panels() {
    return List.of(new SystemsPanel(new SystemStatusRepository(pool)));
  }
}
