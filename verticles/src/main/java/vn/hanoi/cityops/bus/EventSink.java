package vn.hanoi.cityops.bus;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Stores an event the node itself observed (a system gone silent) through the same path as ingested ones: the
 * public event schema, the same statement and transaction, deduplication by source and id, then the feed signal.
 */
public interface EventSink {
  /** True once {@code event}, sent as {@code source}, is committed; false if that source already stored that id. */
  Future<Boolean> store(String source, JsonObject event);
}
