package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Topics recomputed from PostgreSQL when events of one type arrive, paced: at most once a second, and
 * when a recompute is slow, the next waits ten times its cost, so it stays a small share of the
 * database. A change held back is published by a later poll (the feed polls every second even when quiet).
 * A recompute runs on its own: the feed does not wait for it, so a slow KPI query never holds back the
 * next frame of the other topics (a {@code systems} delta waited for it once a second); at most one runs
 * at a time, so each topic's sequence numbers still only grow.
 */
public abstract class PacedTopics implements FeedListener {
  private static final Logger LOG = LoggerFactory.getLogger(PacedTopics.class);
  static final long MIN_INTERVAL_MS = 1_000;

  private final String eventType;
  private final Connections hub;
  private long lastRun;
  private long lastCostMs;
  private long pendingSeq;
  private boolean running;

  protected PacedTopics(String eventType, Connections hub) {
    this.eventType = eventType;
    this.hub = hub;
  }

  /** Every topic's data, recomputed now, by topic name. */
  protected abstract Future<Map<String, Map<String, Object>>> compute();

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
      }
    }
    if (running || pendingSeq == 0 || System.currentTimeMillis() - lastRun < Math.max(MIN_INTERVAL_MS, 10 * lastCostMs)) {
      return Future.succeededFuture();
    }
    long seq = pendingSeq;
    pendingSeq = 0;
    running = true;
    run()
        .onSuccess(topics -> topics.forEach((topic, data) -> hub.publish(topic, seq, data)))
        .onFailure(e -> {
          LOG.warn("feed=recompute_failed events={} seq={} reason={}", eventType, seq, e.getMessage());
          pendingSeq = Math.max(pendingSeq, seq); // a later poll tries again
        })
        .onComplete(done -> running = false);
    return Future.succeededFuture();
  }

  private Future<Map<String, Map<String, Object>>> run() {
    long started = System.currentTimeMillis();
    lastRun = started;
    return compute().onSuccess(x -> lastCostMs = System.currentTimeMillis() - started);
  }
}
