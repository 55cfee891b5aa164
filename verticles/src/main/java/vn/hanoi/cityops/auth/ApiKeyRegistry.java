package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.failure.Failure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authenticates ingestion requests by API key. Each node caches the active keys by hash and reloads
 * them every few seconds and whenever a node announces a change, so a revoked key is refused on every
 * node within seconds; an unknown hash is looked up in PostgreSQL before it is refused.
 * <p>Reads overlap (a periodic reload, a reload on a change, a lookup), so each takes a ticket when it
 * starts: a reload replaces the cache only if no later-started reload has already done so, and a lookup
 * adds its key only if no reload landed while it was reading. A read that began before a revocation was
 * committed can therefore never put the revoked key back.
 * <p>A key that authenticates is noted with the time in memory; the notes go to PostgreSQL ({@code last_used_at})
 * with each periodic reload and before the keys are listed ({@link #writeUses}), one statement for all of them.
 */
public final class ApiKeyRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRegistry.class);
  private static final String BEARER = "Bearer ";

  private final ApiKeyRepository repository;
  private volatile Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
  private final AtomicLong tickets = new AtomicLong();
  /** The ticket of the reload whose keys are in the cache. */
  private final AtomicLong loaded = new AtomicLong();
  /** Key id → when it last authenticated on this node, not yet written. */
  private final Map<Long, Instant> uses = new ConcurrentHashMap<>();

  public ApiKeyRegistry(ApiKeyRepository repository) {
    this.repository = repository;
  }

  /** Loads the keys, then keeps them fresh: every {@code refreshMs} and on {@link Addresses#API_KEYS_CHANGED}. */
  public Future<Void> start(Vertx vertx, long refreshMs) {
    vertx.eventBus().consumer(Addresses.API_KEYS_CHANGED, msg -> refresh());
    vertx.setPeriodic(refreshMs, id -> refresh().eventually(this::writeUses));
    return refresh();
  }

  /** Reloads the keys; completes once the cache holds keys read after this call (or later ones). */
  public Future<Void> refresh() {
    long ticket = tickets.incrementAndGet();
    return repository.activeWithHashes()
        .onFailure(e -> LOG.warn("api_keys=refresh_failed reason={}", e.getMessage()))
        .map(keys -> {
          Map<String, ApiKey> fresh = new HashMap<>();
          keys.forEach(k -> fresh.put(k.hash(), k.key()));
          synchronized (this) {
            if (ticket > loaded.get()) {
              byHash = new ConcurrentHashMap<>(fresh);
              loaded.set(ticket);
            }
          }
          return null;
        });
  }

  public Future<ApiKey> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || authorization.length() == BEARER.length()) {
      return Future.failedFuture(Failure.unauthenticated("missing API key: send 'Authorization: Bearer <api key>'"));
    }
    String hash = KeySecrets.hash(authorization.substring(BEARER.length()).trim());
    ApiKey cached = byHash.get(hash);
    if (cached != null) {
      uses.put(cached.id(), Instant.now());
      return Future.succeededFuture(cached);
    }
    long ticket = tickets.incrementAndGet();
    return repository.findActiveByHash(hash)
        .recover(e -> Future.failedFuture(Failure.unavailable("cannot check the API key now: storage unavailable", 5)))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(Failure.unauthenticated("unknown or revoked API key"));
          }
          synchronized (this) {
            if (loaded.get() < ticket) { // no reload landed since this read began
              byHash.put(hash, found.get());
            }
          }
          uses.put(found.get().id(), Instant.now());
          return Future.succeededFuture(found.get());
        });
  }

  /** Writes the uses noted since the last write; a failed write keeps them for the next (the latest use wins). */
  public Future<Void> writeUses() {
    if (uses.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<Long, Instant> batch = new HashMap<>();
    for (Long id : uses.keySet()) {
      Instant at = uses.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    return repository.markUsed(batch).recover(e -> {
      LOG.warn("api_keys=last_used_write_failed keys={} reason={}", batch.size(), e.getMessage());
      batch.forEach((id, at) -> uses.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
      return Future.succeededFuture();
    });
  }
}
