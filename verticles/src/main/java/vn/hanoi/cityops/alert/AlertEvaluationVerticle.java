package vn.hanoi.cityops.alert;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.util.List;

/**
 * The alert evaluation of this node, on an event loop of its own: the {@link AlertEvaluator}, its sweep timer
 * ({@code alerts.sweepMs}) and its writes, off the feed's loop.
 * <p>The feed still drives it: {@link #feedListener()} is the feed's listener for alerts, and hands each batch over
 * to this verticle's context, answering the feed once the evaluation of that batch is done. The feed waits for its
 * listeners before it reads the next batch, so batches are evaluated one at a time, in feed order, as before.
 * <p>The feed starts before the capabilities' verticles (see {@code app/Node}): the module creates this verticle when
 * it is built, and a batch that arrives before the verticle has started waits for its start; none is lost or
 * reordered. After {@link #stop()} a batch is answered at once, unevaluated: the node is closing.
 */
public final class AlertEvaluationVerticle extends VerticleBase {
  /** What the verticle runs on its context: the {@link AlertEvaluator} (a stand-in in its test). */
  interface Evaluation {
    /** Once, at start, before the first batch. */
    Future<Void> load();

    /** One batch of the feed; answers when it is evaluated. */
    Future<Void> evaluate(List<EventFeed.FeedEvent> events);

    /** What time alone does, every {@code alerts.sweepMs}. */
    void sweep();
  }

  private final Evaluation evaluator;
  private final long sweepMs;
  private final Promise<Context> started = Promise.promise();
  private final FeedListener listener = new Handoff();
  private volatile boolean stopped;
  private long sweepTimer = -1;

  AlertEvaluationVerticle(Evaluation evaluator, long sweepMs) {
    this.evaluator = evaluator;
    this.sweepMs = sweepMs;
  }

  /** The feed's listener that hands each batch to this verticle. */
  FeedListener feedListener() {
    return listener;
  }

  @Override
  public Future<?> start() {
    return evaluator.load()
        .onSuccess(v -> {
          sweepTimer = vertx.setPeriodic(sweepMs, id -> evaluator.sweep());
          started.complete(context);
        })
        .onFailure(started::tryFail);
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    return Future.succeededFuture();
  }

  /** Runs on the feed's context; each batch is evaluated on the verticle's and answered on the feed's. */
  private final class Handoff implements FeedListener {
    /** Nothing to publish at the feed's start: the evaluation has no topic, and its state is in PostgreSQL. */
    @Override
    public Future<Void> load(long ordinal) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
      if (stopped) {
        return Future.succeededFuture();
      }
      Context feed = Vertx.currentContext();
      Promise<Void> evaluated = Promise.promise();
      started.future().onComplete(start -> {
        if (start.failed()) {
          answer(feed, evaluated, Future.failedFuture(start.cause()));
        } else {
          start.result().runOnContext(v -> evaluator.evaluate(events).onComplete(done -> answer(feed, evaluated, done)));
        }
      });
      return evaluated.future();
    }

    /** Completes {@code evaluated} on the feed's context, where the feed goes on with its next step. */
    private void answer(Context feed, Promise<Void> evaluated, AsyncResult<Void> result) {
      if (feed == null) {
        evaluated.handle(result);
      } else {
        feed.runOnContext(v -> evaluated.handle(result));
      }
    }
  }
}
