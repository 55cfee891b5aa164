package vn.hanoi.cityops.meeting;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the meeting tests share: the example body, calls that must succeed, a subscription that waits for the roster. */
final class Meetings {
  private Meetings() {
  }

  /** The body of the issue, with an agenda of two items. */
  static JsonObject example(String... agencies) {
    return new JsonObject().put("title", "Giao ban thứ Hai").put("level", "city")
        .put("scheduledAt", java.time.OffsetDateTime.now().plusDays(1).toString()) // a briefing is not scheduled in the past
        .put("invitedAgencies", new JsonArray(java.util.List.of((Object[]) agencies)))
        .put("agenda", new JsonArray()
            .add(new JsonObject().put("title", "Hồ sơ quá hạn").put("presenter", "CG"))
            .add(new JsonObject().put("title", "Phản ánh kiến nghị").put("presenter", "DA")
                .put("panel", new JsonObject().put("kind", "district-feedback").put("district", "DA").put("period", "week"))));
  }

  static HttpResponse<Buffer> call(Api api, String token, String method, String path, JsonObject body) {
    return api.send(HttpMethod.valueOf(method), path, token, body);
  }

  static JsonObject ok(Api api, String token, String method, String path, JsonObject body) {
    HttpResponse<Buffer> r = call(api, token, method, path, body);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  static void expect(int status, String code, HttpResponse<Buffer> r) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    if (code != null) {
      assertEquals(code, r.bodyAsJsonObject().getString("error"), r.bodyAsString());
    }
  }

  /** Subscribes, retrying (every 200 ms, up to 5 s) while this node's feed has not read the meeting yet; answers the snapshot message. */
  static JsonObject follow(LiveClient live, String topic) {
    return Wait.until(Duration.ofSeconds(5), Duration.ofMillis(200), () -> {
      live.subscribe(topic, null);
      return live.next(x -> topic.equals(x.getString("topic")) && ("error".equals(x.getString("type")) || x.getString("kind") != null));
    }, m -> m.getString("kind") != null, "following " + topic);
  }

  /** The topic's state as the client holds it, once {@code wanted} holds (the node's feed reads a change within a frame or two). */
  static JsonObject until(LiveClient live, String topic, java.util.function.Predicate<JsonObject> wanted) {
    live.drain();
    if (!wanted.test(live.state(topic))) {
      live.next(m -> wanted.test(live.state(topic)));
    }
    return live.state(topic);
  }

  /**
   * A deadline that is not in the past (the node refuses one) but passes in two seconds: a task given it turns overdue
   * once {@link #awaitOverdue} says so.
   */
  static String passingDeadline() {
    return java.time.Instant.now().plusSeconds(2).toString();
  }

  /** Task {@code taskId} as the overdue list shows it, once its deadline has passed. */
  static JsonObject awaitOverdue(Api api, String token, long taskId) {
    return Wait.until(Duration.ofSeconds(15), Duration.ofMillis(200),
        () -> api.send(HttpMethod.GET, "/api/v1/tasks?overdue=true", token, null).bodyAsJsonObject().getJsonArray("items")
            .stream().map(JsonObject.class::cast).filter(t -> t.getLong("id") == taskId).findFirst().orElse(null),
        t -> t != null, "task " + taskId + " overdue");
  }

  /**
   * A page that stays open: renews its presence (joins again) every 300 ms for {@code ms}. The time is the point:
   * the page outlasts the presence timeout while another participant's stay runs out.
   */
  static void renewFor(Api api, String token, String meetingPath, long ms) {
    long until = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < until) {
      ok(api, token, "POST", meetingPath + "/join", null);
      try {
        Thread.sleep(300); // a page's renewal pace, not a wait for something
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
