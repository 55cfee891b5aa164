package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.JsonBodies;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the alert routes read a request: what a parameter or body reader throws becomes a failed future, so a handler
 * reads its request first and answers a bad one like any other failure, without wrapping itself in
 * {@code Future.succeededFuture().compose(...)}.
 */
final class Requests {
  private Requests() {
  }

  /** What {@code reading} reads from the request, or the {@link Failure} it throws as a failed future. */
  static <T> Future<T> read(Supplier<T> reading) {
    try {
      return Future.succeededFuture(reading.get());
    } catch (Failure bad) {
      return Future.failedFuture(bad);
    }
  }

  /** The {@code :id} of the path, a whole number. */
  static Future<Long> id(RoutingContext ctx) {
    return read(() -> JsonBodies.longParam(ctx, "id"));
  }

  /** Who is asking (the guard let them in). */
  static String actor(RoutingContext ctx) {
    return Guard.principal(ctx).username();
  }

  /** What was found, or {@code 404 not_found} saying {@code otherwise}. */
  static <T> Future<T> present(Optional<T> found, String otherwise) {
    return found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(Failure.notFound(otherwise)));
  }
}
