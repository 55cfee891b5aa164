package vn.hanoi.cityops.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, HMAC-SHA1: the 8-digit codes, and the 6 digits an authenticator app shows (their last six). */
  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
      "2000000000, 69279037", "20000000000, 65353130"})
  void theCodesAreRfc6238sTestVectors(long seconds, String eightDigits) throws Exception {
    TimeBasedOneTimePasswordGenerator rfc = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8,
        TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    Instant at = Instant.ofEpochSecond(seconds);
    assertEquals(eightDigits, rfc.generateOneTimePasswordString(new SecretKeySpec(RFC_KEY, "HmacSHA1"), at, Locale.ROOT));
    assertEquals(eightDigits.substring(2), Totp.code(RFC_KEY, at));
    assertEquals(eightDigits.substring(2), Totp.code(new Base32().encodeToString(RFC_KEY), at), "the same key in base32");
  }

  @Test
  void aCodeIsAcceptedInItsStepAndTheNeighboursOnlyAndOnceOnly() {
    String secret = Totp.newSecret();
    assertEquals(32, secret.length(), "160 bits in base32");
    Instant now = Instant.ofEpochSecond(1_800_000_015);
    long step = Totp.step(now);
    String code = Totp.code(secret, now);
    assertEquals(OptionalLong.of(step), Totp.accepts(secret, code, now, null));
    assertEquals(OptionalLong.of(step), Totp.accepts(secret, code, now.plusSeconds(30), null), "30 s late");
    assertEquals(OptionalLong.empty(), Totp.accepts(secret, code, now.plusSeconds(90), null), "90 s late");
    assertEquals(OptionalLong.empty(), Totp.accepts(secret, code, now, step), "its step was used");
    assertEquals(OptionalLong.empty(), Totp.accepts(secret, "12345", now, null));
    assertEquals(OptionalLong.empty(), Totp.accepts(secret, null, now, null));
  }

  @Test
  void theUriIsWhatAuthenticatorAppsRead() {
    String uri = Totp.uri("cityops", "sre.nguyen", "JBSWY3DPEHPK3PXP");
    assertEquals("otpauth://totp/cityops:sre.nguyen?secret=JBSWY3DPEHPK3PXP&issuer=cityops&algorithm=SHA1&digits=6&period=30", uri);
    assertTrue(KioskQr.svg(uri).startsWith("<svg"));
  }
}
