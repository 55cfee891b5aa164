package vn.hanoi.cityops.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
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

/** The ingestion contract against a real node, real HTTP and a real PostgreSQL. */
@NodeTest
class IngestApiIT {
  private static Node node;
  private static Api api;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
  }

  @Test
  void singleEventIsAcceptedOnlyOnceStoredWithItsTypedColumns() {
    HttpResponse<Buffer> r = api.postEvents(health("one-1", "MOTCUA", "degraded").encode());

    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals(new JsonObject().put("accepted", 1).put("duplicates", 0), r.bodyAsJsonObject());
    JsonObject stored = api.row("SELECT source, type, system_code, status FROM event WHERE event_id = $1", "one-1");
    assertEquals("bootstrap", stored.getString("source"));
    assertEquals("MOTCUA", stored.getString("system_code"));
    assertEquals("degraded", stored.getString("status"));
  }

  @Test
  void ndjsonBatchIsAcceptedLineByLine() {
    String body = health("nd-1", "LGSP", "up").encode() + "\n\n" + dossier("nd-2", "SNV", "H-nd-2", "received").encode() + "\n";

    HttpResponse<Buffer> r = api.postEvents(body, "application/x-ndjson", TestNodes.DEV_KEY);

    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals(2, r.bodyAsJsonObject().getInteger("accepted"));
    assertEquals(2, api.count("SELECT count(*) FROM event WHERE event_id IN ('nd-1', 'nd-2')"));
  }

  @Test
  void duplicateEventInSameBatchIsStoredOnce() {
    JsonObject e = feedback("dup-a", "CG", "received");

    HttpResponse<Buffer> r = api.postEvents(array(e, e, e));

    assertEquals(new JsonObject().put("accepted", 1).put("duplicates", 2), r.bodyAsJsonObject());
    assertEquals(1, api.count("SELECT count(*) FROM event WHERE event_id = 'dup-a'"));
  }

  @Test
  void duplicateEventInSecondRequestIsStoredOnce() {
    JsonObject e = dossier("dup-b", "CG-01", "H-dup-b", "received");
    api.postEvents(array(e));

    HttpResponse<Buffer> again = api.postEvents(array(e, dossier("dup-c", "CG-01", "H-dup-c", "received")));

    assertEquals(new JsonObject().put("accepted", 1).put("duplicates", 1), again.bodyAsJsonObject());
    assertEquals(1, api.count("SELECT count(*) FROM event WHERE event_id = 'dup-b'"));
  }

  @Test
  void unknownFieldsAreKeptInTheStoredPayload() {
    JsonObject e = health("extra-1", "WAN", "up").put("vendorTicket", "VNPT-42").put("nested", new JsonObject().put("a", 1));

    api.postEvents(e.encode());

    JsonObject stored = api.row("SELECT payload FROM event WHERE event_id = 'extra-1'");
    JsonObject payload = stored.getJsonObject("payload");
    assertEquals("VNPT-42", payload.getString("vendorTicket"));
    assertEquals(1, payload.getJsonObject("nested").getInteger("a"));
  }

  @Test
  void currentStateFollowsTheLatestEventAndIgnoresALateOlderOne() {
    JsonObject received = dossier("st-1", "BD-02", "H-st", "received").put("occurredAt", "2026-11-23T08:00:00+07:00");
    JsonObject completed = dossier("st-2", "BD-02", "H-st", "completed").put("occurredAt", "2026-11-23T10:00:00+07:00");
    JsonObject lateInProgress = dossier("st-3", "BD-02", "H-st", "in_progress").put("occurredAt", "2026-11-23T09:00:00+07:00");

    api.postEvents(array(received, completed));
    api.postEvents(array(lateInProgress));

    JsonObject state = api.row("SELECT stage, procedure_code FROM dossier_state WHERE agency_code = 'BD-02' AND dossier_id = 'H-st'");
    assertEquals("completed", state.getString("stage"));
    assertEquals(3, api.count("SELECT count(*) FROM event WHERE payload->>'dossierId' = 'H-st'"));
  }

  @Test
  void systemAndFeedbackStateAreUpdatedInTheSameCommitAsTheEvent() {
    api.postEvents(array(health("ss-1", "CKS", "down"), feedback("fb-1", "DA", "received").put("commune", "DA-03")));

    assertEquals("down", api.row("SELECT status FROM system_state WHERE system_code = 'CKS'").getString("status"));
    JsonObject fb = api.row("SELECT district_code, commune_code, status FROM feedback_state WHERE feedback_id = 'PAKN-fb-1'");
    assertEquals("DA", fb.getString("district_code"));
    assertEquals("DA-03", fb.getString("commune_code"));
  }

  @Test
  void feedbackRemembersWhenItWasFirstSeenEvenFromOneBatchOrALateEvent() {
    JsonObject received = feedback("fs-1", "HM", "received").put("occurredAt", "2026-11-23T08:00:00+07:00");
    JsonObject answered = feedback("fs-2", "HM", "answered").put("feedbackId", "PAKN-fs-1").put("occurredAt", "2026-11-23T12:00:00+07:00");
    JsonObject lateAssigned = feedback("fs-3", "HM", "assigned").put("feedbackId", "PAKN-fs-1").put("occurredAt", "2026-11-23T07:30:00+07:00");

    api.postEvents(array(received, answered));
    api.postEvents(array(lateAssigned));

    JsonObject state = api.row("SELECT status, rating, first_seen_at FROM feedback_state WHERE feedback_id = 'PAKN-fs-1'");
    assertEquals("answered", state.getString("status"), "the late older event does not reopen it");
    assertEquals(4, state.getInteger("rating"));
    assertEquals(java.time.OffsetDateTime.parse("2026-11-23T07:30:00+07:00").toInstant(),
        java.time.OffsetDateTime.parse(state.getString("first_seen_at")).toInstant());
  }

  @Test
  void procedureCodeNotInTheCatalogueIsAcceptedAndRecorded() {
    api.postEvents(dossier("proc-1", "STTTT", "H-proc", "received").put("procedure", "2.002345").encode());

    assertEquals(1, api.count("SELECT count(*) FROM procedure WHERE code = '2.002345'"));
  }

  @Test
  void dossierEventRecordsItsAgencysDistrict() {
    api.postEvents(dossier("dist-1", "HK-05", "H-dist", "received").encode());

    assertEquals("HK", api.row("SELECT district_code FROM event WHERE event_id = 'dist-1'").getString("district_code"));
  }

  @Test
  void fullBatchOfOneThousandEventsIsAccepted() {
    String body = IntStream.range(0, 1000)
        .mapToObj(i -> dossier("k-" + i, "SYT", "H-k-" + i, "received").encode())
        .collect(Collectors.joining(",", "[", "]"));

    HttpResponse<Buffer> r = api.postEvents(body);

    assertEquals(202, r.statusCode(), r.bodyAsString());
    assertEquals(1000, r.bodyAsJsonObject().getInteger("accepted"));
  }

  @Test
  void schemaIsPublished() {
    HttpResponse<Buffer> r = api.get("/api/v1/schemas/event.json");

    assertEquals(200, r.statusCode());
    assertNotNull(r.bodyAsJsonObject().getJsonArray("allOf"));
  }

  @Test
  void acceptedEventsAreCountedInMetrics() {
    api.postEvents(health("metric-1", "HOP", "up").encode());

    String metrics = api.get("/metrics").bodyAsString();
    assertTrue(metrics.contains("cityops_ingest_events_total{outcome=\"accepted\",type=\"system.health\"}"), metrics);
    assertTrue(metrics.contains("cityops_ingest_request_seconds"), "latency histogram");
    assertTrue(metrics.contains("cityops_event_loop_lag_seconds"), "event-loop lag");
    assertTrue(metrics.contains("vertx_pool_"), "PostgreSQL pool usage");
  }

  static JsonArray details(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("details");
  }
}
