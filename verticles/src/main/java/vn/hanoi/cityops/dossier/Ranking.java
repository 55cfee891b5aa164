package vn.hanoi.cityops.dossier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is falling furthest behind: districts or agencies ordered by {@link By}, then paged. Ties break on
 * the other measure and then on the code, so a page never reshuffles between two identical requests.
 * An agency with nothing completed has no on-time rate and ranks after every rate, not before: it is not
 * "0% on time". Pure: no Vert.x, no I/O.
 */
public final class Ranking {
  /** One ranked district or agency, with its names for the screen. */
  public record Entry(String code, String nameVi, String nameEn, String level, DossierKpis kpis) {
  }

  /** A page: {@code items} from position {@code offset} of {@code total}, numbered from {@code offset + 1}. */
  public record Page(int total, int offset, List<Entry> items) {
  }

  public enum By {
    /** Most dossiers open and past due now, first. */
    OVERDUE_NOW("overdueNow"),
    /** Lowest share completed on time in the period, first. */
    ON_TIME_RATE("onTimeRate");

    private final String code;

    By(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<By> of(String code) {
      for (By b : values()) {
        if (b.code.equals(code)) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    }
  }

  private static final Comparator<Entry> OVERDUE_DESC =
      Comparator.comparingLong((Entry e) -> e.kpis().overdueNow()).reversed();
  private static final Comparator<Entry> RATE_ASC_NULLS_LAST =
      Comparator.comparing((Entry e) -> e.kpis().onTimeRate(), Comparator.nullsLast(Comparator.naturalOrder()));
  private static final Comparator<Entry> CODE = Comparator.comparing(Entry::code);

  private Ranking() {
  }

  public static List<Entry> sort(List<Entry> entries, By by) {
    Comparator<Entry> order = switch (by) {
      case OVERDUE_NOW -> OVERDUE_DESC.thenComparing(RATE_ASC_NULLS_LAST);
      case ON_TIME_RATE -> RATE_ASC_NULLS_LAST.thenComparing(OVERDUE_DESC);
    };
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(order.thenComparing(CODE));
    return sorted;
  }

  /** The sorted entries from {@code offset}, at most {@code limit} of them; empty past the end. */
  public static Page page(List<Entry> entries, By by, int limit, int offset) {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("limit must be positive and offset not negative: " + limit + ", " + offset);
    }
    List<Entry> sorted = sort(entries, by);
    int from = Math.min(offset, sorted.size());
    int to = (int) Math.min((long) from + limit, sorted.size());
    return new Page(sorted.size(), offset, List.copyOf(sorted.subList(from, to)));
  }
}
