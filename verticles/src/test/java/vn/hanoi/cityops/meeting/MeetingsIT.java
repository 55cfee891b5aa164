package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
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

/** Briefings on one node: the state machine, who may drive and follow, live panels, decisions, tasks and minutes. */
@NodeTest
class MeetingsIT {
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

  private static long create(JsonObject body) {
    HttpResponse<Buffer> r = call(api, leader, "POST", "/api/v1/meetings", body);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  @Test
  void meetingGoesScheduledInProgressEndedAndIllegalTransitionsAre409() {
    HttpResponse<Buffer> created = call(api, leader, "POST", "/api/v1/meetings", example("CG", "DA", "STTTT"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject m = created.bodyAsJsonObject();
    long id = m.getLong("id");
    assertEquals("scheduled", m.getString("state"));
    assertEquals("leader", m.getString("chair"));
    assertEquals(2, m.getJsonArray("agenda").size());
    assertEquals(new JsonArray().add("CG").add("DA").add("STTTT"), m.getJsonArray("invitedAgencies"));
    long second = m.getJsonArray("agenda").getJsonObject(1).getLong("id");
    String base = "/api/v1/meetings/" + id;

    expect(409, "illegal_transition", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "systems")));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/end", null));
    JsonObject started = ok(api, leader, "POST", base + "/start", null);
    assertEquals("in_progress", started.getString("state"));
    assertEquals("Hồ sơ quá hạn", started.getJsonObject("currentItem").getString("title"));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/start", null));

    // activating an item with a prepared panel puts that panel on screen
    JsonObject activated = ok(api, leader, "POST", base + "/agenda/" + second + "/activate", null);
    assertEquals(second, activated.getJsonObject("currentItem").getLong("id"));
    assertEquals("district-feedback", activated.getJsonObject("panel").getString("kind"));
    expect(404, null, call(api, leader, "POST", base + "/agenda/999999/activate", null));

    JsonObject shared = ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    assertEquals(new JsonObject().put("kind", "district-dossiers").put("district", "CG"), shared.getJsonObject("panel"));
    expect(422, "unknown_reference", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "XX")));
    expect(400, "validation_failed", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "kpi-trend")
        .put("kpi", "dossiers_received").put("days", 31)));
    expect(400, "validation_failed", call(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "pie-chart")));
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-ranking").put("by", "onTimeRate"));
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "systems"));
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "kpi-trend").put("kpi", "dossiers_received").put("days", 30));
    assertTrue(api.count("SELECT count(*) FROM audit_log WHERE action = 'meeting.panel_share' AND target = $1", "meeting:" + id) >= 4);

    JsonObject ended = ok(api, leader, "POST", base + "/end", null);
    assertEquals("ended", ended.getString("state"));
    assertNull(ended.getJsonObject("panel"));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/end", null));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/start", null));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/agenda/" + second + "/activate", null));
    expect(409, "illegal_transition", call(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "muộn")));
    expect(409, "illegal_transition", call(api, officer, "POST", base + "/join", null));
    // every change is one 'meeting' event: create, start, activate, 4 panels, end
    assertEquals(8, api.count("SELECT count(*) FROM event WHERE type = 'meeting' AND payload->>'id' = $1", String.valueOf(id)));
  }

  @Test
  void unknownInvitedAgencyIs422AndOnlyLeadersCreate() {
    expect(422, "unknown_reference", call(api, leader, "POST", "/api/v1/meetings", example("CG", "NOPE")));
    expect(403, "forbidden", call(api, officer, "POST", "/api/v1/meetings", example("CG")));
    expect(400, "validation_failed", call(api, leader, "POST", "/api/v1/meetings", new JsonObject().put("title", "x")));
  }

  @Test
  void participantCannotDriveAndUninvitedOfficerCannotFollowOrRead(Vertx vertx) {
    long invited = create(example("CG"));
    long other = create(example("DA"));
    String base = "/api/v1/meetings/" + invited;
    expect(403, "forbidden", call(api, officer, "POST", base + "/start", null));
    ok(api, leader, "POST", base + "/start", null);
    for (String path : new String[]{"/panel", "/highlight", "/end", "/decisions", "/tasks"}) {
      expect(403, "forbidden", call(api, officer, "POST", base + path, new JsonObject().put("kind", "systems")));
    }
    expect(403, "forbidden", call(api, officer, "POST", base + "/agenda/1/activate", null));
    // an invited officer takes part: joins, raises a hand, reads the meeting
    ok(api, officer, "POST", base + "/join", null);
    JsonObject hand = ok(api, officer, "POST", base + "/hand", new JsonObject().put("raised", true));
    assertEquals(new JsonArray().add("cg-officer"), hand.getJsonArray("hands"));
    ok(api, officer, "GET", base, null);

    LiveClient chair = LiveClient.connect(vertx, node, leader);
    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(chair, "meeting." + other); // this node knows the meeting now: a refusal below is the rule, not a lag
      cg.subscribe("meeting." + other, null);
      JsonObject refused = cg.next(x -> ("meeting." + other).equals(x.getString("topic")));
      assertEquals("error", refused.getString("type"));
      assertEquals("forbidden", refused.getString("error"));
      follow(cg, "meeting." + invited);
      JsonObject state = until(cg, "meeting." + invited, d -> d.getJsonArray("hands") != null && !d.getJsonArray("hands").isEmpty());
      assertEquals(new JsonArray().add("cg-officer"), state.getJsonArray("hands"));
      chair.assertNothingMissed();
      cg.assertNothingMissed();
    } finally {
      chair.close();
      cg.close();
    }
    expect(403, "forbidden", call(api, officer, "GET", "/api/v1/meetings/" + other, null));
    expect(403, "forbidden", call(api, officer, "POST", "/api/v1/meetings/" + other + "/join", null));
    JsonArray mine = ok(api, officer, "GET", "/api/v1/meetings", null).getJsonArray("items");
    assertTrue(mine.stream().anyMatch(x -> ((JsonObject) x).getLong("id") == invited));
    assertFalse(mine.stream().anyMatch(x -> ((JsonObject) x).getLong("id") == other));
  }

  @Test
  void adminOperatorAndSreNotInvitedCannotJoinOrRaiseAHandAndNeverAppearInThePresenceList() {
    long id = create(example("DA"));
    String base = "/api/v1/meetings/" + id;
    ok(api, leader, "POST", base + "/start", null);
    for (String who : new String[]{"admin", "operator", "sre"}) {
      String token = api.token(who);
      ok(api, token, "GET", base, null); // city-wide readers still read it
      expect(403, "forbidden", call(api, token, "POST", base + "/join", null));
      expect(403, "forbidden", call(api, token, "POST", base + "/hand", new JsonObject().put("raised", true)));
    }
    JsonObject meeting = ok(api, leader, "GET", base, null);
    assertEquals(new JsonArray(), meeting.getJsonArray("presence"), meeting.encode());
    assertEquals(new JsonArray(), meeting.getJsonArray("hands"), meeting.encode());
    ok(api, api.token("leader"), "POST", base + "/join", null); // the chair, and any leader, sits in
  }

  @Test
  void lateJoinerLandsOnCurrentItemAndPanelWhoseNumbersMoveWithDossiers(Vertx vertx) {
    long id = create(example("CG"));
    String base = "/api/v1/meetings/" + id;
    ok(api, leader, "POST", base + "/join", null);
    ok(api, leader, "POST", base + "/start", null);
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    ok(api, leader, "POST", base + "/highlight", new JsonObject().put("target", "agency").put("code", "CG-02"));
    JsonObject joined = ok(api, officer, "POST", base + "/join", null);
    JsonArray presence = joined.getJsonArray("presence");
    assertEquals(2, presence.size());
    assertFalse(presence.getJsonObject(0).getBoolean("late"), "the chair joined before the start");
    assertTrue(presence.getJsonObject(1).getBoolean("late"), "the officer joined after the start");

    LiveClient cg = LiveClient.connect(vertx, node, officer);
    try {
      follow(cg, "meeting." + id);
      JsonObject data = until(cg, "meeting." + id, d -> d.getJsonObject("highlight") != null && d.getJsonObject("panelData") != null);
      assertEquals("Hồ sơ quá hạn", data.getJsonObject("item").getString("title"));
      assertEquals("district-dossiers", data.getJsonObject("panel").getString("kind"));
      assertEquals("CG-02", data.getJsonObject("highlight").getString("code"));
      assertEquals("in_progress", data.getJsonObject("meeting").getString("state"));
      long before = data.getJsonObject("panelData").getJsonObject("kpis").getLong("received");

      Instant now = Instant.now();
      JsonObject dossier = Events.dossier("meeting-live-1", "CG-02", "HS-MEETING-1", "received")
          .put("occurredAt", now.minusSeconds(30).toString()).put("receivedAt", now.minusSeconds(30).toString())
          .put("dueAt", now.plus(Duration.ofDays(5)).toString());
      assertEquals(202, api.postEvents(Events.array(dossier)).statusCode());
      JsonObject moved = cg.next(x -> x.getJsonObject("data") != null && x.getJsonObject("data").getJsonObject("panelData") != null
          && x.getJsonObject("data").getJsonObject("panelData").getJsonObject("kpis").getLong("received") > before);
      assertEquals(before + 1, moved.getJsonObject("data").getJsonObject("panelData").getJsonObject("kpis").getLong("received"));

      // the shared panel is a grant to the participants while the meeting lasts
      assertEquals(before + 1, ok(api, officer, "GET", base + "/panel", null).getJsonObject("data").getJsonObject("kpis").getLong("received"));
      ok(api, leader, "POST", base + "/end", null);
      JsonObject end = cg.next(x -> x.getJsonObject("data") != null && x.getJsonObject("data").getJsonObject("meeting") != null
          && "ended".equals(x.getJsonObject("data").getJsonObject("meeting").getString("state")));
      assertTrue(end.getJsonObject("data").containsKey("panelData") && end.getJsonObject("data").getValue("panelData") == null,
          "the panel's data leaves the screens when the meeting ends");
      expect(404, null, call(api, officer, "GET", base + "/panel", null));
      cg.assertNothingMissed();
    } finally {
      cg.close();
    }
  }

  @Test
  void decisionStoresThePanelAsItWasThen() {
    long id = create(example("CG"));
    String base = "/api/v1/meetings/" + id;
    ok(api, leader, "POST", base + "/start", null);
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    JsonObject decision = ok(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "UBND quận Cầu Giấy xử lý dứt điểm hồ sơ quá hạn"));
    JsonObject snapshot = decision.getJsonObject("panel");
    assertEquals("district-dossiers", snapshot.getString("kind"));
    assertNotNull(snapshot.getJsonObject("data").getJsonObject("kpis"));
    assertNotNull(snapshot.getJsonObject("data").getString("asOf"));
    assertNotNull(decision.getLong("item"), "recorded on the current agenda item");
    JsonObject stored = ok(api, leader, "GET", base, null).getJsonArray("decisions").getJsonObject(0);
    assertEquals(snapshot, stored.getJsonObject("panel"));
    expect(403, "forbidden", call(api, officer, "POST", base + "/decisions", new JsonObject().put("text", "x")));
  }

  @Test
  void taskLifecycleFlagsOverdueAndOnlyTheAssigneeAgencyUpdatesIt() {
    long id = create(example("CG", "DA"));
    String base = "/api/v1/meetings/" + id;
    ok(api, leader, "POST", base + "/start", null);
    JsonObject commune = ok(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "CG-02")
        .put("description", "Giải quyết 12 hồ sơ quá hạn").put("deadline", Meetings.passingDeadline()).put("priority", "urgent"));
    JsonObject other = ok(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "DA")
        .put("description", "Báo cáo phản ánh").put("deadline", Instant.now().plus(Duration.ofDays(7)).toString()));
    assertFalse(commune.getBoolean("overdue"), "not overdue when given");
    assertTrue(Meetings.awaitOverdue(api, leader, commune.getLong("id")).getBoolean("overdue"), "overdue once its deadline passed");
    assertFalse(other.getBoolean("overdue"));
    assertEquals("open", commune.getString("state"));
    expect(422, "unknown_reference", call(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "XX")
        .put("description", "x").put("deadline", Instant.now().toString())));

    // Cầu Giấy's officer sees its communes' tasks, not Đông Anh's
    JsonArray seen = ok(api, officer, "GET", "/api/v1/tasks", null).getJsonArray("items");
    assertTrue(seen.stream().anyMatch(t -> ((JsonObject) t).getLong("id").equals(commune.getLong("id"))));
    assertFalse(seen.stream().anyMatch(t -> ((JsonObject) t).getLong("id").equals(other.getLong("id"))));
    expect(403, "forbidden", call(api, officer, "GET", "/api/v1/tasks?agency=DA", null));
    JsonArray overdue = ok(api, operator, "GET", "/api/v1/tasks?overdue=true&agency=CG-02", null).getJsonArray("items");
    assertTrue(overdue.stream().anyMatch(t -> ((JsonObject) t).getLong("id").equals(commune.getLong("id"))));

    String task = "/api/v1/tasks/" + commune.getLong("id");
    expect(403, "forbidden", call(api, officer, "PATCH", "/api/v1/tasks/" + other.getLong("id"), new JsonObject().put("progress", 10)));
    expect(403, "forbidden", call(api, leader, "PATCH", task, new JsonObject().put("progress", 10)));
    JsonObject progressed = ok(api, officer, "PATCH", task, new JsonObject().put("state", "in_progress").put("progress", 40).put("note", "Đã xử lý 5 hồ sơ"));
    assertEquals(40, progressed.getInteger("progress"));
    assertEquals("cg-officer", progressed.getJsonArray("notes").getJsonObject(0).getString("author"));
    expect(400, "validation_failed", call(api, officer, "PATCH", task, new JsonObject().put("state", "done")));
    JsonObject done = ok(api, officer, "PATCH", task, new JsonObject().put("state", "done").put("note", "Đã xử lý xong"));
    assertEquals("done", done.getString("state"));
    assertEquals("Đã xử lý xong", done.getString("doneNote"));
    assertFalse(done.getBoolean("overdue"), "a task done is no longer overdue");
    expect(409, "illegal_transition", call(api, officer, "PATCH", task, new JsonObject().put("progress", 50)));
  }

  @Test
  void minutesAreVietnameseByDefaultWithAttendanceDecisionsAndTasks() {
    long id = create(example("CG"));
    String base = "/api/v1/meetings/" + id;
    ok(api, officer, "POST", base + "/join", null);
    ok(api, leader, "POST", base + "/start", null);
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    ok(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "Giao Cầu Giấy rà soát hồ sơ <trễ hạn>"));
    ok(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "CG").put("description", "Rà soát quy trình một cửa")
        .put("deadline", Instant.now().plus(Duration.ofDays(3)).toString()));
    ok(api, leader, "POST", base + "/end", null);
    HttpResponse<Buffer> vi = call(api, officer, "GET", base + "/minutes", null);
    assertEquals(200, vi.statusCode());
    assertTrue(vi.getHeader("Content-Type").startsWith("text/html"));
    String html = vi.bodyAsString();
    assertTrue(html.contains("lang=\"vi\""));
    assertTrue(html.contains("Biên bản cuộc họp"));
    assertTrue(html.contains("Thành phần tham dự") && html.contains("cg-officer"));
    assertTrue(html.contains("Giao Cầu Giấy rà soát hồ sơ &lt;trễ hạn&gt;"), "decisions, escaped");
    assertTrue(html.contains("Rà soát quy trình một cửa") && html.contains("Giao nhiệm vụ"));
    assertTrue(html.contains("@media print"));
    String en = call(api, officer, "GET", base + "/minutes?lang=en", null).bodyAsString();
    assertTrue(en.contains("Minutes of the meeting") && en.contains("Attendance"));
  }
}
