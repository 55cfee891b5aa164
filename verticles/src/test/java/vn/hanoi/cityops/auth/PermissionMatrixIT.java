package vn.hanoi.cityops.auth;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the router against everyone who may call it: nobody (anonymous), each demo role, an officer of
 * another district than the resources named (Đông Anh, asking for Cầu Giấy) and a wall display. What each may do
 * comes from one table ({@link #ROUTES}: a route's access class) and the grants of each class ({@link Access}); a
 * route missing from the table, or a table row without a route, fails the test, so every new route is placed. An
 * allowed caller gets anything but 401/403 and never a 5xx (the request names nothing that exists, so 400/404 are
 * usual); a refused one gets a JSON 403, nobody a JSON 401.
 */
@NodeTest
class PermissionMatrixIT {
  /** Who may pass a route's access check. */
  private enum Access {
    /** Anyone, signed in or not. */
    PUBLIC(Set.of("anonymous", "admin", "operator", "leader", "sre", "cg-officer", "da-officer", "display")),
    /** Any signed-in person or display (what they then see is filtered, or the resource decides). */
    SIGNED_IN(Set.of("admin", "operator", "leader", "sre", "cg-officer", "da-officer", "display")),
    /** City-wide data: every role but agency officers. */
    CITY(Set.of("admin", "operator", "leader", "sre", "display")),
    /** Cầu Giấy's data: city-wide readers and Cầu Giấy's officer, not another district's. */
    CAU_GIAY(Set.of("admin", "operator", "leader", "sre", "display", "cg-officer")),
    /** Acknowledging alerts. */
    ACKNOWLEDGE(Set.of("operator", "sre")),
    /** Resolving, silencing, alert rules. */
    MANAGE_ALERTS(Set.of("sre")),
    /** On-call teams, rotations, policies, maintenance windows. */
    MANAGE_ONCALL(Set.of("sre", "admin")),
    /** Scheduling briefings. */
    RUN_MEETINGS(Set.of("leader")),
    /** A second sign-in step (TOTP) of one's own: the roles that guard the city's settings. */
    TWO_STEP(Set.of("admin", "sre")),
    /** People, API keys, displays, the audit log. */
    ADMIN(Set.of("admin")),
    /** Signed with something other than a person's token (an API key, a link's token): no person passes. */
    NOT_A_PERSON(Set.of());

    private final Set<String> allowed;

    Access(Set<String> allowed) {
      this.allowed = allowed;
    }
  }

  private static final Map<String, Access> ROUTES = new LinkedHashMap<>();

  static {
    // health, metrics, what pages and clients need before signing in
    put(Access.PUBLIC, "GET /health", "GET /ready", "GET /metrics", "GET /js/topics.js", "GET /summary",
        "GET /api/v1/openapi.json", "GET /api/v1/schemas/event.json", "POST /api/v1/auth/login");
    put(Access.NOT_A_PERSON, "POST /api/v1/events", "POST /api/v1/integrations/alertmanager", "GET /api/v1/oncall/ack", "POST /api/v1/oncall/ack");
    put(Access.SIGNED_IN, "GET /api/v1/auth/me", "GET /ws", "GET /api/v1/agencies", "GET /api/v1/series/kpis",
        "GET /api/v1/notify/vapid-public-key", "GET /api/v1/tasks", "PATCH /api/v1/tasks/:id",
        "GET /api/v1/me/contact-points", "POST /api/v1/me/contact-points", "PATCH /api/v1/me/contact-points/:id",
        "DELETE /api/v1/me/contact-points/:id", "POST /api/v1/me/contact-points/:id/test",
        // briefings: the list is filtered; a briefing decides who may act on it (MeetingsIT)
        "GET /api/v1/meetings", "GET /api/v1/meetings/:id", "PUT /api/v1/meetings/:id", "GET /api/v1/meetings/:id/invite.ics",
        "GET /api/v1/meetings/:id/minutes", "GET /api/v1/meetings/:id/panel", "GET /api/v1/meetings/:id/people",
        "POST /api/v1/meetings/:id/agenda/:item/activate", "POST /api/v1/meetings/:id/cancel",
        "POST /api/v1/meetings/:id/decisions", "POST /api/v1/meetings/:id/end", "POST /api/v1/meetings/:id/floor",
        "POST /api/v1/meetings/:id/hand", "POST /api/v1/meetings/:id/highlight", "POST /api/v1/meetings/:id/join",
        "POST /api/v1/meetings/:id/leave", "POST /api/v1/meetings/:id/panel", "POST /api/v1/meetings/:id/start",
        "POST /api/v1/meetings/:id/tasks", "PUT /api/v1/meetings/:id/secretary");
    put(Access.CITY, "GET /api/v1/systems", "GET /api/v1/systems/:code", "GET /api/v1/kpi/city", "GET /api/v1/kpi/headline",
        "GET /api/v1/kpi/levels/:level", "GET /api/v1/rankings/districts", "GET /api/v1/rankings/agencies",
        "GET /api/v1/feedback/summary", "GET /api/v1/alerts", "GET /api/v1/alerts/:id", "GET /api/v1/alerts/stats",
        "GET /api/v1/alert-rules", "GET /api/v1/alert-rules/:id", "GET /api/v1/silences",
        "GET /api/v1/oncall/now", "GET /api/v1/oncall/pages", "GET /api/v1/oncall/teams", "GET /api/v1/oncall/teams/:code",
        "GET /api/v1/oncall/teams/:code/rotations", "GET /api/v1/oncall/rotations/:id", "GET /api/v1/oncall/rotations/:id/covers",
        "GET /api/v1/oncall/policies", "GET /api/v1/oncall/policies/:code", "GET /api/v1/oncall/maintenance-windows",
        "GET /api/v1/oncall/maintenance-windows/:id", "GET /api/v1/exports/rankings/districts",
        "GET /api/v1/exports/rankings/agencies", "GET /api/v1/exports/kpi/agencies", "GET /api/v1/exports/feedback/summary");
    put(Access.CAU_GIAY, "GET /api/v1/kpi/agencies/:code", "GET /api/v1/kpi/districts/:code", "GET /api/v1/series");
    put(Access.ACKNOWLEDGE, "POST /api/v1/alerts/:id/acknowledge");
    put(Access.MANAGE_ALERTS, "POST /api/v1/alerts/:id/resolve", "POST /api/v1/alert-rules", "PATCH /api/v1/alert-rules/:id",
        "DELETE /api/v1/alert-rules/:id", "POST /api/v1/alert-rules/:id/test", "POST /api/v1/silences",
        "DELETE /api/v1/silences/:id");
    put(Access.MANAGE_ONCALL, "POST /api/v1/oncall/teams", "PUT /api/v1/oncall/teams/:code", "DELETE /api/v1/oncall/teams/:code",
        "POST /api/v1/oncall/teams/:code/rotations", "PUT /api/v1/oncall/rotations/:id", "DELETE /api/v1/oncall/rotations/:id",
        "POST /api/v1/oncall/rotations/:id/covers", "DELETE /api/v1/oncall/covers/:id", "POST /api/v1/oncall/policies",
        "PUT /api/v1/oncall/policies/:code", "DELETE /api/v1/oncall/policies/:code", "POST /api/v1/oncall/maintenance-windows",
        "DELETE /api/v1/oncall/maintenance-windows/:id");
    put(Access.RUN_MEETINGS, "POST /api/v1/meetings");
    // enrolling leaves the step off until a code confirms it: the walk changes nobody's sign-in
    put(Access.TWO_STEP, "GET /api/v1/me/totp", "POST /api/v1/me/totp", "POST /api/v1/me/totp/confirm",
        "POST /api/v1/me/totp/disable");
    put(Access.ADMIN, "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/:id", "PATCH /api/v1/users/:id",
        "GET /api/v1/users/:username/contact-points", "POST /api/v1/users/:username/contact-points",
        "PATCH /api/v1/users/:username/contact-points/:id", "DELETE /api/v1/users/:username/contact-points/:id",
        "GET /api/v1/admin/api-keys", "POST /api/v1/admin/api-keys", "DELETE /api/v1/admin/api-keys/:id",
        "GET /api/v1/admin/displays", "POST /api/v1/admin/displays", "DELETE /api/v1/admin/displays/:id",
        "GET /api/v1/audit", "GET /api/v1/exports/audit", "DELETE /api/v1/users/:id/totp");
  }

  /** Query strings a route needs before its access can be decided on the resource it names. */
  private static final Map<String, String> QUERIES = Map.of(
      "GET /api/v1/series", "?kpi=dossiers_received&scope=district:CG");

  private static final List<String> WHO = List.of("anonymous", "admin", "operator", "leader", "sre", "cg-officer",
      "da-officer", "display");
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();
  private static Node node;
  private static Api api;
  private static WebClient client;

  private static void put(Access access, String... routes) {
    for (String route : routes) {
      if (ROUTES.put(route, access) != null) {
        throw new IllegalStateException(route + " is twice in the table");
      }
    }
  }

  @BeforeAll
  static void start(Vertx vertx, Node started, Api http) {
    node = started;
    api = http;
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.config().httpPort()));
    for (String user : List.of("admin", "operator", "leader", "sre", "cg-officer")) {
      TOKENS.put(user, api.token(user));
    }
    HttpResponse<Buffer> officer = api.send(HttpMethod.POST, "/api/v1/users", TOKENS.get("admin"), new JsonObject()
        .put("username", "da-officer").put("displayName", "Cán bộ Đông Anh").put("agency", "DA")
        .put("roles", new JsonArray().add("agency")).put("password", "mat-khau-rat-dai-2026"));
    assertEquals(201, officer.statusCode(), officer.bodyAsString());
    HttpResponse<Buffer> signedIn = api.login("da-officer", "mat-khau-rat-dai-2026");
    assertEquals(200, signedIn.statusCode(), signedIn.bodyAsString());
    TOKENS.put("da-officer", signedIn.bodyAsJsonObject().getString("token"));
    HttpResponse<Buffer> display = api.send(HttpMethod.POST, "/api/v1/admin/displays", TOKENS.get("admin"),
        new JsonObject().put("name", "Màn hình thử"));
    assertEquals(201, display.statusCode(), display.bodyAsString());
    TOKENS.put("display", display.bodyAsJsonObject().getString("token"));
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void everyRouteAnswersEveryCallerAsTheTableSaysAndEveryRouteIsInTheTable() {
    List<String> wrong = new ArrayList<>();
    Set<String> unplaced = new TreeSet<>();
    Set<String> walked = new TreeSet<>();
    for (Route route : node.router().getRoutes()) {
      String path = route.getPath();
      if (path == null || !route.isExactPath()) {
        continue; // static assets and catch-alls serve no data of their own
      }
      for (HttpMethod method : route.methods() == null ? List.of(HttpMethod.GET) : new ArrayList<>(route.methods())) {
        String key = method + " " + path;
        if (key.equals("POST /api/v1/auth/logout")) {
          continue; // it would end the sessions of the walk; checked below
        }
        walked.add(key);
        Access access = ROUTES.get(key);
        if (access == null) {
          unplaced.add(key);
          continue;
        }
        String concrete = path.replace(":code", "CG").replace(":username", "operator").replace(":level", "district")
            .replaceAll(":[A-Za-z]+", "999999") + QUERIES.getOrDefault(key, "");
        for (String who : WHO) {
          HttpResponse<Buffer> r = call(method, concrete, TOKENS.get(who));
          String problem = problem(access, who, r);
          if (problem != null) {
            wrong.add(key + " as " + who + ": " + problem);
          }
        }
      }
    }
    Set<String> gone = new TreeSet<>(ROUTES.keySet());
    gone.removeAll(walked);
    assertEquals(Set.of(), unplaced, "routes missing from the table: place each under its access class");
    assertEquals(Set.of(), gone, "table rows without a route");
    assertEquals(List.of(), wrong);
    assertTrue(walked.size() > 100, "the walk found the routes: " + walked.size());
  }

  @Test
  void signingOutNeedsASessionAndEndsIt() {
    assertEquals(401, call(HttpMethod.POST, "/api/v1/auth/logout", null).statusCode());
    String token = api.token("leader");
    assertEquals(204, call(HttpMethod.POST, "/api/v1/auth/logout", token).statusCode());
    assertEquals(401, call(HttpMethod.GET, "/api/v1/auth/me", token).statusCode(), "the session ended");
  }

  /** What is wrong with {@code r} for {@code who} on a route of {@code access}, or null. */
  private static String problem(Access access, String who, HttpResponse<Buffer> r) {
    int status = r.statusCode();
    if (status >= 500) {
      return "a server error " + status + " " + r.bodyAsString();
    }
    if (access.allowed.contains(who)) {
      return status == 401 || status == 403 ? "refused with " + status + " " + r.bodyAsString() : null;
    }
    int expected = who.equals("anonymous") || access == Access.NOT_A_PERSON ? 401 : 403;
    if (status != expected) {
      return "expected " + expected + ", got " + status + " " + r.bodyAsString();
    }
    String error = r.bodyAsJsonObject().getString("error");
    return error.equals(expected == 401 ? "unauthorized" : "forbidden") ? null : "error '" + error + "'";
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String token) {
    HttpRequest<Buffer> req = client.request(method, path).putHeader("Content-Type", "application/json");
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return Api.await(req.sendBuffer(Buffer.buffer("{}")));
  }
}
