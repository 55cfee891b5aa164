package vn.hanoi.cityops.city;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of the KPIs, in one place so every screen rounds alike: percentages and averages to one
 * decimal, half up, computed exactly from whole counts (no binary-fraction surprises at x.x5); {@code null}
 * where there is nothing to divide by, never 0 or NaN, so "no dossier completed" reads differently from
 * "none on time". Pure: no Vert.x, no I/O.
 */
public final class KpiMath {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private KpiMath() {
  }

  /** {@code part} of {@code whole} in percent, one decimal; null when {@code whole} is 0. */
  public static Double percent(long part, long whole) {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("not a part of a whole: " + part + "/" + whole);
    }
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** Completed on time among all completed, in percent; null when none was completed. */
  public static Double onTimeRate(long onTime, long late) {
    return percent(onTime, onTime + late);
  }

  /** The mean of {@code count} durations totalling {@code totalSeconds}, in hours, one decimal; null when none. */
  public static Double averageHours(double totalSeconds, long count) {
    if (count < 0 || totalSeconds < 0 || Double.isNaN(totalSeconds) || Double.isInfinite(totalSeconds)) {
      throw new IllegalArgumentException("not a total of durations: " + totalSeconds + " s over " + count);
    }
    if (count == 0) {
      return null;
    }
    return BigDecimal.valueOf(totalSeconds)
        .divide(SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(count)), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code value} to one decimal, half up (as written in decimal, so 0.05 becomes 0.1). */
  public static double round1(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /** How far {@code value} is above (positive) or below (negative) {@code target}; null when there is no value. */
  public static Double gap(Double value, double target) {
    return value == null ? null : round1(value - target);
  }

  /** A value meets its target when it is at least the target; no value meets nothing. */
  public static boolean meets(Double value, double target) {
    return value != null && value >= target;
  }
}
