package vn.hanoi.cityops.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * What a receiver of cityops' webhooks does, written from the Standard Webhooks specification and not from the node's
 * signer: recompute {@code v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))} with the bytes behind
 * {@code whsec_}, compare each {@code v1} entry of {@code webhook-signature} in constant time, and refuse a timestamp
 * more than five minutes from now.
 */
public final class WebhookReceiver {
  public static final long TOLERANCE_SECONDS = 5 * 60;

  private final byte[] key;

  public WebhookReceiver(String whsecSecret) {
    if (!whsecSecret.startsWith("whsec_")) {
      throw new IllegalArgumentException("a Standard Webhooks secret starts with whsec_");
    }
    this.key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
  }

  /** A fresh random {@code whsec_} secret of {@code bytes} bytes. */
  public static String newSecret(int bytes) {
    byte[] random = new byte[bytes];
    new java.security.SecureRandom().nextBytes(random);
    return "whsec_" + Base64.getEncoder().encodeToString(random);
  }

  /** Why the delivery is refused, empty when it verifies at {@code nowSeconds}. */
  public Optional<String> refusal(String id, String timestamp, String signatures, String body, long nowSeconds) {
    if (id == null || timestamp == null || signatures == null) {
      return Optional.of("missing header");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Optional.of("bad timestamp");
    }
    if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
      return Optional.of("timestamp outside tolerance");
    }
    byte[] expected = expected(id, timestamp, body);
    for (String entry : signatures.split(" ")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return Optional.empty();
      }
    }
    return Optional.of("no matching signature");
  }

  public Optional<String> refusal(String id, String timestamp, String signatures, String body) {
    return refusal(id, timestamp, signatures, body, System.currentTimeMillis() / 1000);
  }

  private byte[] expected(String id, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
