package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonArray;
import vn.hanoi.cityops.auth.ApiKey;
import vn.hanoi.cityops.failure.Failure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per API key on this node: a flood from one sender gets 429s, not the database. */
public final class KeyRateLimiter {
  private final double eventsPerSecond;
  private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

  public KeyRateLimiter(double eventsPerSecond) {
    this.eventsPerSecond = eventsPerSecond;
  }

  void acquire(ApiKey key, int events) {
    TokenBucket bucket = buckets.computeIfAbsent(key.id(), id -> new TokenBucket(eventsPerSecond, System.nanoTime()));
    long wait = bucket.tryAcquire(events, System.nanoTime());
    if (wait > 0) {
      throw new Failure(Failure.Kind.TOO_MANY, "rate_limited", "API key '" + key.name() + "' may send " + (long) eventsPerSecond
          + " events per second; retry after " + wait + " s", new JsonArray(), (int) wait);
    }
  }
}
