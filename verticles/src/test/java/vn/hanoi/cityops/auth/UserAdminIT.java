package vn.hanoi.cityops.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins manage users: created users sign in with their roles, changes end old tokens, the last admin stays. */
@NodeTest
class UserAdminIT {
  private static final String USERS = "/api/v1/users";
  private static final String PASSWORD = "a-long-enough-secret";
  private static Api api;
  private static String admin;

  @BeforeAll
  static void start(Api client) {
    api = client;
    admin = api.token("admin");
  }

  private static JsonObject newUser(String username, String agency, String... roles) {
    return new JsonObject().put("username", username).put("displayName", "Nguyễn Văn " + username)
        .put("agency", agency).put("roles", new JsonArray(List.of(roles))).put("password", PASSWORD);
  }

  private static JsonObject create(String username, String agency, String... roles) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, USERS, admin, newUser(username, agency, roles));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> patch(long id, JsonObject changes) {
    return api.send(HttpMethod.PATCH, USERS + "/" + id, admin, changes);
  }

  private static int me(String token) {
    return api.send(HttpMethod.GET, "/api/v1/auth/me", token, null).statusCode();
  }

  @Test
  void createdUserSignsInWithTheirRolesAndAgency() {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, USERS, admin, newUser("tran.thi.b", "BD", "agency", "operator"));

    assertEquals(201, r.statusCode(), r.bodyAsString());
    JsonObject created = r.bodyAsJsonObject();
    assertEquals(USERS + "/" + created.getLong("id"), r.getHeader("Location"));
    assertEquals("vi", created.getString("language"), "Vietnamese unless asked otherwise");
    HttpResponse<Buffer> login = api.login("tran.thi.b", PASSWORD);
    assertEquals(200, login.statusCode(), login.bodyAsString());
    JsonObject me = api.send(HttpMethod.GET, "/api/v1/auth/me", login.bodyAsJsonObject().getString("token"), null)
        .bodyAsJsonObject();
    assertEquals(new JsonArray().add("agency").add("operator"), me.getJsonArray("roles"));
    assertEquals("BD", me.getString("agency"));
  }

  @Test
  void passwordIsStoredAsArgon2idAndNeverAnswered() {
    HttpResponse<Buffer> created = api.send(HttpMethod.POST, USERS, admin, newUser("hash.check", "STTTT", "sre"));
    long id = created.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> one = api.send(HttpMethod.GET, USERS + "/" + id, admin, null);
    HttpResponse<Buffer> listing = api.send(HttpMethod.GET, USERS, admin, null);
    HttpResponse<Buffer> changed = patch(id, new JsonObject().put("password", "another-long-secret-by-west-lake"));

    for (HttpResponse<Buffer> r : List.of(created, one, listing, changed)) {
      assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.bodyAsString());
      assertFalse(r.bodyAsString().toLowerCase().contains("password"), r.bodyAsString());
      assertFalse(r.bodyAsString().contains("$argon2"), r.bodyAsString());
      assertFalse(r.bodyAsString().contains(PASSWORD));
    }
    assertEquals("hash.check", one.bodyAsJsonObject().getString("username"));
    assertTrue(listing.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(u -> "hash.check".equals(u.getString("username"))));
    String hash = api.row("SELECT password_hash FROM app_user WHERE username = $1", "hash.check").getString("password_hash");
    assertTrue(hash.startsWith("$argon2id$"), hash);
    assertEquals(200, api.login("hash.check", "another-long-secret-by-west-lake").statusCode());
    assertEquals(401, api.login("hash.check", PASSWORD).statusCode(), "the old password no longer works");
  }

  @Test
  void takenUsernameIsAConflict() {
    create("same.name", "HK", "operator");

    HttpResponse<Buffer> again = api.send(HttpMethod.POST, USERS, admin, newUser("same.name", "TH", "leader"));

    assertEquals(409, again.statusCode());
    assertEquals("conflict", again.bodyAsJsonObject().getString("error"));
  }

  @Test
  void unknownAgencyIsRejectedWith422OnCreateAndChange() {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, USERS, admin, newUser("nowhere.user", "NOWHERE", "agency"));
    assertEquals(422, r.statusCode(), r.bodyAsString());
    assertEquals("unknown_reference", r.bodyAsJsonObject().getString("error"));
    assertEquals(0, api.count("SELECT count(*) FROM app_user WHERE username = 'nowhere.user'"));

    long id = create("moving.user", "LB", "agency").getLong("id");
    HttpResponse<Buffer> moved = patch(id, new JsonObject().put("agency", "NOWHERE"));
    assertEquals(422, moved.statusCode(), moved.bodyAsString());
    assertEquals("LB", api.row("SELECT agency_code FROM app_user WHERE id = $1", id).getString("agency_code"));
  }

  @Test
  void aCommonOrGuessablePasswordIsRefusedOnCreateAndOnResetAndNothingIsSaved() {
    for (String weak : List.of("password1234", "qwertyuiop123", "weak.user2026")) {
      HttpResponse<Buffer> r = api.send(HttpMethod.POST, USERS, admin, newUser("weak.user", "CG", "operator").put("password", weak));
      assertEquals(400, r.statusCode(), weak + ": " + r.bodyAsString());
      assertEquals("validation_failed", r.bodyAsJsonObject().getString("error"));
      assertEquals("password", r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
      assertFalse(r.bodyAsString().contains(weak), "the password sent is not echoed");
    }
    assertEquals(0, api.count("SELECT count(*) FROM app_user WHERE username = 'weak.user'"));

    long id = create("strong.user", "CG", "operator").getLong("id");
    String hash = api.row("SELECT password_hash FROM app_user WHERE id = $1", id).getString("password_hash");
    HttpResponse<Buffer> reset = patch(id, new JsonObject().put("password", "iloveyou1234").put("displayName", "Changed"));
    assertEquals(400, reset.statusCode(), reset.bodyAsString());
    JsonObject row = api.row("SELECT password_hash, display_name FROM app_user WHERE id = $1", id);
    assertEquals(hash, row.getString("password_hash"), "the old password stands");
    assertEquals("Nguyễn Văn strong.user", row.getString("display_name"), "nothing half-saved");
    assertEquals(200, api.login("strong.user", PASSWORD).statusCode());
  }

  @Test
  void invalidBodyIsRejectedWith400NamingEachField() {
    JsonObject bad = newUser("Has Spaces", "CG", "mayor").put("password", "short").put("isRoot", true);

    HttpResponse<Buffer> r = api.send(HttpMethod.POST, USERS, admin, bad);

    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("validation_failed", r.bodyAsJsonObject().getString("error"));
    Set<String> fields = r.bodyAsJsonObject().getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("field")).collect(Collectors.toSet());
    assertTrue(fields.containsAll(Set.of("username", "roles.0", "password")), fields.toString());
    assertFalse(r.bodyAsString().contains("short"), "the password sent is not echoed");
  }

  @Test
  void invalidChangesAreRejectedWith400() {
    long id = create("patch.target", "DD", "operator").getLong("id");

    assertEquals(400, patch(id, new JsonObject()).statusCode(), "nothing to change");
    assertEquals(400, patch(id, new JsonObject().put("username", "renamed")).statusCode(), "a username is for life");
    assertEquals(400, patch(id, new JsonObject().put("roles", new JsonArray())).statusCode(), "a user keeps a role");
    assertEquals(400, patch(id, new JsonObject().put("language", "fr")).statusCode());
    assertEquals(400, api.send(HttpMethod.GET, USERS + "/abc", admin, null).statusCode());
  }

  @Test
  void unknownUserIsA404() {
    assertEquals(404, api.send(HttpMethod.GET, USERS + "/999999", admin, null).statusCode());
    assertEquals(404, patch(999999, new JsonObject().put("displayName", "Ai đó")).statusCode());
  }

  @Test
  void onlyAdminsReachTheUserRoutes() {
    long id = create("guarded.user", "CG", "agency").getLong("id");
    for (String who : List.of("operator", "leader", "sre", "cg-officer")) {
      String token = api.token(who);
      assertEquals(403, api.send(HttpMethod.GET, USERS, token, null).statusCode(), who);
      assertEquals(403, api.send(HttpMethod.GET, USERS + "/" + id, token, null).statusCode(), who);
      assertEquals(403, api.send(HttpMethod.POST, USERS, token, newUser("by-" + who, "CG", "admin")).statusCode(), who);
      assertEquals(403, api.send(HttpMethod.PATCH, USERS + "/" + id, token, new JsonObject().put("roles",
          new JsonArray().add("admin"))).statusCode(), who);
    }
    assertEquals(401, api.send(HttpMethod.GET, USERS, null, null).statusCode());
    assertEquals(401, api.send(HttpMethod.GET, USERS + "/" + id, null, null).statusCode());
    assertEquals(401, api.send(HttpMethod.POST, USERS, null, newUser("anonymous.made", "CG", "admin")).statusCode());
    assertEquals(401, api.send(HttpMethod.PATCH, USERS + "/" + id, null, new JsonObject().put("active", false)).statusCode());
    assertEquals(0, api.count("SELECT count(*) FROM app_user WHERE username LIKE 'by-%' OR username = 'anonymous.made'"));
    assertEquals(1, api.count("SELECT count(*) FROM app_user WHERE id = $1 AND roles = ARRAY['agency']", id));
  }

  @Test
  void changingRolesEndsTheUsersExistingTokenAndTheNewTokenHasTheNewRoles() {
    long id = create("role.change", "VP-UBND", "operator").getLong("id");
    String old = api.login("role.change", PASSWORD).bodyAsJsonObject().getString("token");
    assertEquals(200, me(old));

    HttpResponse<Buffer> r = patch(id, new JsonObject().put("roles", new JsonArray().add("leader")));

    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(new JsonArray().add("leader"), r.bodyAsJsonObject().getJsonArray("roles"));
    assertEquals(401, me(old));
    String fresh = api.login("role.change", PASSWORD).bodyAsJsonObject().getString("token");
    assertEquals(new JsonArray().add("leader"),
        api.send(HttpMethod.GET, "/api/v1/auth/me", fresh, null).bodyAsJsonObject().getJsonArray("roles"));
  }

  @Test
  void renamingAUserKeepsTheirTokenWorking() {
    long id = create("display.change", "HBT", "operator").getLong("id");
    String token = api.login("display.change", PASSWORD).bodyAsJsonObject().getString("token");

    HttpResponse<Buffer> r = patch(id, new JsonObject().put("displayName", "Tên mới").put("language", "en"));

    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("Tên mới", r.bodyAsJsonObject().getString("displayName"));
    assertEquals("en", r.bodyAsJsonObject().getString("language"));
    assertEquals(200, me(token), "nothing the token says became untrue");
  }

  @Test
  void deactivatedUserIsSignedOutAndCannotSignIn() {
    long id = create("leaving.user", "CG", "agency").getLong("id");
    String token = api.login("leaving.user", PASSWORD).bodyAsJsonObject().getString("token");

    HttpResponse<Buffer> r = patch(id, new JsonObject().put("active", false));

    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertFalse(r.bodyAsJsonObject().getBoolean("active"));
    assertEquals(401, me(token));
    assertEquals(401, api.login("leaving.user", PASSWORD).statusCode());
  }

  @Test
  void anotherAdminCanBeDemotedButTheLastActiveAdminCannot() {
    long second = create("second.admin", "STTTT", "admin").getLong("id");
    assertEquals(200, patch(second, new JsonObject().put("roles", new JsonArray().add("sre"))).statusCode());
    long adminId = api.row("SELECT id FROM app_user WHERE username = 'admin'").getLong("id");

    HttpResponse<Buffer> demoted = patch(adminId, new JsonObject().put("roles", new JsonArray().add("operator")));
    HttpResponse<Buffer> deactivated = patch(adminId, new JsonObject().put("active", false));

    assertEquals(409, demoted.statusCode(), demoted.bodyAsString());
    assertEquals("last_admin", demoted.bodyAsJsonObject().getString("error"));
    assertEquals(409, deactivated.statusCode(), deactivated.bodyAsString());
    assertEquals("last_admin", deactivated.bodyAsJsonObject().getString("error"));
    assertEquals(1, api.count("SELECT count(*) FROM app_user WHERE active AND 'admin' = ANY (roles)"));
    assertEquals(200, me(admin), "a refused change ends no session");
  }

  @Test
  void userChangesAreAuditedByFieldNameWithoutSecrets() {
    long id = create("audited.user", "CG", "agency").getLong("id");
    patch(id, new JsonObject().put("roles", new JsonArray().add("agency").add("operator")).put("password", "a-new-long-secret-for-hoan-kiem"));

    JsonObject created = api.row("SELECT actor, outcome, address, details FROM audit_log "
        + "WHERE action = 'user.create' AND target = 'audited.user'");
    JsonObject updated = api.row("SELECT actor, outcome, details FROM audit_log "
        + "WHERE action = 'user.update' AND target = 'audited.user'");
    assertEquals("admin", created.getString("actor"));
    assertEquals("success", created.getString("outcome"));
    assertEquals("127.0.0.1", created.getString("address"));
    assertEquals("admin", updated.getString("actor"));
    assertEquals(new JsonArray().add("password").add("roles"), updated.getJsonObject("details").getJsonArray("fields"));
    assertEquals(0, api.count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%argon2%' "
        + "OR details::text LIKE '%secret%'"), "neither a password nor a hash is in the log");
  }
}
