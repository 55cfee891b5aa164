package vn.hanoi.cityops.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook signature: {@code X-Cityops-Signature: sha256=<hex HMAC-SHA256 of the body under the rule's secret>}. Pure. */
public final class Signatures {
  public static final String HEADER = "X-Cityops-Signature";

  private Signatures() {
  }

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The wait before attempt {@code next} (2, 3, …): {@code base} doubled per failed attempt, at most an hour. */
  public static long backoffMs(long base, int failedAttempts) {
    return Math.min(3_600_000L, base << Math.min(20, Math.max(0, failedAttempts - 1)));
  }
}
