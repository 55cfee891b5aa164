package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.EventTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Topics recomputed from PostgreSQL when events of one type arrive, or a clock tick ({@link LiveClock}: their
 * figures also move with time alone), paced: at most once a second, and when a recompute is slow, the next
 * waits ten times its cost, so it stays a small share of the database. A change held back is published by a
 * later poll (the feed polls every second even when quiet). Called on the feed's context only, one call at a
 * time, so subclasses keep their bookkeeping without locks.
 * <p>The "now" a recompute counts overdue items and "today" at is the tick's instant when it answers a tick, so
 * every node publishes the same figures at the tick's sequence number; otherwise the wall clock (fresher while
 * events flow). It never goes back.
 * <p>A recompute runs on its own: the feed does not wait for it, so a slow KPI query never holds back the
 * next frame of the other topics (a {@code systems} delta waited for it once a second); at most one runs at a
 * time, so each topic's sequence numbers still only grow.
 */
public abstract class PacedTopics implements FeedListener {
  private static final Logger LOG = LoggerFactory.getLogger(PacedTopics.class);
  static final long MIN_INTERVAL_MS = 1_000;

  private final String eventType;
  private final Connections hub;
  private long lastRun;
  private long lastCostMs;
  private long pendingSeq;
  private Instant pendingTick;
  private Instant lastNow = Instant.EPOCH;
  private boolean running;

  protected PacedTopics(String eventType, Connections hub) {
    this.eventType = eventType;
    this.hub = hub;
  }

  /** Every topic's data, recomputed as of {@code now}, by topic name. */
  protected abstract Future<Map<String, Map<String, Object>>> compute(Instant now);

  /** An event of this listener's type, seen before the next {@link #compute(Instant)}. */
  protected void noted(EventFeed.FeedEvent event) {
  }

  /** A clock tick, seen before the next {@link #compute(Instant)}: whatever depends on the time must be recomputed. */
  protected void ticked() {
  }

  @Override
  public final Future<Void> load(long ordinal) {
    return run(null).map(topics -> {
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
      } else if (EventTypes.CLOCK.equals(e.type())) {
        pendingSeq = e.ordinal();
        Long epochMs = e.payload() == null ? null : e.payload().getLong(LiveClock.EPOCH_MS);
        pendingTick = epochMs == null ? null : Instant.ofEpochMilli(epochMs);
        ticked();
      }
    }
    if (running || pendingSeq == 0 || System.currentTimeMillis() - lastRun < Math.max(MIN_INTERVAL_MS, 10 * lastCostMs)) {
      return Future.succeededFuture();
    }
    long seq = pendingSeq;
    Instant tick = pendingTick;
    pendingSeq = 0;
    pendingTick = null;
    running = true;
    run(tick)
        .onSuccess(topics -> topics.forEach((topic, data) -> hub.publish(topic, seq, data)))
        .onFailure(e -> {
          LOG.warn("feed=recompute_failed events={} seq={} reason={}", eventType, seq, e.getMessage());
          // nothing was published: a later poll tries again
          pendingSeq = Math.max(pendingSeq, seq);
          if (pendingTick == null) {
            pendingTick = tick;
          }
        })
        .onComplete(done -> running = false);
    return Future.succeededFuture();
  }

  /** {@code tick}: the instant of the latest tick this recompute answers, or null. */
  private Future<Map<String, Map<String, Object>>> run(Instant tick) {
    long started = System.currentTimeMillis();
    lastRun = started;
    Instant now = tick != null ? tick : Instant.ofEpochMilli(started);
    if (now.isBefore(lastNow)) {
      now = lastNow;
    }
    lastNow = now;
    return compute(now).onSuccess(x -> lastCostMs = System.currentTimeMillis() - started);
  }
}
