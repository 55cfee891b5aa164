package vn.hanoi.cityops.live;

import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.config.ConfigKeys;

import java.time.Duration;

/**
 * How every live connection of a node behaves: the keepalive ping interval ({@code live.pingIntervalSeconds})
 * and how many undelivered keys a stalled client may have before it is sent a resync instead
 * ({@code live.maxPendingKeys}).
 */
record LiveSettings(Duration pingInterval, int maxPendingKeys) {
  LiveSettings {
    if (maxPendingKeys < 1) {
      throw new IllegalStateException("configuration key " + ConfigKeys.LIVE_MAX_PENDING_KEYS + " must be at least 1, got "
          + maxPendingKeys);
    }
    if (pingInterval.toSeconds() < 1) {
      throw new IllegalStateException("configuration key " + ConfigKeys.LIVE_PING_INTERVAL_SECONDS
          + " must be at least 1, got " + pingInterval.toSeconds());
    }
  }

  static LiveSettings of(AppConfig config) {
    return new LiveSettings(Duration.ofSeconds(config.livePingIntervalSeconds()), config.liveMaxPendingKeys());
  }
}
