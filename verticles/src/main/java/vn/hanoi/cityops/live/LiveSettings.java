package vn.hanoi.cityops.live;

import vn.hanoi.cityops.config.AppConfig;

import java.time.Duration;

/**
 * How every live connection of a node behaves: the keepalive ping interval ({@code live.pingIntervalSeconds})
 * and how many undelivered keys a stalled client may have before it is sent a resync instead
 * ({@code live.maxPendingKeys}). Both are range-checked when the configuration is loaded.
 */
record LiveSettings(Duration pingInterval, int maxPendingKeys) {
  static LiveSettings of(AppConfig config) {
    return new LiveSettings(config.livePingInterval(), config.liveMaxPendingKeys());
  }
}
