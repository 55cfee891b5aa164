package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.bus.EventSink;
import vn.hanoi.cityops.bus.FeedSignal;

import java.util.List;

/**
 * Events the node itself observes (a system gone silent): stored in the same event log, by the same statement and
 * transaction as ingested ones (so they get a sequence number, update the current state and are deduplicated by
 * source and id), then announced by the feed signal, so every node and screen sees them. Thread-safe (the
 * validator's schema is).
 */
public final class InternalEvents implements EventSink {
  private final FeedSignal signal;
  private final EventRepository repository;
  private final EventValidator validator = new EventValidator();

  public InternalEvents(Pool pool, FeedSignal signal) {
    this.signal = signal;
    this.repository = new EventRepository(pool);
  }

  /**
   * Stores {@code event} (it must satisfy the public event schema) as sent by {@code source}: true once it is
   * committed, false if that source already stored an event with that id.
   */
  @Override
  public Future<Boolean> store(String source, JsonObject event) {
    return validated(source, event).compose(incoming -> repository.insert(List.of(incoming)).map(stored -> {
      boolean fresh = stored.get(incoming.key()) != null;
      if (fresh) {
        signal.changed();
      }
      return fresh;
    }));
  }

  private Future<IncomingEvent> validated(String source, JsonObject event) {
    try {
      return Future.succeededFuture(validator.validate(List.of(event), source).get(0));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
