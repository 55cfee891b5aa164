package vn.hanoi.cityops.health;

import vn.hanoi.cityops.city.Hanoi;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A system that sent no heartbeat for its threshold (heartbeat interval times {@code health.silenceFactor}),
 * and the down event it becomes. Pure: no Vert.x, no I/O. The id depends only on the system and its last
 * heartbeat, so every node that sees the same silence names the same event and the log keeps one.
 */
public record Silence(String system, OffsetDateTime lastHeartbeat, long thresholdSeconds) {
  public static final String STATUS = "down";

  /** {@code silence-<system>-<epoch seconds of the last heartbeat>}. */
  public String eventId() {
    return "silence-" + system + "-" + lastHeartbeat.toEpochSecond();
  }

  /** When the silence began to count as an outage: the last heartbeat plus the threshold, on Hanoi's clock. */
  public OffsetDateTime declaredAt() {
    return lastHeartbeat.plus(Duration.ofSeconds(thresholdSeconds)).atZoneSameInstant(Hanoi.ZONE).toOffsetDateTime();
  }

  public String message() {
    return "Mất tín hiệu: không nhận được nhịp tim trong " + thresholdSeconds + " giây";
  }
}
