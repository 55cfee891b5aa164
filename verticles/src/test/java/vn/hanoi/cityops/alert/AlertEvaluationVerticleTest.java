package vn.hanoi.cityops.alert;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff from the feed to the evaluation verticle, with a stand-in for the evaluator and for the feed's
 * verticle: batches wait for the verticle's start, are evaluated one at a time in feed order on the verticle's own
 * context, and are answered on the feed's; the sweep runs on its timer until the verticle stops.
 */
@ExtendWith(VertxExtension.class)
class AlertEvaluationVerticleTest {
  /** The evaluator's stand-in: records what it is asked, where, and takes a while over each batch. */
  private static final class Recorder implements AlertEvaluationVerticle.Evaluation {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Context> contexts = new CopyOnWriteArrayList<>();
    final AtomicInteger sweeps = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    Future<Void> loaded = Future.succeededFuture();

    @Override
    public Future<Void> load() {
      calls.add("load");
      return loaded;
    }

    @Override
    public Future<Void> evaluate(List<EventFeed.FeedEvent> events) {
      if (running.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      calls.add("batch " + events.get(0).ordinal());
      contexts.add(Vertx.currentContext());
      Promise<Void> done = Promise.promise();
      Vertx.currentContext().owner().setTimer(20, id -> {
        running.decrementAndGet();
        done.complete();
      });
      return done.future();
    }

    @Override
    public void sweep() {
      sweeps.incrementAndGet();
    }
  }

  /** Stands for the feed's verticle: the context the feed calls its listeners on. */
  private static final class FeedStandIn extends VerticleBase {
    Context context() {
      return context;
    }
  }

  private static List<EventFeed.FeedEvent> batch(long ordinal) {
    return List.of(new EventFeed.FeedEvent(ordinal, ordinal, "system.health", "WAN", null, null, "down", null));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Runs {@code call} on {@code context}, as the feed calls its listeners. */
  private static <T> Future<T> on(Context context, Supplier<Future<T>> call) {
    Promise<T> answer = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(answer));
    return answer.future();
  }

  @Test
  void batchesThatArriveBeforeTheStartWaitForItThenRunInFeedOrderOnTheVerticlesOwnContext(Vertx vertx) throws Exception {
    Recorder evaluator = new Recorder();
    AlertEvaluationVerticle verticle = new AlertEvaluationVerticle(evaluator, 60_000);
    FeedListener listener = verticle.feedListener();
    FeedStandIn feed = new FeedStandIn();
    await(vertx.deployVerticle(feed));
    await(on(feed.context(), () -> listener.load(7))); // the feed's start does not wait for the verticle

    // The feed hands a batch, and the next only once the listener answered the one before.
    AtomicReference<Context> answeredOn = new AtomicReference<>();
    Future<Void> fed = on(feed.context(), () -> listener.onEvents(batch(1))
        .onComplete(x -> answeredOn.set(Vertx.currentContext()))
        .compose(v -> listener.onEvents(batch(2)))
        .compose(v -> listener.onEvents(batch(3))));
    assertFalse(fed.isComplete(), "a batch waits for the verticle to start");
    assertEquals(List.of(), evaluator.calls);

    await(vertx.deployVerticle(verticle));
    await(fed);
    assertEquals(List.of("load", "batch 1", "batch 2", "batch 3"), evaluator.calls, "loaded first, then in feed order");
    assertEquals(0, evaluator.overlaps.get(), "one batch at a time");
    assertSame(feed.context(), answeredOn.get(), "the feed goes on on its own context");
    for (Context c : evaluator.contexts) {
      assertNotSame(feed.context(), c, "evaluated off the feed's context");
      assertSame(evaluator.contexts.get(0), c, "always on the verticle's");
    }

    await(on(feed.context(), () -> listener.onEvents(batch(4))));
    assertEquals("batch 4", evaluator.calls.get(evaluator.calls.size() - 1), "once started, batches go straight through");
  }

  @Test
  void theSweepRunsOnItsTimerUntilTheVerticleStopsAndThenBatchesAreAnsweredUnevaluated(Vertx vertx) throws Exception {
    Recorder evaluator = new Recorder();
    AlertEvaluationVerticle verticle = new AlertEvaluationVerticle(evaluator, 10);
    String id = await(vertx.deployVerticle(verticle));
    long deadline = System.currentTimeMillis() + 5_000;
    while (evaluator.sweeps.get() < 3 && System.currentTimeMillis() < deadline) {
      await(timer(vertx, 10));
    }
    assertTrue(evaluator.sweeps.get() >= 3, "sweeps: " + evaluator.sweeps.get());

    await(vertx.undeploy(id));
    int sweeps = evaluator.sweeps.get();
    await(timer(vertx, 100));
    assertEquals(sweeps, evaluator.sweeps.get(), "no sweep after stop");
    FeedStandIn feed = new FeedStandIn();
    await(vertx.deployVerticle(feed));
    await(on(feed.context(), () -> verticle.feedListener().onEvents(batch(1))));
    assertEquals(List.of("load"), evaluator.calls, "the node is closing: nothing more is evaluated");
  }

  @Test
  void aStartThatFailsFailsTheBatchesWaitingForIt(Vertx vertx) throws Exception {
    Recorder evaluator = new Recorder();
    evaluator.loaded = Future.failedFuture("no names");
    AlertEvaluationVerticle verticle = new AlertEvaluationVerticle(evaluator, 60_000);
    FeedStandIn feed = new FeedStandIn();
    await(vertx.deployVerticle(feed));
    Future<Void> waiting = on(feed.context(), () -> verticle.feedListener().onEvents(batch(1)));
    assertThrows(Exception.class, () -> await(vertx.deployVerticle(verticle)));
    Exception failed = assertThrows(Exception.class, () -> await(waiting));
    assertTrue(String.valueOf(failed.getMessage()).contains("no names"), failed.toString());
    assertEquals(List.of("load"), evaluator.calls);
  }

  private static Future<Void> timer(Vertx vertx, long ms) {
    Promise<Void> elapsed = Promise.promise();
    vertx.setTimer(ms, id -> elapsed.complete());
    return elapsed.future();
  }
}
