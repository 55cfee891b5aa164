package vn.hanoi.cityops.sim;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in simulator feeds the node through the public ingestion path, and everything it sends lands. */
class SimulatorIT {

  @Test
  @NodeTest(config = {"simulator=on", "simulator.rate=300", "simulator.daySeconds=4"})
  void simulatedHanoiStreamsPassValidationAndLandWithTheExpectedMix(Api api) {
    long started = System.nanoTime();
    // Enough to judge the mix: 800 dossiers received, a heartbeat of every system (each beats every 5 s), some completions.
    List<Long> landed = Wait.until(Duration.ofSeconds(30), Duration.ofMillis(500), () -> List.of(
            api.count("SELECT count(*) FROM event WHERE type = 'dossier' AND status = 'received'"),
            api.count("SELECT count(DISTINCT system_code) FROM system_state"),
            api.count("SELECT count(*) FROM dossier_state WHERE stage IN ('completed', 'returned')"),
            api.count("SELECT count(*) FROM event WHERE type = 'feedback' AND status = 'received'")),
        n -> n.get(0) >= 800 && n.get(1) == 14 && n.get(2) > 0,
        "[dossiers received (800), systems reporting (14), dossiers completed or returned, feedback received]");
    System.out.printf("simulator_mix landed_ms=%d received,systems,done,feedback=%s%n", (System.nanoTime() - started) / 1_000_000, landed);

    String metrics = api.get("/metrics").bodyAsString();
    assertFalse(metrics.contains("cityops_ingest_rejected_requests_total{"), "no simulated request was rejected:\n"
        + metrics.lines().filter(l -> l.startsWith("cityops_ingest_rejected")).toList());
    assertEquals(0, api.count("SELECT count(*) FROM event WHERE source <> 'simulator' AND type NOT IN ('clock', 'alert', 'meeting')"));
    assertEquals(14, api.count("SELECT count(DISTINCT system_code) FROM system_state"), "every city system reports");

    long received = api.count("SELECT count(*) FROM event WHERE type = 'dossier' AND status = 'received'");
    long online = api.count("SELECT count(*) FROM event WHERE type = 'dossier' AND status = 'received' "
        + "AND channel IN ('online_full', 'online_partial')");
    double onlineShare = (double) online / received;
    assertTrue(onlineShare > 0.15 && onlineShare < 0.35, "about a quarter online at level 3-4: " + onlineShare);
    assertTrue(api.count("SELECT count(DISTINCT agency_code) FROM event WHERE type = 'dossier'") > 200,
        "dossiers come from agencies across the city");
    assertTrue(api.count("SELECT count(*) FROM dossier_state WHERE stage IN ('completed', 'returned')") > 0,
        "dossiers move through their stages");

    long feedback = api.count("SELECT count(*) FROM event WHERE type = 'feedback' AND status = 'received'");
    long zalo = api.count("SELECT count(*) FROM event WHERE type = 'feedback' AND status = 'received' AND channel = 'zalo'");
    assertTrue(feedback > 50, "feedback arrives: " + feedback);
    assertTrue((double) zalo / feedback > 0.5, "feedback comes mostly from Zalo: " + zalo + "/" + feedback);
    assertEquals(0, api.count("SELECT count(*) FROM feedback_state WHERE rating IS NOT NULL AND status <> 'answered'"));
  }
}
