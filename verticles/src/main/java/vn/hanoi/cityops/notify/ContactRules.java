package vn.hanoi.cityops.notify;

import vn.hanoi.cityops.web.SchemaCheck.Problem;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of each channel's address, past what the JSON schema says about the body's shape: an email address
 * (the HTML form's rule, so {@code name@localhost} passes), a Telegram chat id (a number, negative for groups, or a
 * public {@code @channel}), a Zalo user id (digits), an E.164 phone number ({@code +84912345678}), and for Web Push a
 * browser's subscription: an https endpoint, a P-256 public key on the curve (65 bytes, base64url) and a 16-byte
 * auth secret. Answers every problem, each naming its field. Pure.
 */
final class ContactRules {
  /** A browser's PushSubscription, as {@code subscription.toJSON()} gives it. */
  record Subscription(String endpoint, String p256dh, String auth) {
  }

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[1-9][0-9]{0,19}|@[A-Za-z][A-Za-z0-9_]{4,31}");
  private static final Pattern ZALO_USER = Pattern.compile("[0-9]{1,32}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final ECParameterSpec P256 = p256();

  private ContactRules() {
  }

  static List<Problem> check(ChannelKind channel, String address, Subscription subscription) {
    List<Problem> problems = new ArrayList<>();
    if (channel == ChannelKind.WEBPUSH) {
      if (address != null) {
        problems.add(new Problem("address", "is not used by webpush: send the browser's PushSubscription as subscription"));
      }
      if (subscription == null) {
        problems.add(new Problem("subscription", "is required for webpush"));
      } else {
        subscription(subscription, problems);
      }
      return problems;
    }
    if (subscription != null) {
      problems.add(new Problem("subscription", "is only for webpush"));
    }
    if (address == null) {
      problems.add(new Problem("address", "is required for " + channel.code()));
      return problems;
    }
    String reason = switch (channel) {
      case EMAIL -> address.length() <= 254 && EMAIL.matcher(address).matches() ? null
          : "must be an email address, e.g. truc-ban@hanoi.gov.vn";
      case TELEGRAM -> TELEGRAM_CHAT.matcher(address).matches() ? null
          : "must be a Telegram chat id (a number, e.g. 123456789 or -1001234567890) or a public @channel name";
      case ZALO -> ZALO_USER.matcher(address).matches() ? null
          : "must be the Zalo user id the Official Account sees (digits)";
      case SMS -> E164.matcher(address).matches() ? null
          : "must be a phone number in E.164 form, e.g. +84912345678";
      case WEBPUSH -> throw new IllegalStateException("handled above");
    };
    if (reason != null) {
      problems.add(new Problem("address", reason));
    }
    return problems;
  }

  private static void subscription(Subscription s, List<Problem> problems) {
    if (!isHttpsUrl(s.endpoint())) {
      problems.add(new Problem("subscription.endpoint", "must be the push service's https URL"));
    }
    byte[] key = base64url(s.p256dh());
    if (key == null || key.length != 65 || key[0] != 4 || !onP256(key)) {
      problems.add(new Problem("subscription.keys.p256dh",
          "must be the browser's P-256 public key: 65 bytes (uncompressed point), base64url"));
    }
    byte[] auth = base64url(s.auth());
    if (auth == null || auth.length != 16) {
      problems.add(new Problem("subscription.keys.auth", "must be the browser's 16-byte auth secret, base64url"));
    }
  }

  private static boolean isHttpsUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Base64url with or without padding (browsers send it without), else null. */
  static byte[] base64url(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(text.replace("=", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether the uncompressed point {@code 04 ‖ x ‖ y} lies on P-256: y² = x³ + ax + b (mod p). */
  private static boolean onP256(byte[] point) {
    EllipticCurve curve = P256.getCurve();
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger left = y.modPow(BigInteger.TWO, p);
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return left.equals(right);
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no P-256", e);
    }
  }
}
