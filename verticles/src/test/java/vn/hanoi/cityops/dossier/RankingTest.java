package vn.hanoi.cityops.dossier;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingTest {
  private static Ranking.Entry entry(String code, long overdue, long onTime, long late) {
    return new Ranking.Entry(code, code, code, "district",
        DossierKpis.of(new DossierCounts(0, 0, 0, onTime, late, 0, 0, overdue, overdue)));
  }

  private static List<String> codes(List<Ranking.Entry> entries) {
    return entries.stream().map(Ranking.Entry::code).toList();
  }

  private static final List<Ranking.Entry> CITY = List.of(
      entry("AA", 0, 0, 0),   // nothing at all
      entry("BD", 3, 3, 1),   // 75.0
      entry("CG", 2, 2, 1),   // 66.7
      entry("DD", 0, 1, 1),   // 50.0
      entry("HK", 2, 9, 1),   // 90.0
      entry("ZZ", 5, 0, 0));  // overdue, nothing completed: no rate

  @Test
  void byOverdueNowMostOverdueFirstTiesOnLowerRate() {
    assertEquals(List.of("ZZ", "BD", "CG", "HK", "DD", "AA"), codes(Ranking.sort(CITY, Ranking.By.OVERDUE_NOW)));
  }

  @Test
  void byOnTimeRateLowestFirstAndNoRateLastMostOverdueFirstAmongThem() {
    assertEquals(List.of("DD", "CG", "BD", "HK", "ZZ", "AA"), codes(Ranking.sort(CITY, Ranking.By.ON_TIME_RATE)));
  }

  @Test
  void completeTiesFallBackToTheCode() {
    List<Ranking.Entry> tied = List.of(entry("TX", 1, 1, 1), entry("BV", 1, 1, 1), entry("HM", 1, 1, 1));

    assertEquals(List.of("BV", "HM", "TX"), codes(Ranking.sort(tied, Ranking.By.OVERDUE_NOW)));
    assertEquals(List.of("BV", "HM", "TX"), codes(Ranking.sort(tied, Ranking.By.ON_TIME_RATE)));
  }

  @Test
  void sortingLeavesItsInputAlone() {
    List<Ranking.Entry> input = new java.util.ArrayList<>(CITY);

    Ranking.sort(input, Ranking.By.OVERDUE_NOW);

    assertEquals(CITY, input);
  }

  @Test
  void pagesAreSlicesOfTheSortedList() {
    Ranking.Page first = Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 2, 0);
    Ranking.Page second = Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 2, 2);
    Ranking.Page last = Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 4, 4);

    assertEquals(List.of("ZZ", "BD"), codes(first.items()));
    assertEquals(List.of("CG", "HK"), codes(second.items()));
    assertEquals(List.of("DD", "AA"), codes(last.items()));
    assertEquals(6, first.total());
    assertEquals(2, second.offset());
  }

  @Test
  void aPagePastTheEndIsEmptyButKnowsTheTotal() {
    Ranking.Page page = Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 10, 100);

    assertTrue(page.items().isEmpty());
    assertEquals(6, page.total());
    assertEquals(100, page.offset());
  }

  @Test
  void aHugeOffsetOrLimitDoesNotOverflow() {
    assertTrue(Ranking.page(CITY, Ranking.By.OVERDUE_NOW, Integer.MAX_VALUE, Integer.MAX_VALUE).items().isEmpty());
    assertEquals(6, Ranking.page(CITY, Ranking.By.OVERDUE_NOW, Integer.MAX_VALUE, 0).items().size());
  }

  @Test
  void pagingRefusesAnEmptyPageSizeOrNegativeOffset() {
    assertThrows(IllegalArgumentException.class, () -> Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Ranking.page(CITY, Ranking.By.OVERDUE_NOW, 1, -1));
  }

  @Test
  void rankingOrdersAreNamedAsTheApiSpellsThem() {
    assertEquals(Optional.of(Ranking.By.OVERDUE_NOW), Ranking.By.of("overdueNow"));
    assertEquals(Optional.of(Ranking.By.ON_TIME_RATE), Ranking.By.of("onTimeRate"));
    assertEquals(Optional.empty(), Ranking.By.of("overdue"));
  }
}
