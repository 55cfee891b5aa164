package vn.hanoi.cityops.sim;

import java.time.Duration;

/**
 * Time compression: one simulated working day lasts {@code seconds} real seconds, so a dossier with fifteen
 * legal days comes due within minutes and the wall display sees on-time and late completions soon after start.
 */
record SimDay(int seconds) {
  SimDay {
    if (seconds < 1) {
      throw new IllegalArgumentException("a simulated day lasts at least one second, got " + seconds);
    }
  }

  Duration days(double days) {
    return Duration.ofMillis(Math.round(days * seconds * 1000));
  }
}
