package vn.hanoi.cityops.web;

import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period of an export: {@code period=today|month|year} as the KPI routes read it (today by default), or
 * {@code from} and {@code to}, two dates of the Hanoi calendar (YYYY-MM-DD, both days included) at most
 * {@value #MAX_DAYS} days apart. {@code label} names it in the file name: its first and last day.
 */
public record ExportPeriod(Period.Bounds bounds, Instant now, String label) {
  public static final int MAX_DAYS = 366;

  public static ExportPeriod of(RoutingContext ctx) {
    return of(ctx.request().getParam("period"), QueryParams.filter(ctx, "from"), QueryParams.filter(ctx, "to"),
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /** Read from the parameters' values (null when absent) as of {@code now}; a 400 naming what is wrong. */
  public static ExportPeriod of(String period, String from, String to, Instant now) {
    if (from == null && to == null) {
      Period p = QueryParams.choice("period", period, Period.TODAY, Period::of, "must be today, month or year");
      Period.Bounds bounds = p.bounds(now);
      return new ExportPeriod(bounds, now, label(day(bounds.from()), day(bounds.to()).minusDays(1)));
    }
    if (period != null) {
      throw QueryParams.invalid("period", "must not be given with from and to");
    }
    if (from == null || to == null) {
      throw QueryParams.invalid(from == null ? "from" : "to", "must be given with " + (from == null ? "to" : "from"));
    }
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first)) {
      throw QueryParams.invalid("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw QueryParams.invalid("to", "must be at most " + MAX_DAYS + " days after from, both included");
    }
    return new ExportPeriod(new Period.Bounds(first.atStartOfDay(Hanoi.ZONE).toInstant(),
        last.plusDays(1).atStartOfDay(Hanoi.ZONE).toInstant()), now, label(first, last));
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw QueryParams.invalid(name, "must be a date YYYY-MM-DD, e.g. 2026-11-23");
    }
  }

  private static LocalDate day(Instant t) {
    return t.atZone(Hanoi.ZONE).toLocalDate();
  }

  private static String label(LocalDate first, LocalDate last) {
    return first.equals(last) ? first.toString() : first + "_" + last;
  }
}
