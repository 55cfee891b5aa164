package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonObject;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The browser's side of Web Push, with the JDK alone: a P-256 key pair and a 16-byte auth secret (what
 * {@code PushManager.subscribe} makes), the decryption of an {@code aes128gcm} push message (RFC 8291 over RFC 8188:
 * ECDH, HKDF-SHA-256, AES-128-GCM) and the check of a VAPID {@code Authorization} header (RFC 8292: an ES256 JWT and
 * the sender's public key). Written from the RFCs, not from the library the node sends with, so it can catch it.
 */
final class PushBrowser {
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

  private final KeyPair keys;
  private final byte[] auth = new byte[16];

  PushBrowser() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
      new SecureRandom().nextBytes(auth);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a subscription carries it: the uncompressed point 04 ‖ x ‖ y, base64url. */
  String p256dh() {
    return B64.encodeToString(uncompressed((ECPublicKey) keys.getPublic()));
  }

  String auth() {
    return B64.encodeToString(auth);
  }

  /** {@code subscription.toJSON()} of a browser subscribed at {@code endpoint}. */
  JsonObject subscription(String endpoint) {
    return new JsonObject().put("endpoint", endpoint).put("expirationTime", null)
        .put("keys", new JsonObject().put("p256dh", p256dh()).put("auth", auth()));
  }

  /** The plaintext of an {@code aes128gcm} body encrypted for this browser (one record, as push messages are). */
  byte[] decrypt(byte[] body) throws GeneralSecurityException {
    ByteBuffer in = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    in.get(salt);
    int recordSize = in.getInt();
    int idLength = in.get() & 0xff;
    byte[] senderKey = new byte[idLength];
    in.get(senderKey);
    byte[] cipherText = new byte[in.remaining()];
    in.get(cipherText);
    if (idLength != 65 || recordSize < cipherText.length) {
      throw new GeneralSecurityException("not one aes128gcm record with a P-256 key id: idlen=" + idLength + " rs=" + recordSize);
    }
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(keys.getPrivate());
    agreement.doPhase(publicKey(senderKey), true);
    byte[] ecdhSecret = agreement.generateSecret();
    byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
        uncompressed((ECPublicKey) keys.getPublic()), senderKey);
    byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
    byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
    byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] padded = aes.doFinal(cipherText);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new GeneralSecurityException("the last record does not end with the 0x02 delimiter");
    }
    return Arrays.copyOf(padded, end);
  }

  /**
   * Checks a VAPID header {@code vapid t=<jwt>, k=<key>}: answers the JWT's claims when the key is
   * {@code expectedKey} and the ES256 signature verifies with it, else throws.
   */
  static JsonObject verifyVapid(String header, String expectedKey) throws GeneralSecurityException {
    if (header == null || !header.startsWith("vapid ")) {
      throw new GeneralSecurityException("not a vapid Authorization header: " + header);
    }
    String token = null;
    String key = null;
    for (String part : header.substring("vapid ".length()).split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv[0].equals("t")) {
        token = kv[1];
      } else if (kv[0].equals("k")) {
        key = kv[1];
      }
    }
    if (!expectedKey.equals(key)) {
      throw new GeneralSecurityException("k=" + key + " is not the node's public key " + expectedKey);
    }
    String[] jwt = token.split("\\.");
    JsonObject head = new JsonObject(new String(UNB64.decode(jwt[0]), StandardCharsets.UTF_8));
    if (!"ES256".equals(head.getString("alg"))) {
      throw new GeneralSecurityException("alg " + head.getString("alg"));
    }
    Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    es256.initVerify(publicKey(UNB64.decode(key)));
    es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    if (!es256.verify(UNB64.decode(jwt[2]))) {
      throw new GeneralSecurityException("the JWT's signature does not verify with k");
    }
    return new JsonObject(new String(UNB64.decode(jwt[1]), StandardCharsets.UTF_8));
  }

  /** HKDF-SHA-256 (RFC 5869) for one block of output: extract with {@code salt}, expand with {@code info}. */
  private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
    byte[] prk = hmac(salt, ikm);
    return Arrays.copyOf(hmac(prk, concat(info, new byte[]{1})), length);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
    AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
    p256.init(new ECGenParameterSpec("secp256r1"));
    ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
        new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
    return (ECPublicKey) KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(point, p256.getParameterSpec(ECParameterSpec.class)));
  }

  static byte[] uncompressed(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    copyUnsigned(key.getW().getAffineX(), out, 1);
    copyUnsigned(key.getW().getAffineY(), out, 33);
    return out;
  }

  private static void copyUnsigned(BigInteger n, byte[] out, int at) {
    byte[] bytes = n.toByteArray();
    int from = Math.max(0, bytes.length - 32);
    System.arraycopy(bytes, from, out, at + 32 - (bytes.length - from), bytes.length - from);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
