package vn.hanoi.cityops.health;

import vn.hanoi.cityops.city.Hanoi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The uptime windows and how a share of time becomes the percentage on screen. Pure: no Vert.x, no I/O.
 * The database sums the seconds of each window (each status holds until the system's next event, the last
 * one until the moment asked about; time before a system's first event is not counted).
 */
public final class Uptime {
  /** The city's clock: "today" starts at local midnight. Vietnam keeps no daylight-saving time. */
  static final Duration WEEK = Duration.ofDays(7);

  private Uptime() {
  }

  /** Local midnight in Hanoi of the day {@code asOf} falls on. */
  public static OffsetDateTime startOfDay(Instant asOf) {
    return asOf.atZone(Hanoi.ZONE).toLocalDate().atStartOfDay(Hanoi.ZONE).toOffsetDateTime();
  }

  /** The start of the seven days (168 hours) before {@code asOf}. */
  public static OffsetDateTime startOfWeek(Instant asOf) {
    return asOf.minus(WEEK).atZone(Hanoi.ZONE).toOffsetDateTime();
  }

  /**
   * The share of time available (up or degraded) rather than down, as a percentage with two decimals; null
   * when no time is covered (the system had not reported yet). Rounding never turns an outage into 100% nor
   * a moment of service into 0%: those show as 99.99 and 0.01.
   */
  public static Double percent(double availableSeconds, double downSeconds) {
    double available = Math.max(0, availableSeconds);
    double down = Math.max(0, downSeconds);
    if (available + down == 0) {
      return null;
    }
    if (down == 0) {
      return 100.0;
    }
    if (available == 0) {
      return 0.0;
    }
    double rounded = BigDecimal.valueOf(available * 100 / (available + down)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    return Math.min(99.99, Math.max(0.01, rounded));
  }
}
