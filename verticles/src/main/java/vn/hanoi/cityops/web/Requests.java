package vn.hanoi.cityops.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading a request in a handler's first steps: what a parameter or body reader (or a synchronous check) throws as a
 * {@link Failure} becomes a failed future, so a handler composes its checks with its writes and answers a bad
 * request like any other failure, without wrapping itself in {@code Future.succeededFuture().compose(...)}.
 */
public final class Requests {
  private Requests() {
  }

  /** What {@code step} answers, or the {@link Failure} it throws as a failed future (anything else is a bug: thrown). */
  public static <T> Future<T> checked(Supplier<T> step) {
    try {
      return Future.succeededFuture(step.get());
    } catch (Failure failure) {
      return Future.failedFuture(failure);
    }
  }

  /** The {@code :id} of the path, a whole number. */
  public static Future<Long> id(RoutingContext ctx) {
    return checked(() -> JsonBodies.longParam(ctx, "id"));
  }

  /** What was found, or {@code not_found} saying {@code otherwise}. */
  public static <T> Future<T> present(Optional<T> found, String otherwise) {
    return found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(Failure.notFound(otherwise)));
  }
}
