package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes tick together: one stored tick per period, and a time-only change numbered alike on both. */
@ClusterTest(config = "live.clockMs=2000")
class LiveClockClusterIT {
  private static Node a;
  private static Node b;
  private static Api apiA;
  private static Api apiB;

  @BeforeAll
  static void start(Cluster cluster) {
    a = cluster.a();
    b = cluster.b();
    apiA = cluster.apiA();
    apiB = cluster.apiB();
  }

  private static boolean overdue(JsonObject m, long count) {
    return "delta".equals(m.getString("kind")) && m.getJsonObject("data").getJsonObject("today").getLong("overdueNow") == count;
  }

  @Test
  void bothNodesPublishADossierBecomingOverdueAtTheSameSeqFromOneStoredTickPerPeriod(Vertx vertx) {
    LiveClient onA = LiveClient.connect(vertx, a, apiA.token("operator")).subscribe("kpi.city", null);
    LiveClient onB = LiveClient.connect(vertx, b, apiB.token("operator")).subscribe("kpi.city", null);
    onA.next(m -> "snapshot".equals(m.getString("kind")));
    onB.next(m -> "snapshot".equals(m.getString("kind")));

    OffsetDateTime now = OffsetDateTime.now();
    apiA.postEvents(Events.dossier("cl-due-1", "HK-02", "H-cl-due", "in_progress").put("occurredAt", now.toString())
        .put("receivedAt", now.toString()).put("dueAt", now.plusSeconds(2).toString()).encode());

    // Ticks two seconds apart, further apart than a topic's pacing: each node answers each tick on its own.
    onA.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").getJsonObject("today").getLong("inProgress") == 1);
    onB.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").getJsonObject("today").getLong("inProgress") == 1);
    long seqA = onA.next(m -> overdue(m, 1)).getLong("seq");
    long seqB = onB.next(m -> overdue(m, 1)).getLong("seq");
    assertEquals(seqA, seqB, "the tick that made it overdue has one ordinal on both nodes");

    long ticks = apiA.count("SELECT count(*) FROM event WHERE type = 'clock'");
    long seconds = apiA.count("SELECT extract(epoch FROM max(occurred_at) - min(occurred_at))::bigint FROM event WHERE type = 'clock'");
    assertTrue(ticks >= 2, "ticks: " + ticks);
    assertTrue(ticks <= seconds / 2 + 1, ticks + " ticks over " + seconds + " s: at most one row per period although both nodes write every tick");
    onA.assertNothingMissed();
    onB.assertNothingMissed();
    onA.close();
    onB.close();
  }
}
