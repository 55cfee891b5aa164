package vn.hanoi.cityops.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kiosk display tokens: admins issue, list and revoke them; a display reads city data and changes nothing. */
@NodeTest
class DisplayTokenIT {
  private static final String BASE = "/api/v1/admin/displays";
  private static Api api;
  private static String admin;

  @BeforeAll
  static void start(Api client) {
    api = client;
    admin = api.token("admin");
  }

  private static JsonObject issue(JsonObject body) {
    var r = api.send(HttpMethod.POST, BASE, admin, body);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  void anIssuedDisplayTokenReadsCityDataForItsValidDaysAndIsAudited() {
    JsonObject d = issue(new JsonObject().put("name", "Phòng họp giao ban — màn hình trái").put("validDays", 30));
    assertTrue(d.getString("url").startsWith("/?display="));
    assertTrue(d.getString("url").endsWith(d.getString("token")));
    Instant expires = Instant.parse(d.getString("tokenExpiresAt"));
    assertTrue(Math.abs(Duration.between(Instant.now().plus(Duration.ofDays(30)), expires).toMinutes()) < 5, expires.toString());
    String token = d.getString("token");
    assertEquals(200, api.send(HttpMethod.GET, "/api/v1/systems", token, null).statusCode());
    assertEquals(200, api.send(HttpMethod.GET, "/api/v1/kpi/headline", token, null).statusCode());
    JsonObject me = api.send(HttpMethod.GET, "/api/v1/auth/me", token, null).bodyAsJsonObject();
    assertEquals("display", me.getJsonArray("roles").getString(0));
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'display.issue' AND target = $1", d.getString("username")));
    JsonObject listed = api.send(HttpMethod.GET, BASE, admin, null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(i -> i.getLong("id").equals(d.getLong("id"))).findFirst().orElseThrow();
    assertFalse(listed.containsKey("token"), "the token is shown once, at issue");
    assertEquals("Phòng họp giao ban — màn hình trái", listed.getString("name"));
    assertTrue(listed.getBoolean("active"));
  }

  @Test
  void aDisplayChangesNothingAndCannotSignInWithAPassword() {
    JsonObject d = issue(new JsonObject().put("name", "Sảnh tiếp dân"));
    String token = d.getString("token");
    assertEquals(403, api.send(HttpMethod.GET, "/api/v1/users", token, null).statusCode());
    assertEquals(403, api.send(HttpMethod.POST, BASE, token, new JsonObject().put("name", "x")).statusCode());
    assertEquals(403, api.send(HttpMethod.GET, "/api/v1/audit", token, null).statusCode());
    assertEquals(401, api.login(d.getString("username"), "cityops-demo").statusCode());
  }

  @Test
  void revokingEndsTheTokenAtOnceAndTheDisplayIsListedInactive() {
    JsonObject d = issue(new JsonObject().put("name", "Màn hình dự phòng"));
    String token = d.getString("token");
    assertEquals(204, api.send(HttpMethod.DELETE, BASE + "/" + d.getLong("id"), admin, null).statusCode());
    var refused = api.send(HttpMethod.GET, "/api/v1/systems", token, null);
    assertEquals(401, refused.statusCode());
    assertEquals("unauthorized", refused.bodyAsJsonObject().getString("error"));
    JsonObject listed = api.send(HttpMethod.GET, BASE, admin, null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(i -> i.getLong("id").equals(d.getLong("id"))).findFirst().orElseThrow();
    assertFalse(listed.getBoolean("active"));
    assertNull(listed.getString("tokenExpiresAt"));
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'display.revoke' AND target = $1", d.getString("username")));
  }

  @Test
  void onlyAdminsIssueAndBadRequestsGetClearErrors() {
    assertEquals(403, api.send(HttpMethod.POST, BASE, api.token("operator"), new JsonObject().put("name", "x")).statusCode());
    assertEquals(401, api.send(HttpMethod.POST, BASE, null, new JsonObject().put("name", "x")).statusCode());
    long before = api.count("SELECT count(*) FROM app_user");
    for (JsonObject bad : new JsonObject[]{new JsonObject(), new JsonObject().put("name", ""),
        new JsonObject().put("name", "x").put("validDays", 0), new JsonObject().put("name", "x").put("validDays", 5000),
        new JsonObject().put("name", "x").put("validDays", "ten"), new JsonObject().put("name", "x").put("roles", "admin")}) {
      var r = api.send(HttpMethod.POST, BASE, admin, bad);
      assertEquals(400, r.statusCode(), bad.encode() + " → " + r.bodyAsString());
      assertTrue(r.bodyAsJsonObject().containsKey("error"));
    }
    assertEquals(before, api.count("SELECT count(*) FROM app_user"), "no display was created by a bad request");
    assertEquals(404, api.send(HttpMethod.DELETE, BASE + "/999999", admin, null).statusCode());
    long operatorId = api.row("SELECT id FROM app_user WHERE username = 'operator'").getLong("id");
    assertEquals(404, api.send(HttpMethod.DELETE, BASE + "/" + operatorId, admin, null).statusCode(),
        "a person is not a display");
    assertEquals(400, api.send(HttpMethod.DELETE, BASE + "/abc", admin, null).statusCode());
  }
}
