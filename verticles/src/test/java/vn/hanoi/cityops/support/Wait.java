package vn.hanoi.cityops.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in tests: for a condition, with a deadline, instead of a fixed sleep before an assertion. A wait
 * returns as soon as what it waits for is observed, and fails saying what it waited for and what it saw last.
 * {@link #holds} is for the other case, where time passing is the point: nothing may happen during a window.
 */
public final class Wait {
  /** How often a condition is probed unless a wait says otherwise. */
  public static final Duration POLL = Duration.ofMillis(50);

  private Wait() {
  }

  /** Probes {@code condition} every {@link #POLL} until it holds; fails after {@code timeout} with {@code what}. */
  public static void until(Duration timeout, BooleanSupplier condition, String what) {
    until(timeout, POLL, condition::getAsBoolean, Boolean::booleanValue, what);
  }

  /** Probes until {@code done} accepts the probe's answer, which it answers; fails after {@code timeout} with the last one. */
  public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<? super T> done, String what) {
    return until(timeout, POLL, probe, done, what);
  }

  /**
   * As {@link #until(Duration, Supplier, Predicate, String)}, probing every {@code every}: for probes that act
   * (a page renewing its presence, a subscription retried) at the pace a real client would.
   */
  public static <T> T until(Duration timeout, Duration every, Supplier<T> probe, Predicate<? super T> done, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T seen = probe.get();
      if (done.test(seen)) {
        return seen;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms; last seen " + seen);
      }
      sleep(every);
    }
  }

  /** Whether {@code condition} holds within {@code timeout}, probed every {@link #POLL}; never fails. */
  public static boolean within(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      sleep(POLL);
    }
    return true;
  }

  /**
   * Asserts that {@code condition} holds throughout {@code window} (probed every {@link #POLL}, and once more at
   * its end): for a test whose point is that nothing happens while time passes. Fails at the first probe that
   * sees it broken.
   */
  public static void holds(Duration window, BooleanSupplier condition, String what) {
    long end = System.nanoTime() + window.toNanos();
    while (true) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError(what + ": broken after "
            + (window.toMillis() - Math.max(0, (end - System.nanoTime()) / 1_000_000)) + " ms of " + window.toMillis() + " ms");
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
