package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.hanoi.cityops.meeting.Meetings.example;
import static vn.hanoi.cityops.meeting.Meetings.follow;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/** All meeting state is in PostgreSQL: a node restarted mid-meeting serves the same item, panel and presence. */
@ExtendWith(VertxExtension.class)
class MeetingRestartIT {

  @Test
  void restartMidMeetingKeepsTheCurrentItemAndPanel(Vertx vertx) {
    String db = TestNodes.freshDatabaseUrl();
    Node first = TestNodes.start(Map.of("pg.url", db));
    Api api = new Api(vertx, first);
    long id;
    long item;
    try {
      String leader = api.token("leader");
      JsonObject created = ok(api, leader, "POST", "/api/v1/meetings", example("CG"));
      id = created.getLong("id");
      item = created.getJsonArray("agenda").getJsonObject(1).getLong("id");
      ok(api, leader, "POST", "/api/v1/meetings/" + id + "/start", null);
      ok(api, leader, "POST", "/api/v1/meetings/" + id + "/agenda/" + item + "/activate", null);
      ok(api, leader, "POST", "/api/v1/meetings/" + id + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
      ok(api, api.token("cg-officer"), "POST", "/api/v1/meetings/" + id + "/join", null);
    } finally {
      api.close();
      TestNodes.stop(first);
    }

    Node second = TestNodes.start(Map.of("pg.url", db));
    Api again = new Api(vertx, second);
    LiveClient screen = null;
    try {
      String officer = again.token("cg-officer");
      JsonObject m = ok(again, officer, "GET", "/api/v1/meetings/" + id, null);
      assertEquals("in_progress", m.getString("state"));
      assertEquals(item, m.getJsonObject("currentItem").getLong("id"));
      assertEquals("district-dossiers", m.getJsonObject("panel").getString("kind"));
      screen = LiveClient.connect(vertx, second, officer);
      JsonObject data = follow(screen, "meeting." + id).getJsonObject("data");
      assertEquals(item, data.getJsonObject("item").getLong("id"), "a screen reconnecting after the restart lands on the current item");
      assertEquals("CG", data.getJsonObject("panel").getString("district"));
      assertNotNull(data.getJsonObject("panelData").getJsonObject("kpis"), "with the panel's live numbers");
      assertEquals("cg-officer", data.getJsonArray("presence").getJsonObject(0).getString("username"));
      // and the chair drives on
      ok(again, again.token("leader"), "POST", "/api/v1/meetings/" + id + "/end", null);
      screen.assertNothingMissed();
    } finally {
      if (screen != null) {
        screen.close();
      }
      again.close();
      TestNodes.stop(second);
    }
  }

  @Test
  void presenceIsSweptFromWhatPostgresqlRecordedAcrossARestart(Vertx vertx) {
    String db = TestNodes.freshDatabaseUrl();
    Map<String, Object> config = Map.of("pg.url", db, "meeting.presenceTimeoutMs", 8_000);
    Node first = TestNodes.start(config);
    Api api = new Api(vertx, first);
    long id;
    String joinedAt;
    try {
      String leader = api.token("leader");
      id = ok(api, leader, "POST", "/api/v1/meetings", example("CG").put("invitedPeople", new io.vertx.core.json.JsonArray().add("operator")))
          .getLong("id");
      ok(api, leader, "POST", "/api/v1/meetings/" + id + "/start", null);
      ok(api, api.token("cg-officer"), "POST", "/api/v1/meetings/" + id + "/join", null);
      joinedAt = ok(api, api.token("operator"), "POST", "/api/v1/meetings/" + id + "/join", null).getJsonArray("presence")
          .stream().map(JsonObject.class::cast).filter(p -> "operator".equals(p.getString("username"))).findFirst().orElseThrow()
          .getString("joinedAt");
    } finally {
      api.close();
      TestNodes.stop(first);
    }

    Node second = TestNodes.start(config);
    Api again = new Api(vertx, second);
    LiveClient screen = null;
    try {
      String operator = again.token("operator");
      // the operator's page renews on the restarted node: the same stay goes on
      JsonObject renewed = ok(again, operator, "POST", "/api/v1/meetings/" + id + "/join", null);
      assertEquals(joinedAt, renewed.getJsonArray("presence").stream().map(JsonObject.class::cast)
          .filter(p -> "operator".equals(p.getString("username"))).findFirst().orElseThrow().getString("joinedAt"));
      screen = LiveClient.connect(vertx, second, operator);
      LiveClient live = screen;
      follow(live, "meeting." + id);
      // The operator's page renews every second (a page's pace) until the sweep marks the officer left.
      JsonObject data = Wait.until(Duration.ofSeconds(20), Duration.ofSeconds(1), () -> {
        ok(again, operator, "POST", "/api/v1/meetings/" + id + "/join", null);
        return live.drain().state("meeting." + id);
      }, d -> d.getJsonArray("presence").size() == 1, "the officer who never came back marked left");
      assertEquals(1, data.getJsonArray("presence").size(), "the officer who never came back is marked left: " + data.getJsonArray("presence"));
      assertEquals("operator", data.getJsonArray("presence").getJsonObject(0).getString("username"));
      assertEquals(1, again.count("SELECT count(*) FROM meeting_attendance WHERE meeting_id = $1 AND username = 'cg-officer' "
          + "AND left_at IS NOT NULL", id));
      screen.assertNothingMissed();
    } finally {
      if (screen != null) {
        screen.close();
      }
      again.close();
      TestNodes.stop(second);
    }
  }
}
