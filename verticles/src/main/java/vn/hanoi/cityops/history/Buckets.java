package vn.hanoi.cityops.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The arithmetic of history: bucket boundaries, retention, which minutes and hours a rollup rewrites, and the
 * buckets a series request covers. Buckets start at whole UTC minutes and hours, which are whole minutes and
 * hours in Hanoi too (UTC+7 all year), so one set of buckets serves both. Pure: no Vert.x, no I/O.
 */
public final class Buckets {
  /** Every rollup run rewrites at least the current minute and the two before it. */
  static final int RECOMPUTED_MINUTES = 3;
  /**
   * The most of a gap (minutes no node rolled up) one run recomputes: 48 hours at once could outlast the
   * statement timeout on a busy event log, and then fail again at every run.
   */
  static final Duration CATCH_UP_PER_RUN = Duration.ofHours(6);
  /** Every hourly roll rewrites at least the hours of the last two hours of minutes. */
  static final Duration ROLLED_HOURS = Duration.ofHours(2);
  /** A series with no {@code from} reaches back this far from {@code to}. */
  static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  private static final int MIN_YEAR = 2000;
  private static final int MAX_YEAR = 2100;

  private Buckets() {
  }

  /** The two bucket sizes; each is kept as long as the longest range it may be asked for. */
  public enum Step {
    MINUTE("minute", ChronoUnit.MINUTES, Duration.ofHours(48), "kpi_rollup_minute"),
    HOUR("hour", ChronoUnit.HOURS, Duration.ofDays(90), "kpi_rollup_hour");

    private final String code;
    private final ChronoUnit unit;
    private final Duration retention;
    private final String table;

    Step(String code, ChronoUnit unit, Duration retention, String table) {
      this.code = code;
      this.unit = unit;
      this.retention = retention;
      this.table = table;
    }

    public static Optional<Step> of(String code) {
      for (Step s : values()) {
        if (s.code.equals(code)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    public String code() {
      return code;
    }

    public Duration length() {
      return unit.getDuration();
    }

    /** How long buckets are kept, and the longest range a series of this step may span. */
    public Duration retention() {
      return retention;
    }

    /** The table holding this step's buckets. */
    String table() {
      return table;
    }

    /** The bucket holding {@code t}. */
    public Instant floor(Instant t) {
      return t.truncatedTo(unit);
    }

    /** The first bucket starting at or after {@code t}. */
    public Instant ceil(Instant t) {
      Instant f = floor(t);
      return f.equals(t) ? f : f.plus(length());
    }

    /** The oldest bucket kept at {@code now}; older ones are deleted. */
    public Instant oldestKept(Instant now) {
      return floor(now).minus(retention);
    }
  }

  /** What one minute rollup run rewrites: at least {@code [recomputeFrom, current]}, nothing before {@code oldestKept}. */
  public record MinuteRun(Instant current, Instant recomputeFrom, Instant oldestKept) {
  }

  public static MinuteRun minuteRun(Instant now) {
    Instant current = Step.MINUTE.floor(now);
    return new MinuteRun(current, current.minus(Duration.ofMinutes(RECOMPUTED_MINUTES - 1)),
        Step.MINUTE.oldestKept(now));
  }

  /**
   * What one hourly roll rewrites, {@code [from, to)} of hours, and below which buckets it deletes: the hours
   * of the last two hours of minutes, back to the hour of {@code dirtySince} (the earliest minute recomputed
   * since the last roll, null if none) — but only hours whose minutes are all still kept.
   */
  public record HourRun(Instant from, Instant to, Instant minuteCutoff, Instant hourCutoff) {
  }

  public static HourRun hourRun(Instant now, Instant dirtySince) {
    Instant current = Step.MINUTE.floor(now);
    Instant from = Step.HOUR.floor(current.minus(ROLLED_HOURS));
    if (dirtySince != null && dirtySince.isBefore(from)) {
      from = Step.HOUR.floor(dirtySince);
    }
    Instant whole = Step.HOUR.ceil(Step.MINUTE.oldestKept(now));
    if (from.isBefore(whole)) {
      from = whole;
    }
    return new HourRun(from, Step.HOUR.floor(current).plus(Step.HOUR.length()), Step.MINUTE.oldestKept(now),
        Step.HOUR.oldestKept(now));
  }

  /** The buckets {@code [first, end)} a series returns, one point each (fewer for a gauge with gaps). */
  public record Window(Step step, Instant first, Instant end) {
    public long buckets() {
      return Duration.between(first, end).dividedBy(step.length());
    }
  }

  /** A parameter that breaks a rule: the route answers 400 {@code invalid_parameter} with it. */
  public static final class Invalid extends IllegalArgumentException {
    private final String field;
    private final String reason;

    Invalid(String field, String reason) {
      super(field + " " + reason);
      this.field = field;
      this.reason = reason;
    }

    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * The buckets for a request of {@code [from, to)} (either may be null: {@code to} defaults to now, {@code from}
   * to 24 hours before {@code to}) at {@code step} (null: minute when the whole range is within the minute
   * retention, hour otherwise). Every bucket overlapping the range counts, except those past the current one
   * (not known yet) and those older than the step's retention (deleted): they have no point, not a zero.
   * Throws {@link Invalid} for a reversed range or one longer than the step's retention.
   */
  public static Window window(Instant from, Instant to, Step step, Instant now) {
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
    if (!start.isBefore(end)) {
      throw new Invalid("from", "must be before to");
    }
    Duration range = Duration.between(start, end);
    Step chosen = step != null ? step
        : range.compareTo(Step.MINUTE.retention()) <= 0 && !start.isBefore(Step.MINUTE.oldestKept(now))
            ? Step.MINUTE : Step.HOUR;
    if (range.compareTo(chosen.retention()) > 0) {
      throw new Invalid("to", "must be at most " + human(chosen.retention()) + " after from with step=" + chosen.code()
          + (chosen == Step.MINUTE ? "; use step=hour" : ""));
    }
    Instant first = max(chosen.floor(start), chosen.oldestKept(now));
    Instant last = min(chosen.ceil(end), chosen.floor(now).plus(chosen.length()));
    return new Window(chosen, first, last.isBefore(first) ? first : last);
  }

  /**
   * An ISO-8601 date-time with an offset ({@code 2026-11-23T08:00:00+07:00} or {@code ...Z}). A space where the
   * offset's sign should be is read as {@code +}: an unencoded {@code +} in a query string arrives as a space.
   */
  public static Instant instant(String field, String text) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(text.trim().replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      if (t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR) {
        return t.toInstant();
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new Invalid(field, "must be an ISO-8601 date-time with an offset between " + MIN_YEAR + " and " + MAX_YEAR
        + ", e.g. 2026-11-23T08:00:00+07:00");
  }

  private static String human(Duration d) {
    return d.toHours() % 24 == 0 && d.toHours() > 48 ? d.toDays() + " days" : d.toHours() + " hours";
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
