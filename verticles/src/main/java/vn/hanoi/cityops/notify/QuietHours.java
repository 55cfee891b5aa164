package vn.hanoi.cityops.notify;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Hours of the day (local Hanoi time) when a channel is not to be used: from {@code from} inclusive to {@code to}
 * exclusive, wrapping midnight when {@code from} is later than {@code to} (22:00–06:30 is the night). Pure.
 */
public record QuietHours(LocalTime from, LocalTime to) {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public QuietHours {
    if (from.equals(to)) {
      throw new IllegalArgumentException("quiet hours start and end at the same time");
    }
  }

  public boolean contains(LocalTime time) {
    return from.isBefore(to)
        ? !time.isBefore(from) && time.isBefore(to)
        : !time.isBefore(from) || time.isBefore(to);
  }

  /** {@code HH:MM}, 00:00 to 23:59. */
  public static Optional<LocalTime> parse(String hhmm) {
    if (hhmm == null || !hhmm.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.parse(hhmm, HH_MM));
  }

  public String fromText() {
    return from.format(HH_MM);
  }

  public String toText() {
    return to.format(HH_MM);
  }
}
