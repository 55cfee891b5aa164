package vn.hanoi.cityops.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The satisfaction arithmetic. Citizens rate an answer 1 to 5; the satisfaction index rescales the mean
 * rating to 0-100 ({@code (mean - 1) / 4 * 100}: all 1s give 0, all 5s give 100, all 3s give 50), the way
 * the city's SIPAS satisfaction index is reported, as a percentage. One decimal, half up, computed exactly
 * from the sum and count of ratings; null when nobody rated. Pure: no Vert.x, no I/O.
 */
public final class FeedbackMath {
  /** Sorts breakdowns the way a watch officer reads them: the most overdue, then the most open, first. */
  public static final Comparator<FeedbackCounts> MOST_BEHIND_FIRST =
      Comparator.comparingLong(FeedbackCounts::overdue).reversed()
          .thenComparing(Comparator.comparingLong(FeedbackCounts::open).reversed())
          .thenComparing(Comparator.comparingLong(FeedbackCounts::received).reversed());

  /** The ratings given on one Hanoi calendar day. */
  public record DailyRatings(LocalDate day, long ratingSum, long rated) {
  }

  /** One day of the trend: its satisfaction index (null without ratings) and how many ratings it rests on. */
  public record TrendPoint(LocalDate day, Double satisfactionIndex, long rated) {
  }

  private FeedbackMath() {
  }

  /** The 0-100 index of {@code rated} ratings (1-5) summing to {@code ratingSum}; null when none. */
  public static Double satisfactionIndex(long ratingSum, long rated) {
    checkRatings(ratingSum, rated);
    if (rated == 0) {
      return null;
    }
    // (sum / n - 1) / 4 * 100 = (sum - n) * 25 / n, exactly
    return BigDecimal.valueOf(ratingSum - rated).multiply(BigDecimal.valueOf(25))
        .divide(BigDecimal.valueOf(rated), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** The mean rating on its own 1-5 scale, two decimals; null when none. */
  public static Double averageRating(long ratingSum, long rated) {
    checkRatings(ratingSum, rated);
    if (rated == 0) {
      return null;
    }
    return BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP).doubleValue();
  }

  /** {@code days} consecutive days ending with {@code lastDay}, oldest first; a day without ratings has no index. */
  public static List<TrendPoint> trend(List<DailyRatings> ratings, LocalDate lastDay, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a trend has at least one day: " + days);
    }
    Map<LocalDate, DailyRatings> byDay = new HashMap<>();
    ratings.forEach(r -> byDay.put(r.day(), r));
    List<TrendPoint> points = new ArrayList<>(days);
    for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
      DailyRatings r = byDay.get(day);
      points.add(r == null
          ? new TrendPoint(day, null, 0)
          : new TrendPoint(day, satisfactionIndex(r.ratingSum(), r.rated()), r.rated()));
    }
    return points;
  }

  private static void checkRatings(long ratingSum, long rated) {
    if (rated < 0 || ratingSum < rated || ratingSum > 5 * rated) {
      throw new IllegalArgumentException("not a sum of " + rated + " ratings from 1 to 5: " + ratingSum);
    }
  }
}
