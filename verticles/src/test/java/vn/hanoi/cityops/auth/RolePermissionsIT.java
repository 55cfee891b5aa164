package vn.hanoi.cityops.auth;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each demo role against each protected route of the node: what it may do succeeds, the rest is 403. */
@NodeTest
class RolePermissionsIT {
  private static Node node;
  private static Api api;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
  }

  @ParameterizedTest(name = "{0}: me {1}, users {2}, api keys {3}, audit {4}")
  @CsvSource({
      "admin,      200, 200, 200, 200",
      "operator,   200, 403, 403, 403",
      "leader,     200, 403, 403, 403",
      "sre,        200, 403, 403, 403",
      "cg-officer, 200, 403, 403, 403"})
  void roleGetsExactlyItsPermissions(String user, int me, int users, int keys, int audit) {
    String token = api.token(user);
    assertEquals(me, api.send(HttpMethod.GET, "/api/v1/auth/me", token, null).statusCode(), "me");
    assertEquals(users, api.send(HttpMethod.GET, "/api/v1/users", token, null).statusCode(), "users");
    assertEquals(keys, api.send(HttpMethod.GET, "/api/v1/admin/api-keys", token, null).statusCode(), "api keys");
    assertEquals(audit, api.send(HttpMethod.GET, "/api/v1/audit", token, null).statusCode(), "audit");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"operator", "leader", "sre", "cg-officer"})
  void forbiddenAnswerIsAJson403(String user) {
    var r = api.send(HttpMethod.GET, "/api/v1/users", api.token(user), null);
    assertEquals(403, r.statusCode());
    assertEquals("forbidden", r.bodyAsJsonObject().getString("error"));
  }

  @org.junit.jupiter.api.Test
  void answersCarrySecurityHeaders() {
    var r = api.get("/health");
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    assertEquals("DENY", r.getHeader("X-Frame-Options"));
    assertEquals("no-store", api.send(HttpMethod.GET, "/api/v1/auth/me", null, null).getHeader("Cache-Control"));
  }
}
