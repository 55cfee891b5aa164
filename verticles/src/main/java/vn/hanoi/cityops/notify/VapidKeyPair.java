package vn.hanoi.cityops.notify;

import com.interaso.webpush.VapidKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Base64;

/**
 * The node's VAPID key pair, which signs every push and which browsers subscribe with: from configuration
 * ({@code notify.webpush.publicKey}/{@code privateKey}, base64url, uncompressed P-256 as the {@code web-push} tools
 * print them), else made by the first node that needs one and kept in PostgreSQL, so every node of the cluster
 * signs with the same key and subscriptions outlive restarts (as {@code auth/SigningSecret} keeps the token
 * secret). A configured pair that is not one stops the start.
 */
final class VapidKeyPair {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private VapidKeyPair() {
  }

  static Future<VapidKeys> resolve(Vertx vertx, AppConfig.WebPush settings, Pool pool) {
    if (!settings.publicKey().isBlank()) {
      return vertx.<VapidKeys>executeBlocking(() -> VapidKeys.fromUncompressedBytes(settings.publicKey(), settings.privateKey()))
          .recover(e -> Future.failedFuture(new IllegalStateException("notify.webpush.publicKey and notify.webpush.privateKey "
              + "(CITYOPS_NOTIFY_WEBPUSH_PUBLIC_KEY, CITYOPS_NOTIFY_WEBPUSH_PRIVATE_KEY) must be a P-256 key pair, "
              + "base64url, uncompressed: " + e.getMessage(), e)));
    }
    return vertx.executeBlocking(VapidKeys::generate)
        .compose(fresh -> pool.preparedQuery("INSERT INTO vapid_key (id, public_key, private_key) VALUES (1, $1, $2) "
                + "ON CONFLICT (id) DO NOTHING")
            .execute(Tuple.of(publicKey(fresh), privateKey(fresh))))
        .compose(v -> pool.query("SELECT public_key, private_key FROM vapid_key WHERE id = 1").execute())
        .compose(rows -> {
          Row kept = rows.iterator().next();
          return vertx.executeBlocking(() -> VapidKeys.fromUncompressedBytes(kept.getString(0), kept.getString(1)));
        });
  }

  /** The public key as browsers take it ({@code applicationServerKey}): the uncompressed point, base64url. */
  static String publicKey(VapidKeys keys) {
    return BASE64URL.encodeToString(keys.getApplicationServerKey());
  }

  /** The private scalar, 32 bytes, base64url. */
  static String privateKey(VapidKeys keys) {
    byte[] s = keys.getPrivateKey().getS().toByteArray();
    byte[] fixed = new byte[32];
    int from = Math.max(0, s.length - 32);
    System.arraycopy(s, from, fixed, 32 - (s.length - from), s.length - from);
    return BASE64URL.encodeToString(fixed);
  }
}
