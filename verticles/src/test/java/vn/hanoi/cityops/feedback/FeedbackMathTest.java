package vn.hanoi.cityops.feedback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hanoi.cityops.feedback.FeedbackMath.DailyRatings;
import vn.hanoi.cityops.feedback.FeedbackMath.TrendPoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackMathTest {

  @ParameterizedTest(name = "{1} ratings summing to {0}: index {2}")
  @CsvSource({
      "1, 1, 0.0",        // one "very dissatisfied"
      "5, 1, 100.0",      // one "very satisfied"
      "3, 1, 50.0",
      "4, 1, 75.0",
      "2, 1, 25.0",
      "11, 3, 66.7",      // 5 + 2 + 4
      "7, 2, 62.5",       // 5 + 2
      "9, 2, 87.5",       // 5 + 4
      "10, 2, 100.0",
      "2, 2, 0.0",
      "13, 4, 56.3",      // 56.25: half up, exactly
      "4, 3, 8.3",
      "8, 3, 41.7",
      "449, 100, 87.3",   // 87.25
      "450, 100, 87.5",
  })
  void indexRescalesTheMeanRatingFromOneToFiveOntoZeroToHundred(long sum, long rated, double expected) {
    assertEquals(expected, FeedbackMath.satisfactionIndex(sum, rated));
  }

  @ParameterizedTest(name = "{1} ratings summing to {0}: mean {2}")
  @CsvSource({"11, 3, 3.67", "7, 2, 3.5", "5, 1, 5.0", "1, 1, 1.0", "13, 4, 3.25", "4, 3, 1.33", "449, 100, 4.49"})
  void averageRatingStaysOnTheOneToFiveScale(long sum, long rated, double expected) {
    assertEquals(expected, FeedbackMath.averageRating(sum, rated));
  }

  @Test
  void nobodyRatedMeansNoIndexNotZero() {
    assertNull(FeedbackMath.satisfactionIndex(0, 0));
    assertNull(FeedbackMath.averageRating(0, 0));
  }

  @ParameterizedTest(name = "sum {0} of {1}")
  @CsvSource({"0, 1", "6, 1", "11, 2", "-1, 0", "5, -1"})
  void sumsThatNoRatingsFromOneToFiveCanMakeAreRefused(long sum, long rated) {
    assertThrows(IllegalArgumentException.class, () -> FeedbackMath.satisfactionIndex(sum, rated));
  }

  @Test
  void trendHasEveryDayOldestFirstEndingOnTheLastDay() {
    LocalDate today = LocalDate.of(2026, 11, 23);

    List<TrendPoint> trend = FeedbackMath.trend(List.of(
        new DailyRatings(today, 11, 3), new DailyRatings(today.minusDays(3), 3, 1)), today, 14);

    assertEquals(14, trend.size());
    assertEquals(LocalDate.of(2026, 11, 10), trend.get(0).day());
    assertEquals(new TrendPoint(today, 66.7, 3), trend.get(13));
    assertEquals(new TrendPoint(today.minusDays(3), 50.0, 1), trend.get(10));
    List<TrendPoint> empty = new ArrayList<>(trend);
    empty.remove(13);
    empty.remove(10);
    empty.forEach(p -> assertEquals(new TrendPoint(p.day(), null, 0), p));
  }

  @Test
  void trendIgnoresDaysOutsideItsWindowAndCrossesMonthEnds() {
    LocalDate day = LocalDate.of(2026, 3, 2);

    List<TrendPoint> trend = FeedbackMath.trend(List.of(
        new DailyRatings(LocalDate.of(2026, 2, 28), 5, 1), new DailyRatings(LocalDate.of(2026, 2, 27), 1, 1),
        new DailyRatings(LocalDate.of(2026, 3, 3), 1, 1)), day, 3);

    assertEquals(List.of(new TrendPoint(LocalDate.of(2026, 2, 28), 100.0, 1),
        new TrendPoint(LocalDate.of(2026, 3, 1), null, 0), new TrendPoint(day, null, 0)), trend);
  }

  @Test
  void aTrendHasAtLeastOneDay() {
    assertThrows(IllegalArgumentException.class, () -> FeedbackMath.trend(List.of(), LocalDate.of(2026, 1, 1), 0));
    assertEquals(1, FeedbackMath.trend(List.of(), LocalDate.of(2026, 1, 1), 1).size());
  }

  @Test
  void breakdownsPutTheMostOverdueThenTheMostOpenFirst() {
    FeedbackCounts a = new FeedbackCounts(9, 1, 0, 0, 0, 0, 0);
    FeedbackCounts b = new FeedbackCounts(1, 2, 2, 0, 0, 0, 0);
    FeedbackCounts c = new FeedbackCounts(1, 3, 0, 0, 0, 0, 0);
    FeedbackCounts d = new FeedbackCounts(2, 1, 0, 0, 0, 0, 0);
    List<FeedbackCounts> all = new ArrayList<>(List.of(a, b, c, d));

    all.sort(FeedbackMath.MOST_BEHIND_FIRST);

    assertEquals(List.of(b, c, a, d), all);
  }
}
