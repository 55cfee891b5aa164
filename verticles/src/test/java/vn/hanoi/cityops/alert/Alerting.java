package vn.hanoi.cityops.alert;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the alert tests do over HTTP: send health events stamped now, read alerts, wait for one. */
final class Alerting {
  private final Api api;
  private final String token;

  Alerting(Api api, String user) {
    this.api = api;
    this.token = api.token(user);
  }

  static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  void health(String system, String status) {
    health(system, status, 120);
  }

  void health(String system, String status, int latencyMs) {
    HttpResponse<Buffer> r = api.postEvents(Events.health("al-" + UUID.randomUUID(), system, status)
        .put("latencyMs", latencyMs).put("occurredAt", now()).encode());
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
    return api.send(method, path, token, body);
  }

  JsonArray alerts(String query) {
    HttpResponse<Buffer> r = send(HttpMethod.GET, "/api/v1/alerts" + query, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("items");
  }

  JsonObject alert(long id) {
    HttpResponse<Buffer> r = send(HttpMethod.GET, "/api/v1/alerts/" + id, null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** The newest alert of {@code system} matching {@code wanted}, waited for up to 10 s. */
  JsonObject await(String system, Predicate<JsonObject> wanted) {
    return Wait.until(Duration.ofSeconds(10), () -> alerts("?system=" + system),
        list -> !list.isEmpty() && wanted.test(list.getJsonObject(0)), "a matching alert of " + system).getJsonObject(0);
  }

  /** Waits until any alert of the system (not only the newest) matches: two rules can fire in the same instant. */
  JsonObject awaitAny(String system, Predicate<JsonObject> wanted) {
    return Wait.until(Duration.ofSeconds(10), () -> alerts("?system=" + system).stream().map(JsonObject.class::cast)
        .filter(wanted).findFirst(), Optional::isPresent, "an alert of " + system + " as wanted").get();
  }

  static Predicate<JsonObject> state(String state) {
    return a -> state.equals(a.getString("state"));
  }
}
