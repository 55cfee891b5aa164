package vn.hanoi.cityops.live;

import io.vertx.core.Future;

import java.util.List;

/** An aggregate fed by the event feed: it recomputes what the events touched and publishes its topics. */
public interface FeedListener {
  /** Called once at start, with the feed's ordinal: publish the full state at that sequence number. */
  Future<Void> load(long ordinal);


  /**
   * Called with each batch of new events, in feed order; answers when the feed may go on with the next
   * batch (a listener whose work is slow and paced may publish after answering).
   */
  Future<Void> onEvents(List<EventFeed.FeedEvent> events);
}
