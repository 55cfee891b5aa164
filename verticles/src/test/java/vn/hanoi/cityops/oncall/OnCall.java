package vn.hanoi.cityops.oncall;

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
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the on-call tests do over HTTP, as an admin and an SRE would: people with an email contact point, teams,
 * policies, rotations; outages sent as health events stamped now; alerts read, acknowledged and resolved.
 */
final class OnCall {
  static final String PASSWORD = "a-long-enough-secret";
  /** The acknowledge link in a page's text: {@code …/ack.html?t=<token>}. */
  private static final Pattern ACK_LINK = Pattern.compile("/ack\\.html\\?t=([A-Za-z0-9_-]+)");

  private final Api api;
  private final String admin;
  private final String sre;

  OnCall(Api api) {
    this.api = api;
    this.admin = api.token("admin");
    this.sre = api.token("sre");
  }

  Api api() {
    return api;
  }

  String admin() {
    return admin;
  }

  static String mail(String username) {
    return username + "@oncall.test";
  }

  /** A new SRE reading {@code language}, reached by email at {@link #mail}. */
  String person(String username, String language) {
    ok(201, send(HttpMethod.POST, "/api/v1/users", admin, new JsonObject().put("username", username)
        .put("displayName", "Kỹ sư " + username).put("agency", "STTTT").put("language", language)
        .put("roles", new JsonArray().add("sre")).put("password", PASSWORD)));
    ok(201, send(HttpMethod.POST, "/api/v1/users/" + username + "/contact-points", admin,
        new JsonObject().put("channel", "email").put("address", mail(username))));
    return username;
  }

  /** Signs {@code username} (made by {@link #person}) in. */
  String token(String username) {
    HttpResponse<Buffer> r = api.login(username, PASSWORD);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("token");
  }

  /** The development team gives up its systems, so a test's team may own them. */
  void freeTheSystems() {
    HttpResponse<Buffer> r = send(HttpMethod.DELETE, "/api/v1/oncall/teams/sre-dc", sre, null);
    assertEquals(true, r.statusCode() == 204 || r.statusCode() == 404, r.bodyAsString());
  }

  /** A policy paging {@code steps} ({@code [after, target]} or {@code [after, "user", username]}). */
  JsonObject policy(String code, JsonObject extra, String[]... steps) {
    JsonArray list = new JsonArray();
    for (String[] s : steps) {
      JsonObject step = new JsonObject().put("after", s[0]).put("target", s[1]);
      if (s.length > 2) {
        step.put("username", s[2]);
      }
      list.add(step);
    }
    JsonObject body = new JsonObject().put("code", code).put("name", "Chính sách " + code).put("steps", list)
        .mergeIn(extra == null ? new JsonObject() : extra);
    return ok(201, send(HttpMethod.POST, "/api/v1/oncall/policies", sre, body));
  }

  JsonObject team(String code, String lead, List<String> members, List<String> systems, String policy) {
    return ok(201, send(HttpMethod.POST, "/api/v1/oncall/teams", sre, new JsonObject().put("code", code)
        .put("nameVi", "Nhóm " + code).put("nameEn", "Team " + code).put("lead", lead)
        .put("members", new JsonArray(members)).put("systems", new JsonArray(systems)).put("policy", policy)));
  }

  /** A daily rotation handing over at 08:00 since long ago, members in turn. */
  JsonObject rotation(String team, String layer, String... members) {
    return ok(201, send(HttpMethod.POST, "/api/v1/oncall/teams/" + team + "/rotations", sre, new JsonObject()
        .put("layer", layer).put("length", "daily").put("handoffTime", "08:00").put("startsOn", "2026-01-01")
        .put("members", new JsonArray(List.of((Object[]) members)))));
  }

  /** A team owning {@code system}, paging by {@code policy}, {@code primary} (and {@code secondary}) on call. */
  void teamOf(String code, String system, String policy, String lead, String primary, String secondary) {
    List<String> members = secondary == null ? List.of(primary) : List.of(primary, secondary);
    team(code, lead, members, List.of(system), policy);
    rotation(code, "primary", primary);
    if (secondary != null) {
      rotation(code, "secondary", secondary);
    }
  }

  static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** {@code system} reports {@code status} now. */
  void health(String system, String status) {
    HttpResponse<Buffer> r = api.postEvents(Events.health("oc-" + UUID.randomUUID(), system, status)
        .put("occurredAt", now()).encode());
    assertEquals(202, r.statusCode(), r.bodyAsString());
  }

  /** The open system-down alert of {@code system}, waited for. */
  JsonObject openAlert(String system) {
    return Wait.until(Duration.ofSeconds(10), () -> alerts("?state=open&system=" + system + "&rule=system-down."
            + system.toLowerCase()),
        list -> !list.isEmpty(), "an open down alert of " + system).getJsonObject(0);
  }

  JsonArray alerts(String query) {
    return ok(200, send(HttpMethod.GET, "/api/v1/alerts" + query, sre, null)).getJsonArray("items");
  }

  /** Acknowledges alert {@code id} as the person of {@code token} (in the console). */
  void acknowledge(long id, String token) {
    ok(200, send(HttpMethod.POST, "/api/v1/alerts/" + id + "/acknowledge", token, new JsonObject()));
  }

  /** The outages of alert {@code id} with their pages, as the console's timeline reads them. */
  JsonArray pages(long alertId) {
    return ok(200, send(HttpMethod.GET, "/api/v1/oncall/pages?alert=" + alertId, sre, null)).getJsonArray("items");
  }

  /** The token of the acknowledge link in a page's text. */
  static String ackToken(String text) {
    Matcher m = ACK_LINK.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no acknowledge link in: " + text);
    }
    return m.group(1);
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, String token, JsonObject body) {
    return api.send(method, path, token, body);
  }

  String sre() {
    return sre;
  }

  static JsonObject ok(int status, HttpResponse<Buffer> r) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    String body = r.bodyAsString();
    return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
  }
}
