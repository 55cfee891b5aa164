package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Function;

/**
 * A bound on how long a caller waits: the work's result, or what {@code late} says once {@code ms} have passed,
 * whichever comes first. The clients' own timeouts are idle timeouts (a service that trickles bytes never trips
 * them); this one counts from the start.
 */
final class Deadline {
  private Deadline() {
  }

  /** {@code late} answers for a timeout ({@code failed} null) and for a failure of the work. */
  static <T> Future<T> within(Vertx vertx, Future<T> work, long ms, Function<Throwable, T> late) {
    Promise<T> answer = Promise.promise();
    long timer = vertx.setTimer(ms, t -> answer.tryComplete(late.apply(null)));
    work.onComplete(done -> {
      vertx.cancelTimer(timer);
      answer.tryComplete(done.succeeded() ? done.result() : late.apply(done.cause()));
    });
    return answer.future();
  }
}
