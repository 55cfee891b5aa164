package vn.hanoi.cityops.capability;

import io.vertx.core.Deployable;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.live.Audience;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.web.Routes;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one capability offers a node. Each capability has one module class implementing this ({@code DossierModule},
 * {@code MeetingModule}…): its constructor names what the capability needs, these methods what it provides. The
 * composition root ({@code app/}) builds the modules in order and wires what one provides into what another needs.
 */
public interface Capability {
  /** HTTP routes, mounted on the router of every HTTP verticle instance. */
  default List<Routes> routes() {
    return List.of();
  }

  /** Aggregates the event feed drives, in the order they hear each batch. */
  default List<FeedListener> feedListeners() {
    return List.of();
  }

  /** Verticles of its own (timers, sweeps, senders), deployed once the feed runs, in this order. */
  default List<Supplier<Deployable>> verticles() {
    return List.of();
  }

  /** For topics followed by {@link Topics.Access#PARTICIPANTS}: who takes part, as this capability knows it. */
  default Map<Topics, Audience> audiences() {
    return Map.of();
  }

  /** Data panels a briefing can share, one per kind, computed from this capability's own data. */
  default List<Panel> panels() {
    return List.of();
  }
}
