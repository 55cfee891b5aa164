package vn.hanoi.cityops.live;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * Topics recomputed from PostgreSQL when events of one type arrive, or a clock tick ({@link LiveClock}: their
 * figures also move with time alone), paced: at most once a second, and when a recompute is slow, the next
 * waits ten times its cost, so it stays a small share of the database. A change held back is published by a
 * later poll (the feed polls every second even when quiet). Called on the feed's context only, one call at a
 * time, so subclasses keep their bookkeeping without locks.
 */
public abstract class PacedTopics implements FeedListener {
  static final long MIN_INTERVAL_MS = 1_000;

  private final String eventType;
  private final Connections hub;
  private long lastRun;
  private long lastCostMs;
  private long pendingSeq;

  protected PacedTopics(String eventType, Connections hub) {
    this.eventType = eventType;
    this.hub = hub;
  }

  /** Every topic's data, recomputed now, by topic name. */
  protected abstract Future<Map<String, Map<String, Object>>> compute();

  /** An event of this listener's type, seen before the next {@link #compute()}. */
  protected void noted(EventFeed.FeedEvent event) {
  }

  /** A clock tick, seen before the next {@link #compute()}: whatever depends on the time must be recomputed. */
  protected void ticked() {
  }

  @Override
  public final Future<Void> load(long ordinal) {
    return run().map(topics -> {
      topics.forEach((topic, data) -> hub.load(topic, ordinal, data));
      return null;
    });
  }

  @Override
  public final Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    for (EventFeed.FeedEvent e : events) {
      if (eventType.equals(e.type())) {
        pendingSeq = e.ordinal();
        noted(e);
      } else if (LiveClock.TYPE.equals(e.type())) {
        pendingSeq = e.ordinal();
        ticked();
      }
    }
    if (pendingSeq == 0 || System.currentTimeMillis() - lastRun < Math.max(MIN_INTERVAL_MS, 10 * lastCostMs)) {
      return Future.succeededFuture();
    }
    long seq = pendingSeq;
    pendingSeq = 0;
    return run()
        // nothing was published: the next poll tries again
        .onFailure(e -> pendingSeq = Math.max(pendingSeq, seq))
        .map(topics -> {
          topics.forEach((topic, data) -> hub.publish(topic, seq, data));
          return null;
        });
  }

  private Future<Map<String, Map<String, Object>>> run() {
    long started = System.currentTimeMillis();
    lastRun = started;
    return compute().onSuccess(x -> lastCostMs = System.currentTimeMillis() - started);
  }
}
