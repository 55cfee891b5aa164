package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.LiveClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.meeting.Meetings.example;
import static vn.hanoi.cityops.meeting.Meetings.follow;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/** A briefing across two real Hazelcast members sharing one PostgreSQL: screens on both follow the chair at the same seq. */
class MeetingsClusterIT {

  @Test
  @ClusterTest
  void panelSharedOnNodeAReachesAScreenOnNodeBWithTheSameSeq(Vertx vertx, Cluster cluster) {
    Api apiA = cluster.apiA();
    Api apiB = cluster.apiB();
    LiveClient onA = null;
    LiveClient onB = null;
    try {
      String leader = apiA.token("leader");
      String officer = apiB.token("cg-officer");
      long id = ok(apiA, leader, "POST", "/api/v1/meetings", example("CG")).getLong("id");
      String topic = "meeting." + id;
      ok(apiA, leader, "POST", "/api/v1/meetings/" + id + "/start", null);
      onA = LiveClient.connect(vertx, cluster.a(), leader);
      onB = LiveClient.connect(vertx, cluster.b(), officer);
      follow(onA, topic);
      follow(onB, topic);
      Meetings.until(onA, topic, d -> d.getJsonObject("meeting") != null && "in_progress".equals(d.getJsonObject("meeting").getString("state")));
      Meetings.until(onB, topic, d -> d.getJsonObject("meeting") != null && "in_progress".equals(d.getJsonObject("meeting").getString("state")));

      long sharedAt = System.nanoTime();
      ok(apiA, leader, "POST", "/api/v1/meetings/" + id + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
      JsonObject seenOnB = onB.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonObject("panel") != null
          && "district-dossiers".equals(m.getJsonObject("data").getJsonObject("panel").getString("kind")));
      long ms = (System.nanoTime() - sharedAt) / 1_000_000;
      JsonObject seenOnA = onA.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonObject("panel") != null
          && "district-dossiers".equals(m.getJsonObject("data").getJsonObject("panel").getString("kind")));
      assertEquals(seenOnA.getLong("seq"), seenOnB.getLong("seq"), "one change, one seq on every node");
      assertEquals("CG", seenOnB.getJsonObject("data").getJsonObject("panelData").getString("district"), "the panel arrives with its data");
      assertTrue(ms < 1_000, "the screen on node B switched within a second (" + ms + " ms)");

      // the chair on A moves to the next item; B follows at A's seq again
      long item = ok(apiA, leader, "GET", "/api/v1/meetings/" + id, null).getJsonArray("agenda").getJsonObject(1).getLong("id");
      ok(apiA, leader, "POST", "/api/v1/meetings/" + id + "/agenda/" + item + "/activate", null);
      JsonObject itemOnB = onB.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonObject("item") != null
          && m.getJsonObject("data").getJsonObject("item").getLong("id") == item);
      JsonObject itemOnA = onA.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonObject("item") != null
          && m.getJsonObject("data").getJsonObject("item").getLong("id") == item);
      assertEquals(itemOnA.getLong("seq"), itemOnB.getLong("seq"));
      assertEquals("district-feedback", itemOnB.getJsonObject("data").getJsonObject("panel").getString("kind"), "the item's prepared panel");
      onA.assertNothingMissed();
      onB.assertNothingMissed();
    } finally {
      close(onA, onB);
    }
  }

  @Test
  @ClusterTest(config = "meeting.presenceTimeoutMs=1500")
  void staleParticipantIsMarkedLeftOnceWhileBothMembersSweepAndBothScreensSeeItAtTheSameSeq(Vertx vertx, Cluster cluster) {
    Api apiA = cluster.apiA();
    Api apiB = cluster.apiB();
    LiveClient onA = null;
    LiveClient onB = null;
    try {
      String leader = apiA.token("leader");
      long id = ok(apiA, leader, "POST", "/api/v1/meetings", example("CG").put("invitedPeople", new io.vertx.core.json.JsonArray().add("operator")))
          .getLong("id");
      String base = "/api/v1/meetings/" + id;
      String topic = "meeting." + id;
      ok(apiA, leader, "POST", base + "/start", null);
      ok(apiA, apiA.token("cg-officer"), "POST", base + "/join", null);
      String operator = apiB.token("operator");
      ok(apiB, operator, "POST", base + "/join", null);
      String events = "SELECT count(*) FROM event WHERE type = 'meeting' AND payload->>'id' = $1";
      long before = apiA.count(events, String.valueOf(id));
      onA = LiveClient.connect(vertx, cluster.a(), leader);
      onB = LiveClient.connect(vertx, cluster.b(), operator);
      follow(onA, topic);
      follow(onB, topic);
      // the operator's page renews on B; the officer's browser (on A) died
      Meetings.renewFor(apiB, operator, base, 4_000);
      JsonObject seenOnA = onA.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonArray("presence") != null
          && m.getJsonObject("data").getJsonArray("presence").size() == 1);
      JsonObject seenOnB = onB.next(m -> m.getJsonObject("data") != null && m.getJsonObject("data").getJsonArray("presence") != null
          && m.getJsonObject("data").getJsonArray("presence").size() == 1);
      assertEquals(seenOnA.getLong("seq"), seenOnB.getLong("seq"), "one expiry, one seq on both members");
      assertEquals("operator", seenOnB.getJsonObject("data").getJsonArray("presence").getJsonObject(0).getString("username"));
      assertEquals(before + 1, apiA.count(events, String.valueOf(id)), "two members sweeping store one event for the expiry");
      assertEquals(1, apiA.count("SELECT count(*) FROM meeting_attendance WHERE meeting_id = $1 AND username = 'cg-officer'", id));
      onA.assertNothingMissed();
      onB.assertNothingMissed();
    } finally {
      close(onA, onB);
    }
  }

  private static void close(LiveClient... screens) {
    for (LiveClient screen : screens) {
      if (screen != null) {
        screen.close();
      }
    }
  }
}
