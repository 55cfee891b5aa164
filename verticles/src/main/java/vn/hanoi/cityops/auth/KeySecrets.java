package vn.hanoi.cityops.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: 256 random bits, shown once, stored as SHA-256. A fast hash is right for a random
 * 256-bit secret (no dictionary to try); human passwords get Argon2 instead.
 */
public final class KeySecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String PREFIX = "cok_";

  private KeySecrets() {
  }

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a listing shows to tell keys apart: never enough to use. */
  public static String displayPrefix(String secret) {
    return secret.substring(0, Math.min(secret.length(), 8));
  }
}
