package vn.hanoi.cityops.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.app.NodeContext;

import java.util.List;

/**
 * Events the node itself observes (a system gone silent): stored in the same event log, by the same
 * statement and transaction as ingested ones (so they get a sequence number, update the current state
 * and are deduplicated by source and id), then published on {@link Addresses#INGEST_ACCEPTED} exactly as
 * {@link IngestRoutes} publishes, so every node and screen sees them. Not thread-safe: one per verticle.
 */
public final class InternalEvents {
  private final Vertx vertx;
  private final String nodeId;
  private final EventRepository repository;
  private final EventValidator validator = new EventValidator();

  public InternalEvents(Vertx vertx, NodeContext node) {
    this.vertx = vertx;
    this.nodeId = node.nodeId();
    this.repository = new EventRepository(node.database().pool());
  }

  /**
   * Stores {@code event} (it must satisfy the public event schema) as sent by {@code source}: true once it is
   * committed and published, false if that source already stored an event with that id.
   */
  public Future<Boolean> store(String source, JsonObject event) {
    return Future.succeededFuture()
        .map(v -> validator.validate(List.of(event), source).get(0))
        .compose(incoming -> repository.insert(List.of(incoming)).map(stored -> {
          Long seq = stored.get(incoming.key());
          if (seq == null) {
            return false;
          }
          publish(vertx, nodeId, List.of(incoming), List.of(seq));
          return true;
        }));
  }

  /** The one shape of {@link Addresses#INGEST_ACCEPTED}: {@code {"node", "events": [payload + seq + source]}}. */
  static void publish(Vertx vertx, String nodeId, List<IncomingEvent> stored, List<Long> seqs) {
    if (stored.isEmpty()) {
      return;
    }
    JsonArray events = new JsonArray();
    for (int i = 0; i < stored.size(); i++) {
      IncomingEvent e = stored.get(i);
      events.add(e.payload().copy().put("seq", seqs.get(i)).put("source", e.source()));
    }
    vertx.eventBus().publish(Addresses.INGEST_ACCEPTED, new JsonObject().put("node", nodeId).put("events", events));
  }
}
