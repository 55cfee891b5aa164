package vn.hanoi.cityops.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits, a
 * 160-bit secret shown in base32. The codes come from java-otp; this class picks the parameters, accepts the step
 * before and after the current one (clock drift), and refuses a step already used. Pure.
 */
public final class Totp {
  public static final Duration STEP = Duration.ofSeconds(30);
  public static final int DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator CODES =
      new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

  private Totp() {
  }

  /** A fresh secret, base32 without padding (what an authenticator app takes typed in). */
  public static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return new Base32().encodeToString(bytes).replace("=", "");
  }

  /** The code of {@code base32Secret} at {@code at}. */
  public static String code(String base32Secret, Instant at) {
    return code(new Base32().decode(base32Secret.toUpperCase(Locale.ROOT)), at);
  }

  /** The code of the raw secret {@code key} at {@code at} (the RFC's test vectors give raw keys). */
  public static String code(byte[] key, Instant at) {
    try {
      return CODES.generateOneTimePasswordString(new SecretKeySpec(key, CODES.getAlgorithm()), at, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an empty TOTP secret", e);
    }
  }

  /** The time step {@code at} falls in. */
  public static long step(Instant at) {
    return at.getEpochSecond() / STEP.getSeconds();
  }

  /**
   * The step {@code code} is right for, among the one before {@code now}'s, {@code now}'s and the one after, and only
   * if it is later than {@code lastUsedStep} (null: none used); empty when the code is wrong or used.
   */
  public static OptionalLong accepts(String base32Secret, String code, Instant now, Long lastUsedStep) {
    if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      String expected = code(base32Secret, Instant.ofEpochSecond(step * STEP.getSeconds()));
      boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
      if (same && (lastUsedStep == null || step > lastUsedStep)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code otpauth://} URI an authenticator app reads from a QR code (Key Uri Format). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
