package vn.hanoi.cityops.notify;

import java.util.Locale;
import java.util.Optional;

/** The ways a person can be reached. */
public enum ChannelKind {
  EMAIL,
  TELEGRAM,
  ZALO,
  SMS,
  WEBPUSH;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChannelKind> of(String code) {
    for (ChannelKind kind : values()) {
      if (kind.code().equals(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
