package vn.hanoi.cityops.sim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verticle against a stand-in for the ingestion endpoint on a free port: what it sends, and how it backs off. */
@ExtendWith(VertxExtension.class)
class SimulatorVerticleTest {
  private static final String KEY = "simulator-test-key";

  @Test
  void postsJsonArraysOfEventsWithTheSimulatorKeyToTheIngestEndpoint(Vertx vertx, VertxTestContext test) {
    AtomicInteger requests = new AtomicInteger();
    vertx.createHttpServer()
        .requestHandler(req -> req.body().onSuccess(body -> {
          JsonArray events = body.toJsonArray();
          test.verify(() -> {
            assertEquals(HttpMethod.POST, req.method());
            assertEquals("/api/v1/events", req.path());
            assertEquals("Bearer " + KEY, req.getHeader("Authorization"));
            assertEquals("application/json", req.getHeader("Content-Type"));
            assertFalse(events.isEmpty());
            assertTrue(events.size() <= 1000);
            events.forEach(e -> assertTrue(((JsonObject) e).getString("id").startsWith("sim-"), e::toString));
          });
          req.response().setStatusCode(202).end(new JsonObject().put("accepted", events.size()).put("duplicates", 0).encode());
          if (requests.incrementAndGet() == 3) {
            test.completeNow();
          }
        }))
        .listen(0, "127.0.0.1")
        .compose(server -> vertx.deployVerticle(new SimulatorVerticle(config(server.actualPort()), reference(), KEY)))
        .onFailure(test::failNow);
  }

  @Test
  void aNodeThatDoesNotAnswerGetsAtMostFourRequestsAtOnce(Vertx vertx, VertxTestContext test) {
    AtomicInteger requests = new AtomicInteger();
    vertx.createHttpServer()
        .requestHandler(req -> requests.incrementAndGet()) // never answers
        .listen(0, "127.0.0.1")
        .compose(server -> vertx.deployVerticle(new SimulatorVerticle(config(server.actualPort()), reference(), KEY)))
        .onSuccess(id -> vertx.setTimer(1400, t -> test.verify(() -> {
          assertEquals(4, requests.get());
          test.completeNow();
        })))
        .onFailure(test::failNow);
  }

  private static AppConfig config(int port) {
    return AppConfig.of(Map.of("http.port", port, "simulator.rate", 100, "simulator.seed", 1, "simulator.daySeconds", 60));
  }

  private static ReferenceData reference() {
    return new ReferenceData(Map.of(
        "STNMT", new ReferenceData.Agency("STNMT", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", "city", null),
        "CG", new ReferenceData.Agency("CG", "Cầu Giấy", "Cau Giay District", "district", null),
        "CG-01", new ReferenceData.Agency("CG-01", "Phường 01 - Cầu Giấy", "Ward 01, Cau Giay District", "commune", "CG"),
        "CG-02", new ReferenceData.Agency("CG-02", "Phường 02 - Cầu Giấy", "Ward 02, Cau Giay District", "commune", "CG")),
        Set.of("DVC-PORTAL", "MOTCUA", "WAN"));
  }
}
