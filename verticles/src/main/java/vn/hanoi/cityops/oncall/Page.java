package vn.hanoi.cityops.oncall;

import java.time.Instant;

/**
 * One message the engine owed someone and claimed ({@code oncall_page}): of an outage ({@code episodeId}) or, for a
 * handoff, of a rotation; its kind, round and step, the person, when it fell due; its state ({@code claimed} while
 * a node sends it, then {@code sent}, {@code failed} or {@code cancelled}), which node holds it and until when, how
 * often it was taken over, and the notification that carried it ({@link vn.hanoi.cityops.notify.Notifier#byRef}
 * with {@code page:<id>} reads its attempts).
 */
public record Page(long id, Long episodeId, Long rotationId, Paging.Kind kind, int round, int step, String username,
                   Instant dueAt, String state, String claimedBy, Instant leaseUntil, int takeovers,
                   Long notificationId, Instant createdAt, Instant finishedAt) {
  public static final String CLAIMED = "claimed";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  /** What {@code Notifier.notify} is told the message is about, so its attempts can be read back. */
  public String ref() {
    return ref(id);
  }

  public static String ref(long id) {
    return "page:" + id;
  }

  /** Its key: what makes it one row whatever node claims it. */
  public Key key() {
    return new Key(episodeId, rotationId, kind, round, step, username, kind == Paging.Kind.HANDOFF ? dueAt : null);
  }

  /** The unique key of a page ({@code at} only for a handoff, whose rotation hands over at that instant). */
  public record Key(Long episodeId, Long rotationId, Paging.Kind kind, int round, int step, String username,
                    Instant at) {
  }
}
