package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for {@code notification} and {@code notification_attempt}: every message, every attempt and skip, read back
 * for the console's timeline. The per-person rate limit is decided here, where it holds for the whole cluster: a
 * message is opened under a transaction-scoped advisory lock on the person, after counting their messages of the
 * last minute (the rate-limited ones not counted).
 */
final class NotificationLog {
  private static final String NOTIFICATION_COLUMNS = "id, username, ref, subject, status, created_at, finished_at";
  private static final String ATTEMPT_COLUMNS = "id, notification_id, channel, contact_point_id, address, attempt, "
      + "status, http_status, error, duration_ms, at";
  private static final String LOCK_PERSON = "SELECT pg_advisory_xact_lock(hashtext('cityops.notify:' || $1))";
  private static final String RECENT = "SELECT count(*) FROM notification "
      + "WHERE username = $1 AND created_at > now() - interval '1 minute' AND status <> 'rate_limited'";
  private static final String OPEN = "INSERT INTO notification (username, ref, subject, urgency, tag, status) "
      + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + NOTIFICATION_COLUMNS;
  private static final String ATTEMPT = "INSERT INTO notification_attempt "
      + "(notification_id, channel, contact_point_id, address, attempt, status, http_status, error, duration_ms) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String FINISH = "UPDATE notification SET status = $2, finished_at = now() WHERE id = $1";

  /** An attempt to record (its id and time come from the database). */
  record Line(ChannelKind channel, Long contactPointId, String address, int attempt, Attempt.Status status,
              Integer httpStatus, String error, Integer durationMs) {
  }

  private final Pool pool;

  NotificationLog(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records a new message to {@code username}: {@code pending}, or {@code rate_limited} when the person was sent
   * {@code maxPerMinute} messages in the last minute already.
   */
  Future<Notification> open(String username, String ref, Letter letter, int maxPerMinute) {
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_PERSON).execute(Tuple.of(username))
        .compose(locked -> conn.preparedQuery(RECENT).execute(Tuple.of(username)))
        .map(rows -> rows.iterator().next().getLong(0) >= maxPerMinute
            ? Notification.Status.RATE_LIMITED : Notification.Status.PENDING)
        .compose(status -> conn.preparedQuery(OPEN).execute(Tuple.of(username, ref, letter.subject(),
            letter.urgency().code(), letter.tag(), status.code())))
        .map(rows -> notification(rows.iterator().next(), List.of())));
  }

  Future<Void> record(long notificationId, Line a) {
    return pool.preparedQuery(ATTEMPT).execute(Tuple.from(new Object[]{notificationId,
            a.channel() == null ? null : a.channel().code(), a.contactPointId(), a.address(), a.attempt(),
            a.status().code(), a.httpStatus(), a.error(), a.durationMs()}))
        .mapEmpty();
  }

  /** Sets the outcome and answers the message with its attempts. */
  Future<Notification> finish(long id, Notification.Status status) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(id, status.code())).compose(v -> read(id));
  }

  Future<Notification> read(long id) {
    return pool.preparedQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notification WHERE id = $1")
        .execute(Tuple.of(id))
        .compose(rows -> attempts(id).map(attempts -> notification(rows.iterator().next(), attempts)));
  }

  Future<List<Attempt>> attempts(long notificationId) {
    return pool.preparedQuery("SELECT " + ATTEMPT_COLUMNS + " FROM notification_attempt WHERE notification_id = $1 ORDER BY id")
        .execute(Tuple.of(notificationId))
        .map(NotificationLog::attempts);
  }

  /** The messages about {@code ref}, oldest first (at most 1,000), each with its attempts. */
  Future<List<Notification>> byRef(String ref) {
    return pool.preparedQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notification WHERE ref = $1 ORDER BY id LIMIT 1000")
        .execute(Tuple.of(ref))
        .compose(rows -> {
          Long[] ids = new Long[rows.size()];
          int i = 0;
          for (Row r : rows) {
            ids[i++] = r.getLong("id");
          }
          return pool.preparedQuery("SELECT " + ATTEMPT_COLUMNS + " FROM notification_attempt "
                  + "WHERE notification_id = ANY ($1) ORDER BY id")
              .execute(Tuple.of(ids))
              .map(attemptRows -> {
                Map<Long, List<Attempt>> byNotification = new HashMap<>();
                attempts(attemptRows).forEach(a -> byNotification.computeIfAbsent(a.notificationId(), k -> new ArrayList<>()).add(a));
                List<Notification> found = new ArrayList<>();
                rows.forEach(r -> found.add(notification(r, byNotification.getOrDefault(r.getLong("id"), List.of()))));
                return found;
              });
        });
  }

  private static Notification notification(Row r, List<Attempt> attempts) {
    return new Notification(r.getLong("id"), r.getString("username"), r.getString("ref"), r.getString("subject"),
        Notification.Status.of(r.getString("status")), r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("finished_at"), attempts);
  }

  private static List<Attempt> attempts(RowSet<Row> rows) {
    List<Attempt> attempts = new ArrayList<>();
    for (Row r : rows) {
      String channel = r.getString("channel");
      attempts.add(new Attempt(r.getLong("id"), r.getLong("notification_id"),
          channel == null ? null : ChannelKind.of(channel).orElseThrow(), r.getLong("contact_point_id"),
          r.getString("address"), r.getInteger("attempt"), Attempt.Status.of(r.getString("status")),
          r.getInteger("http_status"), r.getString("error"), r.getInteger("duration_ms"), r.getOffsetDateTime("at")));
    }
    return attempts;
  }
}
