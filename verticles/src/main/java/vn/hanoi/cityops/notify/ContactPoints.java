package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for {@code contact_point}. Every change to a person's contact points locks the person's {@code app_user} row
 * first, so the rule that a person with any contact point has an email one holds under concurrent changes on any
 * node: the first contact point must be an email ({@code email_required}) and the last email cannot be removed
 * ({@code last_email}); the same channel and address twice is {@code duplicate} (all three conflicts).
 */
final class ContactPoints {
  private static final String COLUMNS = "id, user_id, channel, address, p256dh, auth_secret, position, fallback_only, "
      + "quiet_from, quiet_to, created_at, updated_at";
  private static final String LOCK_PERSON = "SELECT id FROM app_user WHERE id = $1 FOR UPDATE";
  private static final String EMAILS = "SELECT count(*) FROM contact_point WHERE user_id = $1 AND channel = 'email'";
  private static final String INSERT = """
      INSERT INTO contact_point (user_id, channel, address, p256dh, auth_secret, position, fallback_only, quiet_from, quiet_to)
      VALUES ($1, $2, $3, $4, $5,
              coalesce($6, (SELECT coalesce(max(position) + 1, 0) FROM contact_point WHERE user_id = $1)),
              $7, $8, $9)
      ON CONFLICT (user_id, channel, address) DO NOTHING
      RETURNING\s""" + COLUMNS;
  private static final String UPDATE = """
      UPDATE contact_point SET position = coalesce($3, position), fallback_only = coalesce($4, fallback_only),
             quiet_from = CASE WHEN $5 THEN $6::time ELSE quiet_from END,
             quiet_to = CASE WHEN $5 THEN $7::time ELSE quiet_to END,
             updated_at = now()
      WHERE id = $1 AND user_id = $2
      RETURNING\s""" + COLUMNS;
  private static final String SEED_EMAIL = """
      INSERT INTO contact_point (user_id, channel, address, position)
      SELECT $1, 'email', $2, 0
      WHERE NOT EXISTS (SELECT 1 FROM contact_point WHERE user_id = $1 AND channel = 'email')
      ON CONFLICT (user_id, channel, address) DO NOTHING
      RETURNING\s""" + COLUMNS;

  /** A contact point to add; {@code position} null: after the person's others; {@code quietHours} null: none. */
  record New(ChannelKind channel, String address, String p256dh, String auth, Integer position, boolean fallbackOnly,
             QuietHours quietHours) {
  }

  /** Changes to a contact point; null: unchanged ({@code quietHoursChanged} with {@code quietHours} null removes them). */
  record Changes(Integer position, Boolean fallbackOnly, boolean quietHoursChanged, QuietHours quietHours) {
  }

  private final Pool pool;

  ContactPoints(Pool pool) {
    this.pool = pool;
  }

  /** A person's contact points in their order. */
  Future<List<ContactPoint>> of(long userId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM contact_point WHERE user_id = $1 ORDER BY position, id")
        .execute(Tuple.of(userId)).map(ContactPoints::all);
  }

  Future<Optional<ContactPoint>> find(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM contact_point WHERE id = $1").execute(Tuple.of(id))
        .map(ContactPoints::one);
  }

  Future<ContactPoint> add(long userId, New n) {
    return pool.withTransaction(conn -> lockPerson(conn, userId)
        .compose(v -> n.channel() == ChannelKind.EMAIL ? Future.succeededFuture() : emails(conn, userId).compose(emails -> emails > 0
            ? Future.succeededFuture()
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "email_required",
                "add an email contact point first: every person who can be reached has one"))))
        .compose(v -> conn.preparedQuery(INSERT).execute(Tuple.from(new Object[]{userId, n.channel().code(), n.address(),
            n.p256dh(), n.auth(), n.position(), n.fallbackOnly(), from(n.quietHours()), to(n.quietHours())})))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "duplicate",
                "this " + n.channel().code() + " contact point is already there"))
            : Future.succeededFuture(one(rows).orElseThrow())));
  }

  /** The changed contact point; empty when the person has no such contact point. */
  Future<Optional<ContactPoint>> update(long userId, long id, Changes c) {
    return pool.preparedQuery(UPDATE).execute(Tuple.from(new Object[]{id, userId, c.position(), c.fallbackOnly(),
            c.quietHoursChanged(), from(c.quietHours()), to(c.quietHours())}))
        .map(ContactPoints::one);
  }

  /** The removed contact point; empty when the person has no such contact point; {@code last_email} when it is their last email. */
  Future<Optional<ContactPoint>> remove(long userId, long id) {
    return pool.withTransaction(conn -> lockPerson(conn, userId)
        .compose(v -> conn.preparedQuery("DELETE FROM contact_point WHERE id = $1 AND user_id = $2 RETURNING " + COLUMNS)
            .execute(Tuple.of(id, userId)))
        .map(ContactPoints::one)
        .compose(removed -> removed.isEmpty() || removed.get().channel() != ChannelKind.EMAIL
            ? Future.succeededFuture(removed)
            : emails(conn, userId).compose(left -> left > 0
                ? Future.succeededFuture(removed)
                : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "last_email",
                    "this is the last email contact point: add another email first")))));
  }

  /** Removes a push subscription its push service says is gone; empty when it was already removed. */
  Future<Optional<ContactPoint>> removeExpired(long id) {
    return pool.preparedQuery("DELETE FROM contact_point WHERE id = $1 AND channel = 'webpush' RETURNING " + COLUMNS)
        .execute(Tuple.of(id)).map(ContactPoints::one);
  }

  /** Gives a person {@code address} as their email contact point unless they have one; the new one, if any. */
  Future<Optional<ContactPoint>> seedEmail(long userId, String address) {
    return pool.preparedQuery(SEED_EMAIL).execute(Tuple.of(userId, address)).map(ContactPoints::one);
  }

  private static Future<Void> lockPerson(SqlConnection conn, long userId) {
    return conn.preparedQuery(LOCK_PERSON).execute(Tuple.of(userId)).compose(rows -> rows.size() == 1
        ? Future.succeededFuture()
        : Future.failedFuture(Failure.notFound("no user " + userId)));
  }

  private static Future<Long> emails(SqlConnection conn, long userId) {
    return conn.preparedQuery(EMAILS).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
  }

  private static LocalTime from(QuietHours q) {
    return q == null ? null : q.from();
  }

  private static LocalTime to(QuietHours q) {
    return q == null ? null : q.to();
  }

  private static Optional<ContactPoint> one(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(toContactPoint(rows.iterator().next()));
  }

  private static List<ContactPoint> all(RowSet<Row> rows) {
    List<ContactPoint> points = new ArrayList<>();
    rows.forEach(r -> points.add(toContactPoint(r)));
    return points;
  }

  private static ContactPoint toContactPoint(Row r) {
    LocalTime from = r.getLocalTime("quiet_from");
    return new ContactPoint(r.getLong("id"), r.getLong("user_id"), ChannelKind.of(r.getString("channel")).orElseThrow(),
        r.getString("address"), r.getString("p256dh"), r.getString("auth_secret"), r.getInteger("position"),
        r.getBoolean("fallback_only"), from == null ? null : new QuietHours(from, r.getLocalTime("quiet_to")),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
  }
}
