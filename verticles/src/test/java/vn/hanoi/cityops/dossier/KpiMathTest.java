package vn.hanoi.cityops.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hanoi.cityops.city.KpiMath;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiMathTest {

  @ParameterizedTest(name = "{0} of {1} is {2}%")
  @CsvSource({
      "187, 1000, 18.7",   // the national-portal KPI as the city reports it
      "187, 1001, 18.7",   // one unpublished code first seen in a dossier: 18.68 rounds back to 18.7
      "300, 1000, 30.0",
      "249, 1000, 24.9",
      "0, 5, 0.0",
      "5, 5, 100.0",
      "1, 3, 33.3",
      "2, 3, 66.7",
      "1, 6, 16.7",
      "1, 7, 14.3",
      "9, 15, 60.0",
      "4, 7, 57.1",
      "6, 11, 54.5",
      "1, 8, 12.5",
      "1, 16, 6.3",        // 6.25: half up, computed exactly (a double would be 6.249999...)
      "1, 32, 3.1",        // 3.125
      "1, 2000, 0.1",      // 0.05 rounds up
      "1, 2001, 0.0",      // 0.04998 rounds down
      "1999, 2000, 100.0", // 99.95 rounds up, like any other x.x5
      "3999, 4000, 100.0",
      "19989, 20000, 99.9",
  })
  void percentIsExactToOneDecimalHalfUp(long part, long whole, double expected) {
    assertEquals(expected, KpiMath.percent(part, whole));
  }

  @Test
  void percentOfNothingIsNullNotZero() {
    assertNull(KpiMath.percent(0, 0));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"-1, 5", "6, 5", "1, -1"})
  void percentRefusesWhatIsNotAPartOfAWhole(long part, long whole) {
    assertThrows(IllegalArgumentException.class, () -> KpiMath.percent(part, whole));
  }

  @ParameterizedTest(name = "{0} on time, {1} late: {2}")
  @CsvSource({
      "3, 3, 50.0",
      "6, 3, 66.7",
      "1, 0, 100.0",
      "0, 1, 0.0",
      "95, 5, 95.0",
      "949, 51, 94.9",
      "2, 1, 66.7",
      "3, 1, 75.0",
  })
  void onTimeRateIsOnTimeAmongCompleted(long onTime, long late, double expected) {
    assertEquals(expected, KpiMath.onTimeRate(onTime, late));
  }

  @Test
  void onTimeRateWithNothingCompletedIsNull() {
    assertNull(KpiMath.onTimeRate(0, 0));
  }

  @ParameterizedTest(name = "{0} s over {1}: {2} h")
  @CsvSource({
      "3600, 1, 1.0",
      "7200, 2, 1.0",
      "5400, 1, 1.5",
      "180, 1, 0.1",       // 0.05 h rounds up
      "179, 1, 0.0",
      "86400, 3, 8.0",
      "100000, 3, 9.3",    // 9.259...
      "0, 4, 0.0",
      "0.5, 1, 0.0",
      "31622400, 1, 8784.0",
      "3601.5, 1, 1.0",
  })
  void averageHoursIsTheMeanDurationInHours(double seconds, long count, double expected) {
    assertEquals(expected, KpiMath.averageHours(seconds, count));
  }

  @Test
  void averageHoursOfNothingIsNull() {
    assertNull(KpiMath.averageHours(0, 0));
  }

  @Test
  void averageHoursRefusesNegativeAndNonFiniteTotals() {
    assertThrows(IllegalArgumentException.class, () -> KpiMath.averageHours(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> KpiMath.averageHours(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> KpiMath.averageHours(Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> KpiMath.averageHours(1, -1));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0.05, 0.1", "0.04, 0.0", "1.25, 1.3", "-1.25, -1.3", "18.7, 18.7", "-11.3, -11.3", "2.675, 2.7", "0, 0.0"})
  void round1IsHalfUpAsWrittenInDecimal(double value, double expected) {
    assertEquals(expected, KpiMath.round1(value));
  }

  @ParameterizedTest(name = "{0} vs {1}: gap {2}")
  @CsvSource({"18.7, 30, -11.3", "60.0, 30, 30.0", "30.0, 30, 0.0", "94.9, 95, -0.1", "100.0, 95, 5.0"})
  void gapIsValueMinusTargetToOneDecimal(double value, double target, double expected) {
    assertEquals(expected, KpiMath.gap(value, target));
  }

  @Test
  void noValueHasNoGapAndMeetsNoTarget() {
    assertNull(KpiMath.gap(null, 30));
    assertFalse(KpiMath.meets(null, 0));
  }

  @Test
  void aValueMeetsItsTargetFromTheTargetUp() {
    assertTrue(KpiMath.meets(30.0, 30));
    assertTrue(KpiMath.meets(95.1, 95));
    assertFalse(KpiMath.meets(18.7, 30));
    assertFalse(KpiMath.meets(94.9, 95));
  }

  @Test
  void kpisOfCountsDeriveRatesSharesAndHours() {
    DossierKpis k = DossierKpis.of(new DossierCounts(15, 6, 9, 6, 3, 9 * 3600 * 2.5, 1, 7, 5));

    assertEquals(new DossierKpis(15, 6, 6, 3, 1, 7, 5, 66.7, 60.0, 2.5), k);
  }

  @Test
  void kpisOfNoCountsAreZerosAndNullRates() {
    assertEquals(new DossierKpis(0, 0, 0, 0, 0, 0, 0, null, null, null), DossierKpis.of(DossierCounts.NONE));
  }

  @Test
  void kpisOfOnlyOpenDossiersHaveNoRateButAShare() {
    DossierKpis k = DossierKpis.of(new DossierCounts(4, 4, 1, 0, 0, 0, 0, 4, 2));

    assertNull(k.onTimeRate());
    assertNull(k.avgProcessingHours());
    assertEquals(25.0, k.onlineShare());
  }

  @Test
  void countsOfAScopeAreTheSumOfItsAgenciesNotTheMeanOfTheirRates() {
    DossierCounts big = new DossierCounts(100, 10, 30, 90, 10, 3600 * 100, 2, 10, 3);
    DossierCounts small = new DossierCounts(2, 0, 2, 0, 2, 3600 * 4, 0, 0, 0);

    DossierCounts sum = DossierCounts.sum(List.of(big, small));

    assertEquals(new DossierCounts(102, 10, 32, 90, 12, 3600 * 104, 2, 10, 3), sum);
    assertEquals(88.2, DossierKpis.of(sum).onTimeRate()); // 90/102, not (90% + 0%) / 2
    assertEquals(1.0, DossierKpis.of(sum).avgProcessingHours());
    assertEquals(DossierCounts.NONE, DossierCounts.sum(List.of()));
  }
}
