package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.failure.Failure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the batches of concurrent requests arriving within a few milliseconds into one statement and
 * one transaction, and answers each request once that transaction has committed. While a write is in
 * flight the next batch keeps filling, so the batch size follows the load. Runs on one event loop (one
 * per HTTP verticle instance): no locks.
 */
final class EventWriter {
  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
  private static final int MAX_IN_FLIGHT = 2;
  private static final int MAX_EVENTS_PER_WRITE = 5_000;

  /** What a request's events came to: new ones with their sequence numbers, and the duplicates. */
  record Outcome(List<IncomingEvent> stored, List<Long> seqs, int duplicates) {
  }

  private record Pending(List<IncomingEvent> events, Promise<Outcome> promise) {
  }

  private final Vertx vertx;
  private final EventRepository repository;
  private final IngestMetrics metrics;
  private final long windowMs;
  private final int maxQueuedEvents;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private int queuedEvents;
  private int inFlight;
  private boolean timerSet;

  EventWriter(Vertx vertx, EventRepository repository, IngestMetrics metrics, long windowMs, int maxQueuedEvents) {
    this.vertx = vertx;
    this.repository = repository;
    this.metrics = metrics;
    this.windowMs = windowMs;
    this.maxQueuedEvents = maxQueuedEvents;
  }

  Future<Outcome> write(List<IncomingEvent> events) {
    if (queuedEvents + events.size() > maxQueuedEvents) {
      return Future.failedFuture(new Failure(Failure.Kind.UNAVAILABLE, "overloaded",
          "the node is writing as fast as its database allows; retry shortly", new io.vertx.core.json.JsonArray(), 1));
    }
    Promise<Outcome> promise = Promise.promise();
    queue.add(new Pending(events, promise));
    queuedEvents += events.size();
    if (!timerSet && inFlight < MAX_IN_FLIGHT) {
      timerSet = true;
      vertx.setTimer(windowMs, id -> {
        timerSet = false;
        flush();
      });
    }
    return promise.future();
  }

  private void flush() {
    while (inFlight < MAX_IN_FLIGHT && !queue.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      int events = 0;
      while (!queue.isEmpty() && (batch.isEmpty() || events + queue.peek().events().size() <= MAX_EVENTS_PER_WRITE)) {
        Pending p = queue.poll();
        batch.add(p);
        events += p.events().size();
      }
      queuedEvents -= events;
      inFlight++;
      store(batch).onComplete(done -> {
        inFlight--;
        flush();
      });
    }
  }

  /** Writes the batch; if the database refuses its data, writes each request alone so one cannot sink the rest. */
  private Future<Void> store(List<Pending> batch) {
    List<IncomingEvent> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Pending p : batch) {
      for (IncomingEvent e : p.events()) {
        if (seen.add(e.key())) {
          unique.add(e);
        }
      }
    }
    metrics.recordWrite(unique.size());
    return repository.insert(unique)
        .map(stored -> {
          answer(batch, stored);
          return (Void) null;
        })
        .recover(failure -> {
          if (isDataError(failure) && batch.size() > 1) {
            LOG.warn("ingest_write=split requests={} reason={}", batch.size(), failure.getMessage());
            Future<Void> chain = Future.succeededFuture();
            for (Pending p : batch) {
              chain = chain.compose(v -> store(List.of(p)));
            }
            return chain;
          }
          Failure error = toFailure(failure);
          batch.forEach(p -> p.promise().fail(error));
          return Future.succeededFuture();
        });
  }

  /** Events of the batch share one key space: the first request to carry a key gets it, later ones a duplicate. */
  private static void answer(List<Pending> batch, Map<String, Long> stored) {
    Set<String> claimed = new HashSet<>();
    for (Pending p : batch) {
      List<IncomingEvent> mine = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      for (IncomingEvent e : p.events()) {
        Long seq = stored.get(e.key());
        if (seq != null && claimed.add(e.key())) {
          mine.add(e);
          seqs.add(seq);
        }
      }
      p.promise().complete(new Outcome(mine, seqs, p.events().size() - mine.size()));
    }
  }

  private static boolean isDataError(Throwable failure) {
    return failure instanceof PgException pg && pg.getSqlState() != null
        && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
  }

  private static Failure toFailure(Throwable failure) {
    if (isDataError(failure)) {
      return new Failure(Failure.Kind.UNPROCESSABLE, "rejected_by_store", "the database refused this batch: " + failure.getMessage());
    }
    if (failure instanceof PgException pg && pg.getSqlState() != null && !pg.getSqlState().startsWith("08")
        && !pg.getSqlState().startsWith("53") && !pg.getSqlState().startsWith("57")) {
      LOG.error("ingest_write=failed sql_state={}", pg.getSqlState(), failure);
      return new Failure(Failure.Kind.INTERNAL, "internal_error", "storing the batch failed; it has been logged");
    }
    LOG.warn("ingest_write=unavailable reason={}", failure.getMessage());
    return Failure.unavailable("storage is unavailable; nothing was stored, retry later", 5);
  }
}
