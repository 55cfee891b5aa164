package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.Addresses;

import java.util.List;

/**
 * Drives the live topics of this node: reads new events from PostgreSQL (the truth) whenever the
 * clustered bus says some were committed ({@code cityops.feed.changed}, on any node) and at least every
 * {@link #SAFETY_POLL_MS} in case a signal was lost, then hands them to each listener the capabilities offer, in
 * their order, one frame at a time.
 * <p>The feed reads through a pool of its own ({@link vn.hanoi.cityops.store.Database#dedicatedPool}): the node's
 * pool makes each connection on the event loop that first needed it, mostly the HTTP loops, so a feed query often
 * waited for its connection's loop to finish writing a delta to thousands of sockets before its answer was read.
 */
public final class FeedVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FeedVerticle.class);
  /** Updates are batched per frame: a storm of events becomes a steady stream of compact deltas. */
  static final long FRAME_MS = 100;
  static final long SAFETY_POLL_MS = 1_000;

  private final EventFeed feed;
  private final List<FeedListener> listeners;
  private boolean polling;
  private boolean again;
  private long lastPoll;

  /** {@code feedPool}: a pool this verticle alone uses. */
  public FeedVerticle(Pool feedPool, List<FeedListener> listeners) {
    this.feed = new EventFeed(feedPool);
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public Future<?> start() {
    return feed.start()
        .compose(ordinal -> Future.all(listeners.stream().map(l -> l.load(ordinal)).toList()))
        .onSuccess(v -> {
          vertx.eventBus().consumer(Addresses.FEED_CHANGED, msg -> wake());
          vertx.setPeriodic(SAFETY_POLL_MS, id -> wake());
        });
  }

  /** Polls now, or at the end of the current frame if one is under way. */
  private void wake() {
    if (polling) {
      again = true;
      return;
    }
    long wait = FRAME_MS - (System.currentTimeMillis() - lastPoll);
    polling = true;
    if (wait > 0) {
      vertx.setTimer(wait, id -> poll());
    } else {
      poll();
    }
  }

  private void poll() {
    lastPoll = System.currentTimeMillis();
    again = false;
    feed.poll()
        // Listeners hear every poll, even an empty one, so a change they held back to pace themselves
        // still goes out when the stream goes quiet.
        .compose(events -> Future.all(listeners.stream().map(l -> l.onEvents(events)).toList()).mapEmpty())
        .onFailure(e -> LOG.warn("feed=poll_failed reason={}", e.getMessage()))
        .onComplete(done -> {
          polling = false;
          if (again) {
            wake();
          }
        });
  }
}
