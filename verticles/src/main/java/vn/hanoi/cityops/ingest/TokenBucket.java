package vn.hanoi.cityops.ingest;

/**
 * Rate of events one API key may send: refills {@code ratePerSecond}, holds at most one second's worth.
 * Thread-safe; pure arithmetic on a caller-supplied clock so it can be tested without sleeping.
 */
final class TokenBucket {
  private final double ratePerSecond;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  TokenBucket(double ratePerSecond, long nowNanos) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = Math.max(ratePerSecond, 1);
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes {@code n} tokens and answers 0, or takes none and answers the whole seconds to wait. */
  synchronized long tryAcquire(int n, long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / 1e9 * ratePerSecond);
    lastNanos = nowNanos;
    if (n <= tokens) {
      tokens -= n;
      return 0;
    }
    double missing = Math.min(n, capacity) - tokens;
    return Math.max(1, (long) Math.ceil(missing / ratePerSecond));
  }
}
