package vn.hanoi.cityops.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.support.Events.array;
import static vn.hanoi.cityops.support.Events.dossier;
import static vn.hanoi.cityops.support.Events.feedback;
import static vn.hanoi.cityops.support.Events.health;

/**
 * Every way a request can be wrong: the status, the JSON error body naming what is wrong, and that
 * nothing of the batch was stored.
 */
@NodeTest
class IngestRejectionIT {
  private static Api api;
  private static String admin;
  private long before;

  @BeforeAll
  static void start(Api client) {
    api = client;
    admin = api.token("admin");
  }

  @BeforeEach
  void countBefore() {
    before = api.storedEvents();
  }

  @AfterEach
  void nothingWasStored() {
    assertEquals(before, api.storedEvents(), "a rejected request must store nothing");
  }

  private static JsonObject error(HttpResponse<Buffer> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), "JSON error body");
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(code, body.getString("error"), r.bodyAsString());
    assertNotNull(body.getString("message"));
    assertNotNull(body.getJsonArray("details"));
    return body;
  }

  private static boolean hasDetail(JsonObject body, int index, String field) {
    return body.getJsonArray("details").stream().map(JsonObject.class::cast)
        .anyMatch(d -> d.getInteger("index") == index && field.equals(d.getString("field")));
  }

  @Test
  void malformedJsonIsRejectedWith400() {
    error(api.postEvents("[{\"id\": \"x\", "), 400, "malformed_json");
  }

  @Test
  void malformedNdjsonLineIsNamed() {
    String body = health("nd-ok", "WAN", "up").encode() + "\n{not json}\n";
    JsonObject e = error(api.postEvents(body, "application/x-ndjson", TestNodes.DEV_KEY), 400, "malformed_json");
    assertTrue(e.getString("message").contains("line 2"), e.encode());
  }

  @Test
  void bodyThatIsNeitherObjectNorArrayIsRejected() {
    error(api.postEvents("\"hello\""), 400, "invalid_body");
  }

  @Test
  void emptyArrayIsRejected() {
    error(api.postEvents("[]"), 400, "empty_batch");
  }

  @Test
  void oneInvalidEventRejectsTheWholeBatchAndEveryBadEventIsListed() {
    JsonObject good = health("batch-good", "MOTCUA", "up");
    JsonObject wrongEnum = health("batch-bad-1", "MOTCUA", "sideways");
    JsonObject missingAgency = dossier("batch-bad-2", "CG", "H-1", "received");
    missingAgency.remove("agency");
    JsonObject wrongType = health("batch-bad-3", "MOTCUA", "up").put("latencyMs", "fast");

    JsonObject body = error(api.postEvents(array(good, wrongEnum, missingAgency, wrongType)), 400, "validation_failed");

    assertTrue(hasDetail(body, 1, "status"), body.encode());
    assertTrue(hasDetail(body, 2, "agency"), body.encode());
    assertTrue(hasDetail(body, 3, "latencyMs"), body.encode());
    assertTrue(body.getJsonArray("details").stream().map(JsonObject.class::cast).noneMatch(d -> d.getInteger("index") == 0));
  }

  @Test
  void eventWithoutIdTypeOrTimeIsRejected() {
    JsonObject body = error(api.postEvents("{\"system\": \"WAN\"}"), 400, "validation_failed");
    assertTrue(hasDetail(body, 0, "id") && hasDetail(body, 0, "type") && hasDetail(body, 0, "occurredAt"), body.encode());
  }

  @Test
  void unknownEventTypeIsRejected() {
    JsonObject body = error(api.postEvents(health("t-1", "WAN", "up").put("type", "weather").encode()), 400, "validation_failed");
    assertTrue(hasDetail(body, 0, "type"), body.encode());
  }

  @Test
  void timestampWithoutOffsetIsRejected() {
    JsonObject body = error(api.postEvents(health("ts-1", "WAN", "up").put("occurredAt", "2026-11-23T08:00:00").encode()),
        400, "validation_failed");
    assertTrue(hasDetail(body, 0, "occurredAt"), body.encode());
  }

  @Test
  void impossibleCalendarDateIsRejected() {
    JsonObject body = error(api.postEvents(health("ts-2", "WAN", "up").put("occurredAt", "2026-02-30T08:00:00+07:00").encode()),
        400, "validation_failed");
    assertTrue(hasDetail(body, 0, "occurredAt"), body.encode());
  }

  @Test
  void dueDateBeforeReceptionIsRejected() {
    JsonObject e = dossier("due-1", "CG", "H-due", "received").put("dueAt", "2026-11-01T08:00:00+07:00");
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "dueAt"));
  }

  @Test
  void completedDossierWithoutCompletionTimeIsRejected() {
    JsonObject e = dossier("cmp-1", "CG", "H-cmp", "completed");
    e.remove("completedAt");
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "completedAt"));
  }

  @Test
  void ratingBeforeFeedbackIsAnsweredIsRejected() {
    JsonObject e = feedback("rate-1", "CG", "in_progress").put("rating", 5);
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "rating"));
  }

  @Test
  void ratingOutsideOneToFiveIsRejected() {
    JsonObject e = feedback("rate-2", "CG", "answered").put("rating", 9);
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "rating"));
  }

  @Test
  void idLongerThan128CharactersIsRejected() {
    JsonObject e = health("x".repeat(129), "WAN", "up");
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "id"));
  }

  @Test
  void nulCharacterThatPostgresCannotStoreIsRejected() {
    JsonObject e = health("nul-1", "WAN", "up").put("message", "bad\u0000byte");
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 400, "validation_failed"), 0, "message"));
  }

  @Test
  void unknownAgencyIsRejectedWith422() {
    JsonObject body = error(api.postEvents(array(dossier("ua-1", "CG", "H-ua1", "received"),
        dossier("ua-2", "ZZ-99", "H-ua2", "received"))), 422, "unknown_reference");
    assertTrue(hasDetail(body, 1, "agency"), body.encode());
    assertEquals(1, body.getJsonArray("details").size());
  }

  @Test
  void unknownSystemIsRejectedWith422() {
    assertTrue(hasDetail(error(api.postEvents(health("us-1", "NOT-A-SYSTEM", "up").encode()), 422, "unknown_reference"), 0, "system"));
  }

  @Test
  void unknownDistrictIsRejectedWith422() {
    assertTrue(hasDetail(error(api.postEvents(feedback("ud-1", "SNV", "received").encode()), 422, "unknown_reference"), 0, "district"));
  }

  @Test
  void communeOfAnotherDistrictIsRejectedWith422() {
    JsonObject e = feedback("uc-1", "CG", "received").put("commune", "BD-01");
    assertTrue(hasDetail(error(api.postEvents(e.encode()), 422, "unknown_reference"), 0, "commune"));
  }

  @Test
  void missingApiKeyIsRejectedWith401() {
    HttpResponse<Buffer> r = api.postEvents(health("k-1", "WAN", "up").encode(), "application/json", null);
    error(r, 401, "unauthorized");
    assertTrue(r.getHeader("WWW-Authenticate").startsWith("Bearer"));
  }

  @Test
  void unknownApiKeyIsRejectedWith401() {
    error(api.postEvents(health("k-2", "WAN", "up").encode(), "application/json", "cok_not-a-real-key"), 401, "unauthorized");
  }

  @Test
  void keyNotGrantedTheAgencyIsRejectedWith403() {
    String key = createKey("cg-motcua", new JsonArray(), new JsonArray().add("CG"));

    assertEquals(202, api.postEvents(dossier("g-ok", "CG-04", "H-g-ok", "received").encode(), "application/json", key).statusCode(),
        "a district key covers its communes");
    before = api.storedEvents();
    JsonObject body = error(api.postEvents(array(dossier("g-1", "CG", "H-g1", "received"), dossier("g-2", "BD", "H-g2", "received")),
        "application/json", key), 403, "forbidden");
    assertTrue(hasDetail(body, 1, "agency"), body.encode());
  }

  @Test
  void systemKeyCannotReportAnotherSystem() {
    String key = createKey("lgsp-probe", new JsonArray().add("LGSP"), new JsonArray());
    assertTrue(hasDetail(error(api.postEvents(health("sk-1", "WAN", "down").encode(), "application/json", key), 403, "forbidden"), 0, "system"));
  }

  @Test
  void bodyOverOneMebibyteIsRejectedWith413() {
    String big = health("big-1", "WAN", "up").put("message", "x".repeat(1_100_000)).encode();
    error(api.postEvents(big), 413, "body_too_large");
  }

  @Test
  void batchOfMoreThanOneThousandEventsIsRejectedWith413() {
    String body = IntStream.range(0, 1001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));
    error(api.postEvents(body), 413, "batch_too_large");
  }

  @Test
  void wrongContentTypeIsRejectedWith415() {
    error(api.postEvents(health("ct-1", "WAN", "up").encode(), "text/plain", TestNodes.DEV_KEY), 415, "unsupported_media_type");
  }

  @Test
  void missingContentTypeIsRejectedWith415() {
    error(api.postEvents(health("ct-2", "WAN", "up").encode(), null, TestNodes.DEV_KEY), 415, "unsupported_media_type");
  }

  @Test
  void unknownApiPathIsAJson404() {
    error(api.send(HttpMethod.GET, "/api/v1/nothing-here", null, null), 404, "not_found");
  }

  private static String createKey(String name, JsonArray systems, JsonArray agencies) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/admin/api-keys", admin,
        new JsonObject().put("name", name + "-" + System.nanoTime()).put("systems", systems).put("agencies", agencies));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("key");
  }
}
