package vn.hanoi.cityops.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.failure.Failure;

import java.util.Optional;
import java.util.function.Function;

/**
 * The query parameters of every route: a missing one takes its default, a bad one is a 400
 * {@code invalid_parameter} naming the field and what it must be. The KPI routes refuse an empty one; the filters of
 * a list ({@link #filter}) take an empty one for "no filter".
 */
public final class QueryParams {
  private QueryParams() {
  }

  /** {@code period}: today (default), month or year. */
  public static Period period(RoutingContext ctx) {
    return choice(ctx, "period", Period.TODAY, Period::of, "must be today, month or year");
  }

  /** A parameter read by {@code parse}; {@code fallback} when absent. */
  public static <T> T choice(RoutingContext ctx, String name, T fallback, Function<String, Optional<T>> parse,
                             String rule) {
    return choice(name, ctx.request().getParam(name), fallback, parse, rule);
  }

  /** {@code value} of parameter {@code name} read by {@code parse}; {@code fallback} when null. */
  public static <T> T choice(String name, String value, T fallback, Function<String, Optional<T>> parse, String rule) {
    if (value == null) {
      return fallback;
    }
    return parse.apply(value).orElseThrow(() -> invalid(name, rule));
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when absent. */
  public static int integer(RoutingContext ctx, String name, int fallback, int min, int max) {
    return integer(name, ctx.request().getParam(name), fallback, min, max);
  }

  /** {@code value} of parameter {@code name} as a whole number in {@code [min, max]}; {@code fallback} when null. */
  public static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name, "must be a whole number from " + min + " to " + max);
  }

  /**
   * A filter of a list: absent or left blank (as a search form sends it, {@code ?state=&system=CG}) means no filter
   * (null). Read it with {@link #choice(String, String, Object, Function, String)} or
   * {@link #integer(String, String, int, int, int)} to check its value.
   */
  public static String filter(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** A parameter that may be absent (null) but not empty. */
  public static String optional(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value != null && value.isBlank()) {
      throw invalid(name, "must not be empty when given");
    }
    return value;
  }

  public static Failure invalid(String name, String reason) {
    return new Failure(Failure.Kind.INVALID, "invalid_parameter", name + " " + reason,
        new JsonArray().add(new JsonObject().put("field", name).put("reason", reason)));
  }
}
