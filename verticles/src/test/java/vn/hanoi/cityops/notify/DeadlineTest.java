package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    Api.await(vertx.close());
  }

  @Test
  void workThatNeverEndsIsAnsweredForOnceTheTimeIsUp() {
    long started = System.nanoTime();
    String answer = Api.await(Deadline.within(vertx, Promise.<String>promise().future(), 200,
        failure -> failure == null ? "late" : "failed"));
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals("late", answer);
    assertTrue(ms >= 190 && ms < 2_000, ms + " ms");
  }

  @Test
  void workDoneInTimeIsTheAnswerAndAFailureIsAnsweredFor() {
    assertEquals("done", Api.await(Deadline.within(vertx, Future.succeededFuture("done"), 10_000, f -> "late")));
    assertEquals("failed: boom", Api.await(Deadline.within(vertx, Future.<String>failedFuture(new IllegalStateException("boom")),
        10_000, f -> f == null ? "late" : "failed: " + f.getMessage())));
  }
}
