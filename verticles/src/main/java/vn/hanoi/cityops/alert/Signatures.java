package vn.hanoi.cityops.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks scheme (standardwebhooks.com, v1 symmetric) has them: the headers
 * {@code webhook-id} (the delivery, the same on every retry), {@code webhook-timestamp} (the attempt, Unix seconds)
 * and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. The secret is {@code whsec_} and
 * the base64 of 24 to 64 random bytes; the HMAC key is those bytes. A secret stored before this scheme (any other
 * string) keys the HMAC with its UTF-8 bytes. Pure.
 */
public final class Signatures {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";
  public static final String SECRET_PREFIX = "whsec_";
  public static final int MIN_SECRET_BYTES = 24;
  public static final int MAX_SECRET_BYTES = 64;

  private Signatures() {
  }

  /** The {@code webhook-id} of delivery {@code deliveryId}: no full stop, the same for every attempt. */
  public static String messageId(long deliveryId) {
    return "msg_" + deliveryId;
  }

  /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. */
  public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The HMAC key of {@code secret}: the bytes behind {@code whsec_}, or a legacy secret's UTF-8 bytes. */
  static byte[] key(String secret) {
    if (secret.startsWith(SECRET_PREFIX)) {
      return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Why {@code secret} (as a rule is given it) is not a Standard Webhooks secret; empty when it is. */
  static Optional<String> problem(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      return Optional.of("must be whsec_ followed by the base64 of 24 to 64 random bytes");
    }
    try {
      int bytes = key(secret).length;
      return bytes >= MIN_SECRET_BYTES && bytes <= MAX_SECRET_BYTES ? Optional.empty()
          : Optional.of("must hold 24 to 64 bytes after whsec_, got " + bytes);
    } catch (IllegalArgumentException e) {
      return Optional.of("must be whsec_ followed by standard base64");
    }
  }

  /** The wait before attempt {@code next} (2, 3, …): {@code base} doubled per failed attempt, at most an hour. */
  public static long backoffMs(long base, int failedAttempts) {
    return Math.min(3_600_000L, base << Math.min(20, Math.max(0, failedAttempts - 1)));
  }
}
