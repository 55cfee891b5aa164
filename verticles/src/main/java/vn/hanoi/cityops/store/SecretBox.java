package vn.hanoi.cityops.store;

import vn.hanoi.cityops.config.AppConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the node must read back (webhook signing secrets, TOTP secrets) kept encrypted in PostgreSQL: AES-256-GCM
 * under the key of {@code secrets.key} ({@code CITYOPS_SECRETS_KEY}, base64 of 32 random bytes), a fresh random
 * 96-bit nonce per value, stored as {@code v1:<base64 nonce>:<base64 ciphertext and tag>}. The column name is bound
 * as associated data, so a value copied into another column does not open. A value marked {@code plain:} (written
 * before encryption, see {@code V0026__secrets_at_rest.sql}) opens as it is until the node seals it.
 * <p>
 * Without a key: a development node uses a key derived from a fixed phrase (not secret, said in the log); a
 * production node has no key, cannot store a secret ({@link MissingKey}) and does not start while stored secrets exist.
 */
public final class SecretBox {
  public static final String VERSION = "v1:";
  public static final String PLAIN = "plain:";
  private static final String DEV_PHRASE = "cityops development secrets key: not a secret";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A secret must be stored but the node has no {@code secrets.key}. */
  public static final class MissingKey extends IllegalStateException {
    public MissingKey() {
      super("set secrets.key (CITYOPS_SECRETS_KEY, base64 of 32 random bytes): a production node stores no secret without it");
    }
  }

  private final SecretKeySpec key;
  private final boolean developmentKey;

  private SecretBox(byte[] key, boolean developmentKey) {
    this.key = key == null ? null : new SecretKeySpec(key, "AES");
    this.developmentKey = developmentKey;
  }

  /** From {@code secrets.key}; blank: the development key in development mode, else none. */
  public static SecretBox of(AppConfig config) {
    String configured = config.secretsKey();
    if (!configured.isBlank()) {
      return withKey(configured);
    }
    return config.devMode() ? new SecretBox(derivedDevelopmentKey(), true) : new SecretBox(null, false);
  }

  /** A box with {@code base64Key} (32 bytes once decoded). */
  public static SecretBox withKey(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("secrets.key (CITYOPS_SECRETS_KEY) must be base64, " + e.getMessage());
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("secrets.key (CITYOPS_SECRETS_KEY) must be 32 bytes once base64-decoded, got "
          + bytes.length);
    }
    return new SecretBox(bytes, false);
  }

  /** A fresh key in the form {@code secrets.key} takes. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  public boolean hasKey() {
    return key != null;
  }

  /** Whether the key is the well-known development one (the log says so). */
  public boolean developmentKey() {
    return developmentKey;
  }

  /** {@code secret} sealed for the column {@code column}. */
  public String seal(String column, String secret) {
    if (key == null) {
      throw new MissingKey();
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return VERSION + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The secret in {@code stored} (sealed or marked plain) for the column {@code column}; null stays null. */
  public String open(String column, String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(PLAIN)) {
      return stored.substring(PLAIN.length());
    }
    String[] parts = stored.split(":", -1);
    if (parts.length != 3 || !stored.startsWith(VERSION)) {
      throw new IllegalStateException("a stored secret of " + column + " is neither v1: nor plain:");
    }
    if (key == null) {
      throw new MissingKey();
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[1])));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(b64.decode(parts[2])), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a stored secret of " + column + " does not open with secrets.key (another key?)", e);
    }
  }

  private static byte[] derivedDevelopmentKey() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(DEV_PHRASE.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
