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
    } finally {
      if (screen != null) {
        screen.close();
      }
      again.close();
      TestNodes.stop(second);
    }
  }
}
