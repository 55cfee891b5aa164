package vn.hanoi.cityops.sim;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.TestNodes;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in simulator feeds the node through the public ingestion path, and everything it sends lands. */
@ExtendWith(VertxExtension.class)
class SimulatorIT {

  @Test
  void simulatedHanoiStreamsPassValidationAndLandWithTheExpectedMix(Vertx vertx) throws Exception {
    Node node = TestNodes.start(Map.of("simulator", "on", "simulator.rate", 300, "simulator.daySeconds", 4));
    Api api = new Api(vertx, node);
    try {
      long deadline = System.currentTimeMillis() + 30_000;
      while (api.count("SELECT count(*) FROM event WHERE type = 'dossier' AND status = 'received'") < 800
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
      }
      Thread.sleep(6_000); // heartbeats of every system (every 5 s) and some completions

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
    } finally {
      api.close();
      TestNodes.stop(node);
    }
  }
}
