package vn.hanoi.cityops.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.failure.Failure;

import java.util.Optional;
import java.util.function.Function;

/**
 * The query parameters of the KPI routes (dossier and feedback): a missing one takes its default, a bad one
 * is a 400 {@code invalid_parameter} naming the field and what it must be.
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
    String value = ctx.request().getParam(name);
    if (value == null) {
      return fallback;
    }
    return parse.apply(value).orElseThrow(() -> invalid(name, rule));
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when absent. */
  public static int integer(RoutingContext ctx, String name, int fallback, int min, int max) {
    String value = ctx.request().getParam(name);
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
