package vn.hanoi.cityops.bus;

import io.vertx.core.Vertx;

/**
 * Tells every node (over the clustered bus) that the event log has something new: publish after the commit. One
 * signal, empty, however much was written; each node's feed then reads what is new from PostgreSQL.
 */
public final class FeedSignal {
  private final Vertx vertx;

  public FeedSignal(Vertx vertx) {
    this.vertx = vertx;
  }

  public void changed() {
    vertx.eventBus().publish(Addresses.FEED_CHANGED, null);
  }
}
