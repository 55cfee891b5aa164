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

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optional second sign-in step over HTTP: an SRE enrols (secret, otpauth URI, QR), confirms with a code, then
 * signs in only with a code; a missing code is 401 totp_required, a wrong or reused one 401 totp_invalid counted by
 * the lockout; a code turns it off; an admin clears another person's; other roles are refused. Codes are computed
 * here with java-otp from the secret the enrolment answered (the next step's code where one was just used: the node
 * accepts the steps either side of now).
 */
@NodeTest(config = "auth.maxFailuresPerUser=3")
class TotpIT {
  private static final String PASSWORD = "mat-khau-rat-dai-2026";
  private static final String ME = "/api/v1/me/totp";
  private static Api api;
  private static String admin;

  @BeforeAll
  static void start(Api client) {
    api = client;
    admin = api.token("admin");
  }

  private static long person(String username, String role) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/users", admin, new JsonObject().put("username", username)
        .put("displayName", "Lê Văn " + username).put("agency", "BD").put("roles", new JsonArray(List.of(role)))
        .put("password", PASSWORD));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  private static String token(String username) {
    HttpResponse<Buffer> r = api.login(username, PASSWORD);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("token");
  }

  private static HttpResponse<Buffer> login(String username, String code) {
    return api.send(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("username", username).put("password", PASSWORD).put("code", code));
  }

  /** Enrols and confirms; answers the secret. */
  private static String turnOn(String token) {
    HttpResponse<Buffer> enrol = api.send(HttpMethod.POST, ME, token, null);
    assertEquals(200, enrol.statusCode(), enrol.bodyAsString());
    String secret = enrol.bodyAsJsonObject().getString("secret");
    HttpResponse<Buffer> confirm = api.send(HttpMethod.POST, ME + "/confirm", token,
        new JsonObject().put("code", Totp.code(secret, Instant.now())));
    assertEquals(200, confirm.statusCode(), confirm.bodyAsString());
    return secret;
  }

  private static String nextStepCode(String secret) {
    return Totp.code(secret, Instant.now().plusSeconds(30));
  }

  private static long loginFailures(String username) {
    return api.count("SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' AND target = $1", username);
  }

  @Test
  void anSreEnrolsConfirmsAndThenSignsInOnlyWithARightUnusedCode() {
    person("sre.totp", "sre");
    String token = token("sre.totp");
    assertEquals(new JsonObject().put("enabled", false).put("pending", false), api.send(HttpMethod.GET, ME, token, null).bodyAsJsonObject());
    HttpResponse<Buffer> enrol = api.send(HttpMethod.POST, ME, token, null);
    JsonObject body = enrol.bodyAsJsonObject();
    String secret = body.getString("secret");
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    assertEquals("otpauth://totp/cityops:sre.totp?secret=" + secret + "&issuer=cityops&algorithm=SHA1&digits=6&period=30",
        body.getString("uri"));
    assertTrue(body.getString("qrSvg").startsWith("<svg"));
    assertEquals(200, login("sre.totp", null).statusCode(), "not on until confirmed");
    String stored = api.row("SELECT totp_secret FROM app_user WHERE username = $1", "sre.totp").getString("totp_secret");
    assertTrue(stored.startsWith("v1:") && !stored.contains(secret), "sealed at rest: " + stored);

    HttpResponse<Buffer> wrongConfirm = api.send(HttpMethod.POST, ME + "/confirm", token, new JsonObject().put("code", "000000"
        .equals(Totp.code(secret, Instant.now())) ? "111111" : "000000"));
    assertEquals(422, wrongConfirm.statusCode(), wrongConfirm.bodyAsString());
    assertEquals("wrong_code", wrongConfirm.bodyAsJsonObject().getString("error"));
    assertEquals(200, api.send(HttpMethod.POST, ME + "/confirm", token,
        new JsonObject().put("code", Totp.code(secret, Instant.now()))).statusCode());
    assertTrue(api.send(HttpMethod.GET, ME, token, null).bodyAsJsonObject().getBoolean("enabled"));

    long before = loginFailures("sre.totp");
    HttpResponse<Buffer> missing = api.login("sre.totp", PASSWORD);
    assertEquals(401, missing.statusCode());
    assertEquals("totp_required", missing.bodyAsJsonObject().getString("error"));
    assertEquals(before, loginFailures("sre.totp"), "a missing code is not a failure");

    String code = nextStepCode(secret);
    HttpResponse<Buffer> signedIn = login("sre.totp", code);
    assertEquals(200, signedIn.statusCode(), signedIn.bodyAsString());
    assertTrue(signedIn.bodyAsJsonObject().getString("token").length() > 20);

    HttpResponse<Buffer> reused = login("sre.totp", code);
    assertEquals(401, reused.statusCode(), "a code signs in once");
    assertEquals("totp_invalid", reused.bodyAsJsonObject().getString("error"));
    assertEquals(before + 1, loginFailures("sre.totp"), "counted like a wrong password");
  }

  @Test
  void wrongCodesLockTheAccountLikeWrongPasswords() {
    person("admin.totp", "admin");
    String secret = turnOn(token("admin.totp"));
    String right = nextStepCode(secret);
    String wrong = right.equals("123456") ? "654321" : "123456";
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> r = login("admin.totp", wrong);
      assertEquals(401, r.statusCode());
      assertEquals("totp_invalid", r.bodyAsJsonObject().getString("error"));
    }
    HttpResponse<Buffer> locked = login("admin.totp", right);
    assertEquals(429, locked.statusCode(), "three failures (auth.maxFailuresPerUser=3): even the right code waits");
    assertTrue(locked.getHeader("Retry-After") != null);
  }

  @Test
  void aCurrentCodeTurnsItOffAndAWrongOneDoesNot() {
    person("sre.off", "sre");
    String token = token("sre.off");
    String secret = turnOn(token);
    HttpResponse<Buffer> wrong = api.send(HttpMethod.POST, ME + "/disable", token, new JsonObject().put("code", "99999"));
    assertEquals(400, wrong.statusCode(), "not six digits: " + wrong.bodyAsString());
    String next = nextStepCode(secret);
    HttpResponse<Buffer> off = api.send(HttpMethod.POST, ME + "/disable", token, new JsonObject().put("code", next));
    assertEquals(200, off.statusCode(), off.bodyAsString());
    assertFalse(off.bodyAsJsonObject().getBoolean("enabled"));
    assertEquals(200, api.login("sre.off", PASSWORD).statusCode(), "no code needed any more");
    assertTrue(api.row("SELECT totp_secret IS NULL AS gone FROM app_user WHERE username = $1", "sre.off").getBoolean("gone"));
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'auth.totp.disable' AND target = $1", "sre.off"));
  }

  @Test
  void anAdminClearsAnotherPersonsSecondStepForALostPhoneAudited() {
    long id = person("sre.lost", "sre");
    turnOn(token("sre.lost"));
    assertEquals(401, api.login("sre.lost", PASSWORD).statusCode());
    String sre = api.token("sre");
    assertEquals(403, api.send(HttpMethod.DELETE, "/api/v1/users/" + id + "/totp", sre, null).statusCode(), "admins only");
    assertEquals(204, api.send(HttpMethod.DELETE, "/api/v1/users/" + id + "/totp", admin, null).statusCode());
    assertEquals(200, api.login("sre.lost", PASSWORD).statusCode(), "signs in with the password alone again");
    JsonObject entry = api.row("SELECT actor, details FROM audit_log WHERE action = 'auth.totp.reset' AND target = $1", "sre.lost");
    assertEquals("admin", entry.getString("actor"));
    assertEquals(404, api.send(HttpMethod.DELETE, "/api/v1/users/987654/totp", admin, null).statusCode());
  }

  @Test
  void peopleWhoAreNeitherAdminNorSreAreRefused() {
    for (String role : List.of("operator", "leader", "cg-officer")) {
      String token = api.token(role);
      assertEquals(403, api.send(HttpMethod.GET, ME, token, null).statusCode(), role);
      assertEquals(403, api.send(HttpMethod.POST, ME, token, null).statusCode(), role);
      assertEquals(403, api.send(HttpMethod.POST, ME + "/confirm", token, new JsonObject().put("code", "123456")).statusCode(), role);
    }
    assertEquals(401, api.send(HttpMethod.GET, ME, null, null).statusCode());
  }
}
