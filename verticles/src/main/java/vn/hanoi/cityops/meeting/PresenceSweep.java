package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.FeedSignal;

/**
 * Marks left the briefing participants whose page stopped renewing its presence (a crashed browser, a lost network)
 * for {@code meeting.presenceTimeoutMs}. Runs on every node; PostgreSQL decides (the stored {@code last_seen}, an
 * advisory lock and a conditional update), so with two nodes, or after a restart, each stale stay is closed once and
 * each meeting touched gets one {@code meeting} event.
 */
public final class PresenceSweep extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceSweep.class);
  private static final long MIN_PERIOD_MS = 250;

  private final MeetingRepository meetings;
  private final FeedSignal signal;
  private final long timeoutMs;
  private boolean failing;

  /** {@code timeoutMs}: {@code meeting.presenceTimeoutMs}. */
  public PresenceSweep(MeetingRepository meetings, FeedSignal signal, long timeoutMs) {
    this.meetings = meetings;
    this.signal = signal;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(Math.max(MIN_PERIOD_MS, timeoutMs / 4), id -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    meetings.expireStale(timeoutMs).onSuccess(touched -> {
      failing = false;
      if (!touched.isEmpty()) {
        LOG.info("meeting=presence_expired meetings={}", touched);
        signal.changed();
      }
    }).onFailure(e -> {
      if (!failing) {
        LOG.warn("meeting=presence_sweep_failed reason={}", e.getMessage());
        failing = true;
      }
    });
  }
}
