package vn.hanoi.cityops.city;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A reporting period in the Hanoi calendar (Asia/Ho_Chi_Minh, UTC+7 all year): today, this month or this
 * year, from local midnight of its first day (inclusive) to local midnight after its last (exclusive).
 * The bounds are computed here and passed to SQL as values, so the planner sees real timestamps and a
 * unit test can pin any instant. Pure: no Vert.x, no I/O.
 */
public enum Period {
  TODAY("today"),
  MONTH("month"),
  YEAR("year");


  /** {@code [from, to)}. */
  public record Bounds(Instant from, Instant to) {
    public boolean contains(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  private final String code;

  Period(String code) {
    this.code = code;
  }

  /** As the API spells it: {@code today}, {@code month}, {@code year}. */
  public String code() {
    return code;
  }

  public static Optional<Period> of(String code) {
    for (Period p : values()) {
      if (p.code.equals(code)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The period that contains {@code now}. */
  public Bounds bounds(Instant now) {
    LocalDate day = now.atZone(Hanoi.ZONE).toLocalDate();
    LocalDate first = switch (this) {
      case TODAY -> day;
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
    LocalDate next = switch (this) {
      case TODAY -> first.plusDays(1);
      case MONTH -> first.plusMonths(1);
      case YEAR -> first.plusYears(1);
    };
    return new Bounds(first.atStartOfDay(Hanoi.ZONE).toInstant(), next.atStartOfDay(Hanoi.ZONE).toInstant());
  }

  /**
   * The same period as it stood 24 hours before {@code now}: from the start of the period that contained
   * that instant up to it. For {@code today} at 10:00, yesterday from midnight to 10:00; so a comparison
   * with it is like for like.
   */
  public Bounds sameTimeYesterday(Instant now) {
    Instant then = now.minus(java.time.Duration.ofDays(1));
    return new Bounds(bounds(then).from(), then);
  }

  /** {@code t} as ISO-8601 in Hanoi time, e.g. {@code 2026-11-23T08:00:00+07:00}. */
  public static String iso(Instant t) {
    return t == null ? null : t.atZone(Hanoi.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The start of the day {@code daysBack} days before the one containing {@code now}, in Hanoi. */
  public static Instant startOfDay(Instant now, int daysBack) {
    return now.atZone(Hanoi.ZONE).toLocalDate().minusDays(daysBack).atStartOfDay(Hanoi.ZONE).toInstant();
  }
}
