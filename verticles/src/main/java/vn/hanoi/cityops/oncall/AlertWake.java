package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.util.List;

/**
 * The feed's listener for on call, and all it does: when a batch carries an alert change (fired, acknowledged,
 * resolved… on any node), it wakes this node's engine, so a page goes out within a pass rather than at the next
 * tick. It answers the feed at once: the feed never waits for on call.
 */
final class AlertWake implements FeedListener {
  private final EscalationVerticle engine;

  AlertWake(EscalationVerticle engine) {
    this.engine = engine;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    if (events.stream().anyMatch(e -> EventTypes.ALERT.equals(e.type()))) {
      engine.wake();
    }
    return Future.succeededFuture();
  }
}
