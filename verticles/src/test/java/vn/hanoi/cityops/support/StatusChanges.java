package vn.hanoi.cityops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares system_status_change with a recomputation from the event log, as V0009 seeds it from scratch. */
public final class StatusChanges {
  private static final String FROM_SCRATCH = """
      SELECT system_code, occurred_at AS at, seq, status, source, flips
      FROM (SELECT system_code, occurred_at, seq, status, source,
                   status IS DISTINCT FROM lag(status) OVER ordered AS starts_run,
                   (status = 'down') IS DISTINCT FROM lag(status = 'down') OVER ordered AS flips
            FROM event
            WHERE type = 'system.health'
            WINDOW ordered AS (PARTITION BY system_code ORDER BY occurred_at, seq)) AS e
      WHERE starts_run""";
  private static final String STORED = "SELECT system_code, at, seq, status, source, flips FROM system_status_change";

  private StatusChanges() {
  }

  /** Asserts that no change is missing from the table and no row in it is stale; answers how many there are. */
  public static long assertSameAsRecomputed(Api api) {
    long expected = api.count("SELECT count(*) FROM (" + FROM_SCRATCH + ") AS f");
    long missing = api.count("SELECT count(*) FROM (" + FROM_SCRATCH + " EXCEPT " + STORED + ") AS m");
    long stale = api.count("SELECT count(*) FROM (" + STORED + " EXCEPT " + FROM_SCRATCH + ") AS s");
    assertEquals(0, missing, "status changes missing from system_status_change (of " + expected + ")");
    assertEquals(0, stale, "stale rows in system_status_change (of " + expected + ")");
    return expected;
  }
}
