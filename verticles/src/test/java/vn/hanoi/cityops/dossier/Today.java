package vn.hanoi.cityops.dossier;

import vn.hanoi.cityops.city.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants for a KPI test's story, relative to the real clock: {@link #at} places an event in today's Hanoi
 * day so far (0 = local midnight, 1 = now), {@link #lastYear} well before this year. Built away from midnight,
 * so "today" cannot roll over between ingesting and asking.
 */
public final class Today {
  private static final Duration MARGIN = Duration.ofMinutes(2);

  public final Instant now;
  public final Instant start;
  private final long spanMillis;
  private final Instant lastYear;

  private Today(Instant now) {
    this.now = now.truncatedTo(ChronoUnit.MILLIS);
    this.start = Period.TODAY.bounds(now).from();
    this.spanMillis = Duration.between(start, this.now).toMillis();
    this.lastYear = Period.YEAR.bounds(now).from().minus(Duration.ofDays(60));
  }

  /** Waits out the last two minutes of a Hanoi day and the first seconds of the next. */
  public static Today begin() {
    Instant now = Instant.now();
    Instant end = Period.TODAY.bounds(now).to();
    if (Duration.between(now, end).compareTo(MARGIN) < 0) {
      sleep(Duration.between(now, end).plusSeconds(5));
    } else if (Duration.between(Period.TODAY.bounds(now).from(), now).toSeconds() < 5) {
      sleep(Duration.ofSeconds(5));
    }
    return new Today(Instant.now());
  }

  /** {@code fraction} of the way from local midnight to now. */
  public Instant at(double fraction) {
    return start.plusMillis((long) (spanMillis * fraction));
  }

  /** Some day of last year (60 days before this year began), plus {@code hours}. */
  public Instant lastYear(double hours) {
    return lastYear.plusMillis((long) (hours * 3_600_000));
  }

  /** {@code days} after now. */
  public Instant inDays(int days) {
    return now.plus(Duration.ofDays(days));
  }

  /** {@code hours} after local midnight of the day {@code daysBack} days ago. */
  public Instant daysAgo(int daysBack, double hours) {
    return Period.startOfDay(now, daysBack).plusMillis((long) (hours * 3_600_000));
  }

  /** Time passing is the point: "today" must not roll over during the test. */
  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
