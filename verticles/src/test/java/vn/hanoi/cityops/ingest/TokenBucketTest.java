package vn.hanoi.cityops.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void fullBucketAllowsOneSecondsWorthAtOnce() {
    TokenBucket bucket = new TokenBucket(100, 0);
    assertEquals(0, bucket.tryAcquire(100, 0));
    assertTrue(bucket.tryAcquire(1, 0) > 0);
  }

  @Test
  void refillsAtTheConfiguredRate() {
    TokenBucket bucket = new TokenBucket(100, 0);
    bucket.tryAcquire(100, 0);
    assertTrue(bucket.tryAcquire(60, SECOND / 2) > 0, "half a second refills 50");
    assertEquals(0, bucket.tryAcquire(50, SECOND / 2));
  }

  @Test
  void refusalTakesNothingAndSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(10, 0);
    bucket.tryAcquire(10, 0);
    assertEquals(1, bucket.tryAcquire(10, 0));
    assertEquals(0, bucket.tryAcquire(10, SECOND), "the refused request took no tokens");
  }

  @Test
  void batchLargerThanTheBucketWaitsForAFullBucket() {
    TokenBucket bucket = new TokenBucket(10, 0);
    bucket.tryAcquire(10, 0);
    assertEquals(1, bucket.tryAcquire(500, 0));
  }
}
