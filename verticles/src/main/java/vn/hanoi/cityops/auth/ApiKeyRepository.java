package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL for {@code api_key}. */
public final class ApiKeyRepository {
  private static final String USED = Sql.load("auth/api-key-used.sql");

  private static final String COLUMNS = "id, name, source, systems, agencies, prefix, created_at, revoked_at, last_used_at";

  private final Pool pool;

  public ApiKeyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<ApiKey>> listAll() {
    return pool.query("SELECT " + COLUMNS + " FROM api_key ORDER BY id").execute().map(ApiKeyRepository::toKeys);
  }

  /** Active keys with their hashes: what every node caches. */
  public Future<List<Cached>> activeWithHashes() {
    return pool.query("SELECT secret_hash, " + COLUMNS + " FROM api_key WHERE revoked_at IS NULL").execute()
        .map(rows -> {
          List<Cached> keys = new ArrayList<>();
          for (Row r : rows) {
            keys.add(new Cached(r.getString("secret_hash"), toKey(r)));
          }
          return keys;
        });
  }

  public Future<Optional<ApiKey>> findActiveByHash(String hash) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_key WHERE secret_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(hash))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toKey(rows.iterator().next())));
  }

  /** Creates a key; empty when the name is taken. */
  public Future<Optional<ApiKey>> create(String name, String source, Set<String> systems, Set<String> agencies,
                                         String secretHash, String prefix) {
    return pool.preparedQuery("INSERT INTO api_key (name, source, systems, agencies, secret_hash, prefix) "
            + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.of(name, source, systems.toArray(String[]::new), agencies.toArray(String[]::new),
            secretHash, prefix))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toKey(rows.iterator().next())));
  }

  /** The keys the node itself owns (bootstrap, simulator): their secret is whatever the node now holds. */
  public Future<ApiKey> upsertNodeKey(String name, String source, String secretHash, String prefix) {
    return pool.preparedQuery("INSERT INTO api_key (name, source, systems, agencies, secret_hash, prefix) "
            + "VALUES ($1, $2, '{*}', '{*}', $3, $4) "
            + "ON CONFLICT (name) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, prefix = EXCLUDED.prefix, "
            + "systems = '{*}', agencies = '{*}', revoked_at = NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(name, source, secretHash, prefix))
        .map(rows -> toKey(rows.iterator().next()));
  }

  /** Revokes a key; empty when there is no such key. Revoking twice keeps the first time. */
  public Future<Optional<ApiKey>> revoke(long id) {
    return pool.preparedQuery("UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toKey(rows.iterator().next())));
  }

  /** Notes that the keys were used at the given times (a later use stored by another node is kept). */
  public Future<Void> markUsed(Map<Long, Instant> uses) {
    Long[] ids = uses.keySet().toArray(Long[]::new);
    OffsetDateTime[] at = Arrays.stream(ids).map(id -> uses.get(id).atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
    return pool.preparedQuery(USED).execute(Tuple.tuple().addValue(ids).addValue(at)).mapEmpty();
  }

  public record Cached(String hash, ApiKey key) {
  }

  private static List<ApiKey> toKeys(RowSet<Row> rows) {
    List<ApiKey> keys = new ArrayList<>();
    rows.forEach(r -> keys.add(toKey(r)));
    return keys;
  }

  private static ApiKey toKey(Row r) {
    return new ApiKey(r.getLong("id"), r.getString("name"), r.getString("source"),
        Set.of(r.getArrayOfStrings("systems")), Set.of(r.getArrayOfStrings("agencies")), r.getString("prefix"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("revoked_at"), r.getOffsetDateTime("last_used_at"));
  }
}
