package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.config.ConfigKeys;
import vn.hanoi.cityops.app.NodeContext;

/**
 * Marks left the briefing participants whose page stopped renewing its presence (a crashed browser, a lost network)
 * for {@code meeting.presenceTimeoutMs}. Runs on every node; PostgreSQL decides (the stored {@code last_seen}, an
 * advisory lock and a conditional update), so with two nodes, or after a restart, each stale stay is closed once and
 * each meeting touched gets one {@code meeting} event.
 */
public final class PresenceSweep extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceSweep.class);
  private static final long MIN_PERIOD_MS = 250;

  private final NodeContext node;
  private final long timeoutMs;
  private MeetingRepository meetings;
  private boolean failing;

  public PresenceSweep(NodeContext node) {
    this.node = node;
    this.timeoutMs = node.config().meetingPresenceTimeoutMs();
  }

  @Override
  public Future<?> start() {
    if (timeoutMs < 1_000) {
      return Future.failedFuture(new IllegalStateException(
          "configuration key " + ConfigKeys.MEETING_PRESENCE_TIMEOUT_MS + " must be at least 1000, got " + timeoutMs));
    }
    meetings = new MeetingRepository(node.database().pool());
    vertx.setPeriodic(Math.max(MIN_PERIOD_MS, timeoutMs / 4), id -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    meetings.expireStale(timeoutMs).onSuccess(touched -> {
      failing = false;
      if (!touched.isEmpty()) {
        LOG.info("meeting=presence_expired meetings={}", touched);
        vertx.eventBus().publish(Addresses.INGEST_ACCEPTED, new JsonObject().put("node", node.nodeId()).put("events", new JsonArray()));
      }
    }).onFailure(e -> {
      if (!failing) {
        LOG.warn("meeting=presence_sweep_failed reason={}", e.getMessage());
        failing = true;
      }
    });
  }
}
