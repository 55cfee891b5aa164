package vn.hanoi.cityops.meeting;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A briefing in four headless Chromiums on two cluster members: the chair (node A) shares a panel and the
 * three participants' screens (one on A, two on B) all switch within a second; a late joiner lands on the
 * current panel; a participant whose connection drops resumes and follows the next switch; a raised hand
 * reaches the chair; the chair's highlight reaches everyone. The briefing opens with the tasks of the last one
 * (overdue flagged); a task and a conclusion recorded on the chair's page appear on the participants' screens;
 * the secretary the chair designates from the page gets the controls at once and drives.
 */
@ClusterTest
class MeetingPageIT {
  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private static Cluster nodes;
  private static Api api;
  private static long meetingId;

  @BeforeAll
  static void start(Cluster cluster) {
    nodes = cluster;
    api = cluster.apiA();
    JsonObject body = new JsonObject().put("title", "Giao ban thứ Hai").put("level", "city")
        .put("scheduledAt", OffsetDateTime.now().toString())
        .put("invitedAgencies", new JsonArray().add("CG").add("DA"))
        .put("invitedPeople", new JsonArray().add("operator").add("sre").add("admin"))
        .put("agenda", new JsonArray().add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "CG"))
            .add(new JsonObject().put("title", "Hệ thống thông tin").put("presenter", "STTTT")));
    String leader = api.token("leader");
    long last = api.send(HttpMethod.POST, "/api/v1/meetings", leader, body.copy().put("title", "Giao ban tuần trước"))
        .bodyAsJsonObject().getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + last + "/start", leader, new JsonObject()).statusCode());
    // a deadline cannot be set in the past: the task is due in a moment, and the next briefing starts once it is overdue
    assertEquals(201, api.send(HttpMethod.POST, "/api/v1/meetings/" + last + "/tasks", leader, new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo tiến độ giải phóng mặt bằng").put("deadline", OffsetDateTime.now().plusSeconds(2).toString())).statusCode());
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + last + "/end", leader, new JsonObject()).statusCode());
    Wait.until(Duration.ofSeconds(10), Duration.ofMillis(200),
        () -> api.send(HttpMethod.GET, "/api/v1/tasks?overdue=true", leader, null).bodyAsJsonObject().getJsonArray("items"),
        items -> !items.isEmpty(), "the last briefing's task overdue");
    body.put("carryOverTasks", true);
    var created = api.send(HttpMethod.POST, "/api/v1/meetings", leader, body);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    meetingId = created.bodyAsJsonObject().getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, "/api/v1/meetings/" + meetingId + "/start", leader, new JsonObject()).statusCode());
  }

  @Test
  void everyScreenFollowsTheChairWithinASecondAndLateOrReconnectedOnesCatchUp() {
    List<Browser> open = new ArrayList<>();
    try {
      Browser chair = room(open, "leader", 0);
      List<Browser> participants = List.of(room(open, "operator", 0), room(open, "sre", 1), room(open, "cg-officer", 1));
      for (Browser p : participants) {
        p.await(LOAD, "the briefing opens with the last one's tasks, the overdue one flagged",
            d -> "previous-tasks".equals(p.attr("#panel", "data-kind")) && !p.all("#panel tr.overdue[data-task]").isEmpty());
      }
      assertTrue(participants.get(2).text("#agenda li.current").startsWith("Nhiệm vụ từ cuộc giao ban trước"));
      participants.get(2).screenshot("meeting-previous-tasks.png");

      long switchMs = share(chair, participants, "district-dossiers", "CG");
      System.out.printf("meeting_page panel_switch_ms=%d screens=%d%n", switchMs, participants.size());
      assertTrue(switchMs <= 1_000, "every screen switched within 1 s: " + switchMs + " ms");

      long secondMs = share(chair, participants, "systems", null);
      System.out.printf("meeting_page panel_switch_ms=%d screens=%d%n", secondMs, participants.size());
      assertTrue(secondMs <= 1_000, "…and again: " + secondMs + " ms");

      Browser late = room(open, "admin", 1);
      late.await(LOAD, "a late joiner lands on the current panel", d -> "systems".equals(late.attr("#panel", "data-kind")));

      Browser dropped = participants.get(1);
      dropped.script("window.cityops.live.ws.close()");
      dropped.await(LOAD, "the dropped screen reconnects", d -> "live".equals(dropped.attr("body", "data-connection"))
          && dropped.script("return window.cityops.live.ws && window.cityops.live.ws.readyState === 1").equals(Boolean.TRUE));
      long thirdMs = share(chair, participants, "district-ranking", null);
      assertTrue(thirdMs <= 1_000, "the reconnected screen follows the next switch too: " + thirdMs + " ms");

      chair.await(LOAD, "the ranking's bars on the chair's screen", d -> !chair.all("#panel .bar-row[data-code='CG'] button").isEmpty());
      chair.one("#panel .bar-row[data-code='CG'] button").click();
      for (Browser p : participants) {
        p.await(Duration.ofSeconds(2), "a click on a district shares that district on every screen",
            d -> "district-dossiers".equals(p.attr("#panel", "data-kind")) && "CG".equals(p.attr("#panel", "data-district")));
      }
      chair.await(LOAD, "the district's communes on the chair's screen", d -> !chair.all("#panel .bar-row[data-code] button").isEmpty());
      String commune = chair.attr("#panel .bar-row[data-code]", "data-code");
      // clicked in one step: the panel is redrawn when its figures move
      chair.script("document.querySelector('#panel .bar-row[data-code] button').click()");
      for (Browser p : participants) {
        p.await(Duration.ofSeconds(2), "the chair's highlight on every screen",
            d -> !p.all("#panel .bar-row.highlight[data-code='" + commune + "']").isEmpty());
      }

      Browser officer = participants.get(2);
      officer.one("#hand").click();
      chair.await(Duration.ofSeconds(2), "the raised hand reaches the chair", d -> !chair.all("#hands li[data-user='cg-officer']").isEmpty());
      chair.await(Duration.ofSeconds(2), "the chair sees who is present",
          d -> chair.all("#presence li").size() >= 5);
      new Select(chair.one("#task-agency")).selectByValue("CG");
      chair.one("#task-text").sendKeys("Giải quyết dứt điểm hồ sơ quá hạn của phường Dịch Vọng");
      chair.script("document.getElementById('task-deadline').value = arguments[0]",
          java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString());
      chair.one("#assign").click();
      chair.await(Duration.ofSeconds(3), "the task in the chair's list", d -> !chair.all("#tasks li[data-task]").isEmpty());
      officer.await(Duration.ofSeconds(2), "the task on the officer's screen, live",
          d -> officer.text("#tasks").contains("Dịch Vọng"));
      chair.one("#decision-text").sendKeys("Quận Cầu Giấy hoàn thành trước ngày 30");
      chair.one("#decide").click();
      for (Browser p : participants) {
        p.await(Duration.ofSeconds(2), "the conclusion on every screen", d -> p.text("#decisions").contains("hoàn thành trước ngày 30"));
      }

      Browser operator = participants.get(0);
      assertEquals("false", operator.attr("body", "data-drives"));
      new Select(chair.one("#secretary-user")).selectByValue("operator");
      chair.one("#secretary-set").click();
      operator.await(Duration.ofSeconds(2), "the designated secretary gets the controls at once",
          d -> "true".equals(operator.attr("body", "data-drives")) && operator.one("#controls").isDisplayed());
      assertTrue(participants.get(2).text("#secretary").contains("Cán bộ trực Trung tâm điều hành"), "everyone sees who the secretary is, by name");
      long secretaryMs = share(operator, List.of(chair, participants.get(1), participants.get(2)), "district-dossiers", "DA");
      assertTrue(secretaryMs <= 1_000, "the secretary drives every screen: " + secretaryMs + " ms");

      JsonArray tasks = api.send(HttpMethod.GET, "/api/v1/tasks?agency=CG", api.token("cg-officer"), null)
          .bodyAsJsonObject().getJsonArray("items");
      assertTrue(tasks.stream().map(JsonObject.class::cast).anyMatch(t -> t.getString("description").contains("Dịch Vọng")),
          "Cầu Giấy's officer sees the task assigned from the page: " + tasks.encode());
      for (Browser b : open) {
        assertEquals(List.of(), b.consoleErrors());
      }
      chair.screenshot("meeting-chair.png");
    } finally {
      open.forEach(Browser::close);
    }
  }

  /** The chair shares a panel from the page; answers ms from the click until every participant shows it. */
  private static long share(Browser chair, List<Browser> participants, String kind, String district) {
    new Select(chair.one("#kind")).selectByValue(kind);
    if (district != null) {
      new Select(chair.one("#district")).selectByValue(district);
    }
    long clicked = System.nanoTime();
    chair.one("#share").click();
    long deadline = clicked + 5_000_000_000L;
    List<Browser> waiting = new ArrayList<>(participants);
    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
      waiting.removeIf(p -> kind.equals(p.attr("#panel", "data-kind"))
          && (district == null || district.equals(p.attr("#panel", "data-district"))));
    }
    assertTrue(waiting.isEmpty(), "every screen shows " + kind);
    return (System.nanoTime() - clicked) / 1_000_000;
  }

  private static Browser room(List<Browser> open, String user, int node) {
    Browser b = new Browser(1600, 1000, Browser.newProfile());
    open.add(b);
    b.signIn("http://127.0.0.1:" + nodes.node(node).config().httpPort() + "/meeting.html?id=" + meetingId, user,
        TestNodes.DEMO_PASSWORD);
    b.await(LOAD, user + " in the room, live", d -> "live".equals(b.attr("body", "data-connection"))
        && b.attr("body", "data-seq") != null);
    return b;
  }
}
