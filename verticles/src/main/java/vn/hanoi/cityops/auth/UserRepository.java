package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** SQL for {@code app_user} and {@code user_session}. */
public final class UserRepository {
  private static final String COLUMNS =
      "id, username, display_name, agency_code, language, roles, password_hash, active, created_at, updated_at, totp_enabled";

  /** A user as stored. {@link #toJson()} never includes the password hash. */
  public record User(long id, String username, String displayName, String agency, String language, Set<Role> roles,
                     String passwordHash, boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                     boolean twoStep) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("username", username)
          .put("displayName", displayName)
          .put("agency", agency)
          .put("language", language)
          .put("roles", new JsonArray(roles.stream().map(Role::code).sorted().toList()))
          .put("active", active)
          .put("twoStep", twoStep)
          .put("createdAt", createdAt.toString())
          .put("updatedAt", updatedAt.toString());
    }
  }

  /** The fields of a new user, or the changes to one (null: unchanged). */
  public record UserFields(String displayName, String agency, String language, Set<Role> roles, String passwordHash,
                           Boolean active) {
  }

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<User>> findByUsername(String username) {
    return one(pool.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = $1").execute(Tuple.of(username)));
  }

  public Future<Optional<User>> findById(long id) {
    return one(pool.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = $1").execute(Tuple.of(id)));
  }

  public Future<List<User>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username").execute().map(rows -> {
      List<User> users = new ArrayList<>();
      rows.forEach(r -> users.add(toUser(r)));
      return users;
    });
  }

  /** Creates the user; empty when the username is taken. */
  public Future<Optional<User>> create(String username, UserFields f) {
    return one(pool.preparedQuery("INSERT INTO app_user (username, display_name, agency_code, language, roles, password_hash) "
            + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.of(username, f.displayName(), f.agency(), f.language(), codes(f.roles()), f.passwordHash())));
  }

  /** The change would leave no active admin, so it was rolled back. */
  public static final class LastAdminException extends RuntimeException {
    LastAdminException() {
      super("the change would leave no active admin", null, false, false);
    }
  }

  /**
   * Applies the non-null fields; empty when there is no such user. Fails with {@link LastAdminException}
   * (and changes nothing) when no active admin would remain: the admins' rows are locked first, so two
   * concurrent demotions of the last two admins cannot both pass.
   */
  public Future<Optional<User>> update(long id, UserFields f) {
    return pool.withTransaction(conn -> conn
        .query("SELECT id FROM app_user WHERE active AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE").execute()
        .compose(locked -> one(conn.preparedQuery("UPDATE app_user SET display_name = coalesce($2, display_name), "
                + "agency_code = coalesce($3, agency_code), language = coalesce($4, language), roles = coalesce($5, roles), "
                + "password_hash = coalesce($6, password_hash), active = coalesce($7, active), updated_at = now() "
                + "WHERE id = $1 RETURNING " + COLUMNS)
            .execute(Tuple.of(id, f.displayName(), f.agency(), f.language(), f.roles() == null ? null : codes(f.roles()),
                f.passwordHash(), f.active()))))
        .compose(updated -> conn.query("SELECT count(*) FROM app_user WHERE active AND 'admin' = ANY (roles)").execute()
            .compose(rows -> rows.iterator().next().getLong(0) > 0
                ? Future.succeededFuture(updated)
                : Future.failedFuture(new LastAdminException()))));
  }

  /** A wall display: its user and the expiry of its newest session that has not ended (null: none). */
  public record Display(User user, OffsetDateTime tokenExpiresAt) {
  }

  /** The users with the display role, newest first. */
  public Future<List<Display>> displays() {
    return pool.query("SELECT " + COLUMNS + ", (SELECT max(s.expires_at) FROM user_session s WHERE s.user_id = u.id "
            + "AND s.ended_at IS NULL AND s.expires_at > now()) AS token_expires_at "
            + "FROM app_user u WHERE 'display' = ANY (roles) ORDER BY id DESC").execute()
        .map(rows -> {
          List<Display> displays = new ArrayList<>();
          rows.forEach(r -> displays.add(new Display(toUser(r), r.getOffsetDateTime("token_expires_at"))));
          return displays;
        });
  }

  public Future<Long> countActiveAdmins() {
    return pool.query("SELECT count(*) FROM app_user WHERE active AND 'admin' = ANY (roles)").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> startSession(String tokenId, long userId, OffsetDateTime expiresAt, String address) {
    return pool.preparedQuery("INSERT INTO user_session (token_id, user_id, expires_at, address) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(tokenId, userId, expiresAt, address)).mapEmpty();
  }

  public Future<Void> endSession(String tokenId) {
    return pool.preparedQuery("UPDATE user_session SET ended_at = coalesce(ended_at, now()) WHERE token_id = $1")
        .execute(Tuple.of(tokenId)).mapEmpty();
  }

  public Future<Void> endSessionsOf(long userId) {
    return pool.preparedQuery("UPDATE user_session SET ended_at = coalesce(ended_at, now()) WHERE user_id = $1")
        .execute(Tuple.of(userId)).mapEmpty();
  }

  /** Sessions ended before their token expired: those tokens must be refused. */
  public Future<Set<String>> endedUnexpiredTokens() {
    return pool.query("SELECT token_id FROM user_session WHERE ended_at IS NOT NULL AND expires_at > now()").execute()
        .map(rows -> {
          Set<String> ids = new HashSet<>();
          rows.forEach(r -> ids.add(r.getString(0)));
          return ids;
        });
  }

  private static Future<Optional<User>> one(Future<RowSet<Row>> rows) {
    return rows.map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(toUser(rs.iterator().next())));
  }

  private static String[] codes(Set<Role> roles) {
    return roles.stream().map(Role::code).sorted().toArray(String[]::new);
  }

  private static User toUser(Row r) {
    return new User(r.getLong("id"), r.getString("username"), r.getString("display_name"), r.getString("agency_code"),
        r.getString("language"),
        Arrays.stream(r.getArrayOfStrings("roles")).map(Role::of).collect(Collectors.toUnmodifiableSet()),
        r.getString("password_hash"), r.getBoolean("active"), r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"), Boolean.TRUE.equals(r.getBoolean("totp_enabled")));
  }
}
