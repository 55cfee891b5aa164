package vn.hanoi.cityops.notify;

import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Which of a person's contact points carry one message, and in what order. Every channel that is not
 * {@code fallbackOnly} is used ("primary"), in position order; the fallback-only ones wait in a queue, also in
 * position order. A primary in its quiet hours is skipped and, like a primary that failed, hands over to the next
 * fallback ({@link #next()}); a fallback in its quiet hours is skipped the same way. When nothing carried the
 * message, the last channel skipped for quiet hours is used after all ({@link #lastResort()}), so a message is
 * never lost to quiet hours alone. A person whose every channel is fallback-only is reached on the first of them.
 * Pure; its methods are synchronized because the lanes of one message may complete on different threads.
 */
final class Plan {
  /** A channel to send on, after the channels skipped for quiet hours on the way to it; {@code point} null: none left. */
  record Pick(ContactPoint point, List<ContactPoint> skipped) {
  }

  private static final long MAX_BACKOFF_MS = 3_600_000;

  private final LocalTime now;
  private final List<ContactPoint> primaries = new ArrayList<>();
  private final Deque<ContactPoint> fallbacks = new ArrayDeque<>();
  private ContactPoint lastSkipped;

  Plan(List<ContactPoint> points, LocalTime now) {
    this.now = now;
    points.stream().sorted(Comparator.comparingInt(ContactPoint::position).thenComparingLong(ContactPoint::id))
        .forEach(p -> (p.fallbackOnly() ? fallbacks : primaries).add(p));
    if (primaries.isEmpty() && !fallbacks.isEmpty()) {
      primaries.add(fallbacks.poll());
    }
  }

  /** One pick per primary channel, in position order: the primary itself, or what replaces it in its quiet hours. */
  synchronized List<Pick> first() {
    List<Pick> picks = new ArrayList<>();
    for (ContactPoint primary : primaries) {
      if (quiet(primary)) {
        List<ContactPoint> skipped = new ArrayList<>(List.of(primary));
        lastSkipped = primary;
        picks.add(replacement(skipped));
      } else {
        picks.add(new Pick(primary, List.of()));
      }
    }
    return picks;
  }

  /** The next fallback for a channel that failed, past those in their quiet hours. */
  synchronized Pick next() {
    return replacement(new ArrayList<>());
  }

  /** When nothing carried the message: the last channel skipped for quiet hours, once. */
  synchronized Optional<ContactPoint> lastResort() {
    Optional<ContactPoint> last = Optional.ofNullable(lastSkipped);
    lastSkipped = null;
    return last;
  }

  private Pick replacement(List<ContactPoint> skipped) {
    while (!fallbacks.isEmpty()) {
      ContactPoint fallback = fallbacks.poll();
      if (!quiet(fallback)) {
        return new Pick(fallback, List.copyOf(skipped));
      }
      skipped.add(fallback);
      lastSkipped = fallback;
    }
    return new Pick(null, List.copyOf(skipped));
  }

  private boolean quiet(ContactPoint point) {
    return point.quietHours() != null && point.quietHours().contains(now);
  }

  /** The wait before retry number {@code retry} (1, 2…): {@code baseMs} doubled for each retry before it, at most 1 h. */
  static long backoffMs(int baseMs, int retry) {
    return Math.min(MAX_BACKOFF_MS, (long) baseMs << Math.min(retry - 1, 30));
  }
}
