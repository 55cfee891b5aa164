package vn.hanoi.cityops.bench;

import java.util.Arrays;

/** A growable list of latencies in nanoseconds, and its percentiles (nearest rank). Not thread-safe. */
final class Latencies {
  private long[] values = new long[1 << 14];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** Sorted copy, for {@link #percentileMs}. */
  long[] sorted() {
    long[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile of a sorted array, in milliseconds; NaN when empty. */
  static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
  }

  static double maxMs(long[] sorted) {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
  }
}
