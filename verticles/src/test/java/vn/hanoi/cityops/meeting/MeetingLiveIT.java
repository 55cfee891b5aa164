package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.meeting.Meetings.call;
import static vn.hanoi.cityops.meeting.Meetings.example;
import static vn.hanoi.cityops.meeting.Meetings.expect;
import static vn.hanoi.cityops.meeting.Meetings.follow;
import static vn.hanoi.cityops.meeting.Meetings.ok;
import static vn.hanoi.cityops.meeting.Meetings.until;

/**
 * What the meeting topic shows live beyond the panel: decisions and tasks as they are recorded, the secretary the
 * chair designates, presence that expires when a browser stops renewing it, the tasks of the last briefing; and a
 * panel's numbers moved by data that reached the feed in the same batch as a meeting change.
 * The clock ticks hourly here, so only the events a test makes move a panel.
 */
@NodeTest(config = {"meeting.presenceTimeoutMs=" + MeetingLiveIT.PRESENCE_TIMEOUT_MS, "live.clockMs=3600000"})
class MeetingLiveIT {
  static final long PRESENCE_TIMEOUT_MS = 1_500;
  private static Node node;
  private static Api api;
  private static String leader;
  private static String officer;
  private static String operator;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    leader = api.token("leader");
    officer = api.token("cg-officer");
    operator = api.token("operator");
  }

  private static long started(JsonObject body) {
    long id = ok(api, leader, "POST", "/api/v1/meetings", body).getLong("id");
    ok(api, leader, "POST", "/api/v1/meetings/" + id + "/start", null);
    return id;
  }

  @Test
  void panelNumbersMovedByDataInTheSameFeedBatchAsAMeetingChangeReachTheScreens(Vertx vertx) {
    long id = started(example("CG"));
    String base = "/api/v1/meetings/" + id;
    String topic = "meeting." + id;
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(cg, topic);
      JsonObject shown = until(cg, topic, d -> d.getJsonObject("panelData") != null && d.getJsonObject("panel") != null
          && "district-dossiers".equals(d.getJsonObject("panel").getString("kind")));
      long before = shown.getJsonObject("panelData").getJsonObject("kpis").getLong("received");

      // An open transaction holds the feed's horizon: what commits meanwhile is read in one batch once it ends,
      // in commit-safe order — the dossier first, then the raised hand (a meeting change).
      SqlConnection holder = Api.await(node.database().pool().getConnection());
      Transaction horizon = Api.await(holder.begin());
      try {
        Api.await(holder.query("SELECT pg_current_xact_id()").execute());
        Instant now = Instant.now();
        JsonObject dossier = Events.dossier("same-batch-1", "CG-02", "HS-SAME-BATCH-1", "received")
            .put("occurredAt", now.minusSeconds(30).toString()).put("receivedAt", now.minusSeconds(30).toString())
            .put("dueAt", now.plus(Duration.ofDays(5)).toString());
        assertEquals(202, api.postEvents(Events.array(dossier)).statusCode());
        ok(api, officer, "POST", base + "/hand", new JsonObject().put("raised", true));
      } finally {
        Api.await(horizon.rollback());
        Api.await(holder.close());
      }
      JsonObject after = until(cg, topic, d -> !d.getJsonArray("hands", new JsonArray()).isEmpty()
          && d.getJsonObject("panelData").getJsonObject("kpis").getLong("received") == before + 1);
      assertEquals(new JsonArray().add("cg-officer"), after.getJsonArray("hands"));
      cg.assertNothingMissed();
    } finally {
      cg.close();
    }
  }

  @Test
  void decisionsAndTasksAppearOnTheMeetingTopicAsTheyAreRecordedAndUpdated(Vertx vertx) {
    long id = started(example("CG"));
    String base = "/api/v1/meetings/" + id;
    String topic = "meeting." + id;
    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(cg, topic);
      until(cg, topic, d -> d.getJsonArray("decisions") != null && d.getJsonArray("tasks") != null);
      JsonObject decision = ok(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "Cầu Giấy xử lý dứt điểm hồ sơ quá hạn"));
      JsonObject seen = until(cg, topic, d -> !d.getJsonArray("decisions").isEmpty());
      JsonObject shown = seen.getJsonArray("decisions").getJsonObject(0);
      assertEquals(decision.getLong("id"), shown.getLong("id"));
      assertEquals("Cầu Giấy xử lý dứt điểm hồ sơ quá hạn", shown.getString("text"));
      assertEquals("leader", shown.getString("recordedBy"));
      assertNull(shown.getValue("panel"), "the snapshot stays in the record, not on every screen");

      JsonObject task = ok(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "CG-02")
          .put("description", "Rà soát hồ sơ tồn đọng").put("deadline", Instant.now().plus(Duration.ofDays(2)).toString()));
      JsonObject withTask = until(cg, topic, d -> !d.getJsonArray("tasks").isEmpty());
      JsonObject live = withTask.getJsonArray("tasks").getJsonObject(0);
      assertEquals(task.getLong("id"), live.getLong("id"));
      assertEquals("CG-02", live.getString("agency"));
      assertEquals("open", live.getString("state"));
      assertFalse(live.getBoolean("overdue"));

      ok(api, officer, "PATCH", "/api/v1/tasks/" + task.getLong("id"), new JsonObject().put("state", "in_progress").put("progress", 30));
      JsonObject progressed = until(cg, topic, d -> d.getJsonArray("tasks").getJsonObject(0).getInteger("progress") == 30);
      assertEquals("in_progress", progressed.getJsonArray("tasks").getJsonObject(0).getString("state"));
      // each is one stored meeting event, so every node publishes it at the same seq
      assertEquals(1, api.count("SELECT count(*) FROM event WHERE type = 'meeting' AND payload->>'id' = $1 "
          + "AND jsonb_array_length(payload->'tasks') = 1 AND payload->'tasks'->0->>'progress' = '30'", String.valueOf(id)));
      cg.assertNothingMissed();
    } finally {
      cg.close();
    }
  }

  @Test
  void chairDesignatesChangesAndRemovesTheSecretaryWhoDrivesAtOnce(Vertx vertx) {
    long id = started(example("CG").put("invitedPeople", new JsonArray().add("operator").add("sre")));
    String base = "/api/v1/meetings/" + id;
    String topic = "meeting." + id;
    JsonObject systems = new JsonObject().put("kind", "systems");
    expect(403, "forbidden", call(api, operator, "POST", base + "/panel", systems));
    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(cg, topic);
      JsonObject designated = ok(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", "operator"));
      assertEquals("operator", designated.getString("secretary"));
      until(cg, topic, d -> "operator".equals(d.getJsonObject("meeting").getString("secretary")));
      ok(api, operator, "POST", base + "/panel", systems);
      expect(403, "forbidden", call(api, operator, "PUT", base + "/secretary", new JsonObject().put("username", "sre")));
      JsonObject audit = api.row("SELECT details FROM audit_log WHERE action = 'meeting.secretary' AND target = $1 ORDER BY id DESC LIMIT 1",
          "meeting:" + id);
      assertEquals("operator", new JsonObject(audit.getValue("details").toString()).getString("to"));

      ok(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", "sre"));
      expect(403, "forbidden", call(api, operator, "POST", base + "/panel", systems));
      JsonObject removed = ok(api, leader, "PUT", base + "/secretary", new JsonObject().putNull("username"));
      assertNull(removed.getString("secretary"));
      until(cg, topic, d -> d.getJsonObject("meeting").getString("secretary") == null);
      assertEquals(3, api.count("SELECT count(*) FROM audit_log WHERE action = 'meeting.secretary' AND target = $1", "meeting:" + id));
      cg.assertNothingMissed();
    } finally {
      cg.close();
    }
  }

  @Test
  void secretaryDesignationRefusesOthersUnknownMeetingsBadBodiesUnknownUsersAndEndedMeetings() {
    long id = started(example("CG"));
    String base = "/api/v1/meetings/" + id;
    expect(403, "forbidden", call(api, officer, "PUT", base + "/secretary", new JsonObject().put("username", "operator")));
    expect(404, "not_found", call(api, leader, "PUT", "/api/v1/meetings/999999/secretary", new JsonObject().put("username", "operator")));
    expect(400, "invalid_parameter", call(api, leader, "PUT", "/api/v1/meetings/abc/secretary", new JsonObject().put("username", "operator")));
    expect(400, "validation_failed", call(api, leader, "PUT", base + "/secretary", new JsonObject()));
    expect(400, "validation_failed", call(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", 7)));
    expect(400, "validation_failed", call(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", "sre").put("role", "x")));
    expect(415, "unsupported_media_type", call(api, leader, "PUT", base + "/secretary", null));
    HttpResponse<Buffer> unknown = call(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", "nobody"));
    expect(422, "unknown_reference", unknown);
    assertEquals("username", unknown.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    ok(api, leader, "POST", base + "/end", null);
    expect(409, "illegal_transition", call(api, leader, "PUT", base + "/secretary", new JsonObject().put("username", "operator")));
    assertEquals(0, api.count("SELECT count(*) FROM audit_log WHERE action = 'meeting.secretary' AND target = $1", "meeting:" + id));
  }

  @Test
  void participantWhoStopsRenewingIsMarkedLeftAfterTheTimeoutAndOneWhoRenewsStays(Vertx vertx) {
    long id = started(example("CG").put("invitedPeople", new JsonArray().add("operator")));
    String base = "/api/v1/meetings/" + id;
    String topic = "meeting." + id;
    JsonObject joined = ok(api, officer, "POST", base + "/join", null);
    ok(api, officer, "POST", base + "/hand", new JsonObject().put("raised", true));
    ok(api, operator, "POST", base + "/join", null);
    assertEquals(1, joined.getJsonArray("presence").size());
    long events = api.count("SELECT count(*) FROM event WHERE type = 'meeting' AND payload->>'id' = $1", String.valueOf(id));
    LiveClient chair = LiveClient.connect(vertx, node, leader);
    try {
      follow(chair, topic);
      // the operator's page renews; the officer's browser died
      Meetings.renewFor(api, operator, base, 3 * PRESENCE_TIMEOUT_MS);
      JsonObject state = until(chair, topic, d -> d.getJsonArray("presence").size() == 1);
      assertEquals("operator", state.getJsonArray("presence").getJsonObject(0).getString("username"));
      assertEquals(new JsonArray(), state.getJsonArray("hands"), "a participant marked left no longer asks for the floor");
      assertEquals(events + 1, api.count("SELECT count(*) FROM event WHERE type = 'meeting' AND payload->>'id' = $1", String.valueOf(id)),
          "renewals store nothing; the expiry is one event");
      JsonObject stay = api.row("SELECT left_at IS NOT NULL AS gone, left_at = last_seen AS at_last_seen FROM meeting_attendance "
          + "WHERE meeting_id = $1 AND username = 'cg-officer'", id);
      assertTrue(stay.getBoolean("gone") && stay.getBoolean("at_last_seen"), "left as of when last seen: " + stay);

      // the officer comes back: a new stay, late
      JsonObject back = ok(api, officer, "POST", base + "/join", null);
      assertTrue(back.getJsonArray("presence").stream().map(JsonObject.class::cast)
          .anyMatch(p -> "cg-officer".equals(p.getString("username")) && p.getBoolean("late")));
      assertEquals(2, ok(api, leader, "GET", base, null).getJsonArray("attendance").stream()
          .filter(a -> "cg-officer".equals(((JsonObject) a).getString("username"))).count());
      assertEquals(PRESENCE_TIMEOUT_MS / 3, ok(api, officer, "GET", base, null).getLong("presenceRenewMs"));
      chair.assertNothingMissed();
    } finally {
      chair.close();
    }
  }

  @Test
  void nextBriefingOpensWithTheLastOnesTasksAndTheirStatusLive(Vertx vertx) {
    JsonObject district = example("CG").put("level", "district");
    long last = started(district.copy());
    JsonObject late = ok(api, leader, "POST", "/api/v1/meetings/" + last + "/tasks", new JsonObject().put("agency", "CG-02")
        .put("description", "Giải quyết hồ sơ quá hạn").put("deadline", Meetings.passingDeadline()).put("priority", "urgent"));
    JsonObject onTime = ok(api, leader, "POST", "/api/v1/meetings/" + last + "/tasks", new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo phản ánh môi trường").put("deadline", Instant.now().plus(Duration.ofDays(5)).toString()));
    Meetings.awaitOverdue(api, leader, late.getLong("id"));
    ok(api, leader, "POST", "/api/v1/meetings/" + last + "/end", null);

    JsonObject next = ok(api, leader, "POST", "/api/v1/meetings", district.copy().put("carryOverTasks", true));
    JsonObject first = next.getJsonArray("agenda").getJsonObject(0);
    assertEquals("Nhiệm vụ từ cuộc giao ban trước", first.getString("title"));
    assertEquals(new JsonObject().put("kind", "previous-tasks").put("meeting", last), first.getJsonObject("panel"));
    assertEquals(3, next.getJsonArray("agenda").size(), "then the agenda as given");
    long id = next.getLong("id");
    String topic = "meeting." + id;
    ok(api, leader, "POST", "/api/v1/meetings/" + id + "/start", null);
    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(cg, topic);
      JsonObject shown = until(cg, topic, d -> d.getJsonObject("panelData") != null && d.getJsonObject("panelData").getJsonArray("tasks") != null);
      JsonObject data = shown.getJsonObject("panelData");
      assertEquals(last, data.getJsonObject("meeting").getLong("id"));
      assertEquals(2, data.getJsonArray("tasks").size());
      JsonObject overdue = data.getJsonArray("tasks").getJsonObject(0);
      assertEquals(late.getLong("id"), overdue.getLong("id"), "by deadline");
      assertTrue(overdue.getBoolean("overdue"));
      assertEquals(new JsonObject().put("total", 2).put("done", 0).put("overdue", 1), data.getJsonObject("summary"));

      // the assignee reports progress on the last briefing's task: the panel moves on every screen
      ok(api, officer, "PATCH", "/api/v1/tasks/" + onTime.getLong("id"), new JsonObject().put("state", "done").put("note", "Đã gửi báo cáo"));
      JsonObject moved = until(cg, topic, d -> d.getJsonObject("panelData").getJsonObject("summary").getInteger("done") == 1);
      JsonObject done = moved.getJsonObject("panelData").getJsonArray("tasks").getJsonObject(1);
      assertEquals("done", done.getString("state"));
      assertEquals(100, done.getInteger("progress"));
      cg.assertNothingMissed();
    } finally {
      cg.close();
    }
    ok(api, leader, "POST", "/api/v1/meetings/" + id + "/end", null);
    String minutes = call(api, officer, "GET", "/api/v1/meetings/" + id + "/minutes", null).bodyAsString();
    assertTrue(minutes.contains("Nhiệm vụ từ cuộc giao ban trước"));
    assertTrue(minutes.contains("Giải quyết hồ sơ quá hạn") && minutes.contains("Báo cáo phản ánh môi trường"));
    assertTrue(minutes.contains("Quá hạn"), "the overdue task is flagged");
    String en = call(api, officer, "GET", "/api/v1/meetings/" + id + "/minutes?lang=en", null).bodyAsString();
    assertTrue(en.contains("Tasks from the last briefing") && en.contains("Overdue"));
  }

  @Test
  void carryingOverWithoutAnEndedBriefingIs422AndAPreviousTasksPanelNeedsAKnownMeeting() {
    HttpResponse<Buffer> none = call(api, leader, "POST", "/api/v1/meetings", example("CG").put("level", "commune").put("carryOverTasks", true));
    expect(422, "unknown_reference", none);
    assertEquals("carryOverTasks", none.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    expect(400, "validation_failed", call(api, leader, "POST", "/api/v1/meetings", example("CG").put("carryOverTasks", "yes")));
    long id = started(example("CG"));
    String base = "/api/v1/meetings/" + id;
    expect(422, "unknown_reference", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "previous-tasks").put("meeting", 999999)));
    expect(400, "validation_failed", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "previous-tasks").put("meeting", "last")));
    expect(400, "validation_failed", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "previous-tasks")));
    expect(422, "unknown_reference", call(api, leader, "POST", "/api/v1/meetings", example("CG").put("agenda", new JsonArray()
        .add(new JsonObject().put("title", "x").put("panel", new JsonObject().put("kind", "previous-tasks").put("meeting", 999999))))));
    assertNotNull(ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "previous-tasks").put("meeting", id)).getJsonObject("panel"));
  }
}
