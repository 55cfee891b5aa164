package vn.hanoi.cityops.notify;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Addresses as the attempt log and the audit log keep them: an email keeps its first letter and its domain, a phone
 * number its country code and last three digits, a chat or Zalo id its ends; a push endpoint keeps only the push
 * service's origin (the rest of the URL lets anyone push to that browser). Pure.
 */
final class Masking {
  private Masking() {
  }

  static String mask(ChannelKind channel, String address) {
    if (address == null) {
      return null;
    }
    return switch (channel) {
      case EMAIL -> email(address);
      case SMS -> ends(address, 3, 3);
      case TELEGRAM, ZALO -> ends(address, 2, 2);
      case WEBPUSH -> origin(address);
    };
  }

  private static String email(String address) {
    int at = address.lastIndexOf('@');
    return at <= 0 ? ends(address, 1, 0) : address.charAt(0) + "***" + address.substring(at);
  }

  /** The first {@code head} and last {@code tail} characters, the rest starred (all starred when too short). */
  private static String ends(String s, int head, int tail) {
    if (s.length() <= head + tail + 2) {
      return "*".repeat(s.length());
    }
    return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
  }

  private static String origin(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      return uri.getScheme() + "://" + uri.getRawAuthority() + "/…";
    } catch (URISyntaxException e) {
      return "…";
    }
  }
}
