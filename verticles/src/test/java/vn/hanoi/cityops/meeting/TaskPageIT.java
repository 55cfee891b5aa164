package vn.hanoi.cityops.meeting;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tasks page in headless Chromium: Cầu Giấy's officer sees the tasks a briefing gave the district (an
 * overdue one flagged), records progress with a note, cannot close a task without a note, and closes it with one;
 * a task changed or given elsewhere appears on the open page within 2 s, without a reload.
 */
@NodeTest
class TaskPageIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static Node node;
  private static Api api;
  private static long onTime;
  private static long overdue;
  private static long elsewhere;
  private static String meetingPath;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    String leader = api.token("leader");
    JsonObject meeting = api.send(HttpMethod.POST, "/api/v1/meetings", leader, new JsonObject()
        .put("title", "Giao ban quận Cầu Giấy").put("level", "district").put("scheduledAt", OffsetDateTime.now().toString())
        .put("invitedAgencies", new JsonArray().add("CG")).put("agenda", new JsonArray())).bodyAsJsonObject();
    String base = "/api/v1/meetings/" + meeting.getLong("id");
    assertEquals(200, api.send(HttpMethod.POST, base + "/start", leader, new JsonObject()).statusCode());
    meetingPath = base;
    onTime = task(leader, base, "Rà soát hồ sơ tồn đọng của phường Dịch Vọng", OffsetDateTime.now().plusDays(5));
    elsewhere = task(leader, base, "Kiểm tra việc niêm yết thủ tục tại bộ phận một cửa", OffsetDateTime.now().plusDays(3));
    // a deadline in the past is refused: this one passes in two seconds
    overdue = task(leader, base, "Báo cáo kết quả xử lý phản ánh về trật tự đô thị", OffsetDateTime.now().plusSeconds(2));
    Meetings.awaitOverdue(api, leader, overdue);
  }

  @Test
  void aTaskChangedOrGivenElsewhereAppearsOnTheOpenPageWithinTwoSecondsWithoutAReload() {
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.signIn("http://127.0.0.1:" + node.config().httpPort() + "/tasks.html", "cg-officer", TestNodes.DEMO_PASSWORD);
      String row = "tr[data-task='" + elsewhere + "']";
      b.await(LOAD, "the task listed, the page live", d -> !b.all(row).isEmpty() && "live".equals(b.attr("body", "data-connection")));
      b.script("window.notReloaded = true");

      var changed = api.send(HttpMethod.PATCH, "/api/v1/tasks/" + elsewhere, api.token("cg-officer"),
          new JsonObject().put("state", "in_progress").put("progress", 75).put("note", "Đã kiểm tra 3/4 bộ phận"));
      assertEquals(200, changed.statusCode(), changed.bodyAsString());
      long sent = System.nanoTime();
      b.await(Duration.ofSeconds(2), "the new progress on the open page", d -> "75".equals(b.attr(row + " td.progress-cell", "data-progress")));
      System.out.printf("tasks_page change_to_screen_ms=%d%n", (System.nanoTime() - sent) / 1_000_000);

      long given = task(api.token("leader"), meetingPath, "Tổng hợp ý kiến cử tri về thủ tục cấp phép xây dựng", OffsetDateTime.now().plusDays(7));
      b.await(Duration.ofSeconds(2), "a task given meanwhile is listed", d -> !b.all("tr[data-task='" + given + "']").isEmpty());
      assertEquals(Boolean.TRUE, b.script("return window.notReloaded === true"), "no reload");
      assertTrue(b.one(row + " select.progress").getAccessibleName().length() > 0, "the progress picker has a name");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  private static long task(String leader, String base, String description, OffsetDateTime deadline) {
    var r = api.send(HttpMethod.POST, base + "/tasks", leader, new JsonObject().put("agency", "CG")
        .put("description", description).put("deadline", deadline.toString()).put("priority", "high"));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  @Test
  void anOfficerSeesTheDistrictsTasksRecordsProgressAndClosesOneOnlyWithANote() {
    try (Browser b = new Browser(1600, 1000, Browser.newProfile())) {
      b.signIn("http://127.0.0.1:" + node.config().httpPort() + "/tasks.html", "cg-officer", TestNodes.DEMO_PASSWORD);
      String first = "tr[data-task='" + onTime + "']";
      String late = "tr[data-task='" + overdue + "']";
      b.await(LOAD, "both tasks listed", d -> !b.all(first).isEmpty() && !b.all(late).isEmpty());
      assertTrue(b.attr(late, "class").contains("firing"), "the overdue task is flagged");

      new Select(b.one(first + " select.progress")).selectByValue("50");
      b.one(first + " input.note").sendKeys("Đã rà soát 40/80 hồ sơ");
      b.one(first + " button[data-action='save']").click();
      b.await(LOAD, "progress saved", d -> "50".equals(b.attr(first + " td.progress-cell", "data-progress")));

      b.one(late + " button[data-action='done']").click();
      b.await(LOAD, "closing without a note is refused in words", d -> !String.valueOf(b.text(late + " .error")).isBlank());
      b.one(late + " input.note").sendKeys("Đã gửi báo cáo số 12/BC-UBND");
      b.one(late + " button[data-action='done']").click();
      b.await(LOAD, "the closed task leaves the open list", d -> b.all(late).isEmpty());
      assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.contains("400")).toList());
    }
    JsonObject stored = api.send(HttpMethod.GET, "/api/v1/tasks?agency=CG&state=done", api.token("cg-officer"), null)
        .bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(t -> t.getLong("id") == overdue).findFirst().orElseThrow();
    assertEquals("Đã gửi báo cáo số 12/BC-UBND", stored.getString("doneNote"));
    JsonObject progressed = api.send(HttpMethod.GET, "/api/v1/tasks?agency=CG", api.token("cg-officer"), null)
        .bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(t -> t.getLong("id") == onTime).findFirst().orElseThrow();
    assertEquals(50, progressed.getInteger("progress"));
  }
}
