package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static vn.hanoi.cityops.oncall.Ledger.instant;

/**
 * The one-tap acknowledge links of pages: a random token (32 bytes, base64url) that only the message carries, kept
 * as its SHA-256 in {@code oncall_ack_token}; single use (the first use wins on any node), expiring after
 * {@code oncall.ackLinkMinutes}. {@link #peek} reads what a link acknowledges without using it (the page a link
 * previewer fetches must not act); {@link #use} uses it or says why not: unknown ({@code 401}: the link is the
 * credential), used ({@code 409}), expired ({@code 410}).
 */
public final class AckLinks {
  private static final String ISSUE = Sql.load("oncall/ack-issue.sql");
  private static final String USE = Sql.load("oncall/ack-use.sql");
  private static final String PEEK = Sql.load("oncall/ack-peek.sql");
  private static final String RELEASE = Sql.load("oncall/ack-release.sql");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a link acknowledges, for whom, and whether it can still be used. */
  public record Link(String username, Instant expiresAt, Instant usedAt, boolean expired, long pageId, long episodeId,
                     String group, String system, String titleVi, String titleEn, String severity, Instant since,
                     Instant closedAt, long leadAlertId, Instant acknowledgedAt, String acknowledgedBy,
                     long openAlerts, long firingAlerts) {
    public String status() {
      return usedAt != null ? "used" : expired ? "expired" : "usable";
    }
  }

  private final Pool pool;
  private final int minutes;

  /** {@code minutes}: how long a link lives ({@code oncall.ackLinkMinutes}). */
  public AckLinks(Pool pool, int minutes) {
    this.pool = pool;
    this.minutes = minutes;
  }

  public int minutes() {
    return minutes;
  }

  /** A new link for page {@code pageId} of outage {@code episodeId} to {@code username}; answers its token. */
  public Future<String> issue(long episodeId, long pageId, String username) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    return pool.preparedQuery(ISSUE).execute(Tuple.of(hash(token), episodeId, pageId, username, minutes)).map(token);
  }

  /** What the link acknowledges, unused; {@code 401} when no link has this token. */
  public Future<Link> peek(String token) {
    return pool.preparedQuery(PEEK).execute(Tuple.of(hash(token))).compose(rows -> rows.size() == 0
        ? Future.failedFuture(unknown())
        : Future.succeededFuture(link(rows.iterator().next())));
  }

  /** Uses the link: answers what it acknowledges; fails {@code 401} unknown, {@code 409} used, {@code 410} expired. */
  public Future<Link> use(String token) {
    String hash = hash(token);
    return pool.preparedQuery(USE).execute(Tuple.of(hash)).compose(used -> peek(token).compose(link -> {
      if (used.size() > 0) {
        return Future.succeededFuture(link);
      }
      return Future.failedFuture(link.usedAt() != null
          ? new Failure(Failure.Kind.CONFLICT, "link_used", "this acknowledge link was already used at " + link.usedAt())
          : new Failure(Failure.Kind.GONE, "link_expired", "this acknowledge link expired at " + link.expiresAt()
              + "; acknowledge in the SRE console"));
    }));
  }

  /** The acknowledgement a used link stood for could not be made: it may be used again. */
  public Future<Void> release(String token) {
    return pool.preparedQuery(RELEASE).execute(Tuple.of(hash(token))).mapEmpty();
  }

  /** A token's hash as stored; the token itself is never stored. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** No link has this token (or none was given): the link is the credential, so {@code 401}. */
  static Failure unknown() {
    return Failure.unauthenticated("this acknowledge link is not valid: open the alert in the SRE console and sign in");
  }

  private static Link link(Row r) {
    return new Link(r.getString("username"), instant(r, "expires_at"), instant(r, "used_at"), r.getBoolean("expired"),
        r.getLong("page_id"), r.getLong("episode_id"), r.getString("group_key"), r.getString("system_code"),
        r.getString("title_vi"), r.getString("title_en"), r.getString("severity"), instant(r, "opened_at"),
        instant(r, "closed_at"), r.getLong("lead_alert_id"), instant(r, "acknowledged_at"),
        r.getString("acknowledged_by"), r.getLong("open_count"), r.getLong("firing_count"));
  }
}
