package vn.hanoi.cityops.oncall;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The on-call settings over HTTP: what a development node starts with, teams, rotations, covers, policies and
 * maintenance windows made, read, changed and deleted (audited), who may change them, and every way a body can be
 * wrong: the right 4xx naming the field, never a 500.
 */
@NodeTest
class OnCallApiIT {
  private static final String TEAMS = "/api/v1/oncall/teams";
  private static final String POLICIES = "/api/v1/oncall/policies";
  private static final String WINDOWS = "/api/v1/oncall/maintenance-windows";
  private static OnCall oncall;
  private static Api api;

  @BeforeAll
  static void start(Api client) {
    api = client;
    oncall = new OnCall(api);
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
    return oncall.send(method, path, oncall.sre(), body);
  }

  /** Answers {@code status} with error {@code code}, naming {@code field} when given. */
  private static JsonObject refused(HttpResponse<Buffer> r, int status, String code, String field) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(code, body.getString("error"), r.bodyAsString());
    if (field != null) {
      assertTrue(body.getJsonArray("details").stream().anyMatch(d -> ((JsonObject) d).getString("field").startsWith(field)),
          field + " in " + r.bodyAsString());
    }
    return body;
  }

  private static List<String> usernames(JsonArray shifts) {
    return shifts.stream().map(s -> ((JsonObject) s).getString("username")).toList();
  }

  private static JsonObject team(String code) {
    return new JsonObject().put("code", code).put("nameVi", "Nhóm Cổng DVC").put("nameEn", "Portal team")
        .put("lead", "sre").put("members", new JsonArray().add("sre")).put("systems", new JsonArray());
  }

  private static JsonObject rotation(String layer) {
    return new JsonObject().put("layer", layer).put("length", "daily").put("handoffTime", "08:00")
        .put("startsOn", "2026-12-01").put("members", new JsonArray().add("sre"));
  }

  @Test
  void aDevelopmentNodeHasTheSreOnCallForEverySystem() {
    JsonObject now = OnCall.ok(200, send(HttpMethod.GET, "/api/v1/oncall/now", null));
    JsonArray items = now.getJsonArray("items");
    assertEquals(14, items.size(), items.encodePrettily());
    JsonObject portal = items.stream().map(JsonObject.class::cast).filter(i -> "DVC-PORTAL".equals(i.getString("system")))
        .findFirst().orElseThrow();
    assertEquals("Cổng dịch vụ công trực tuyến thành phố", portal.getString("nameVi"));
    assertTrue(portal.getJsonObject("team") == null || "sre-dc".equals(portal.getJsonObject("team").getString("code")));
    JsonObject devTeam = OnCall.ok(200, send(HttpMethod.GET, TEAMS + "/sre-dc", null));
    assertEquals("SRE Trung tâm dữ liệu", devTeam.getString("nameVi"));
    assertEquals("sre", devTeam.getString("lead"));
    JsonObject policy = OnCall.ok(200, send(HttpMethod.GET, POLICIES + "/sre-dc-default", null));
    assertEquals("PT0S", policy.getJsonArray("steps").getJsonObject(0).getString("after"));
    assertEquals("primary", policy.getJsonArray("steps").getJsonObject(0).getString("target"));
    assertEquals("PT5M", policy.getJsonArray("steps").getJsonObject(1).getString("after"));
    assertEquals("lead", policy.getJsonArray("steps").getJsonObject(1).getString("target"));
    assertEquals("PT30M", policy.getString("remindEvery"));
    JsonObject primary = OnCall.ok(200, send(HttpMethod.GET, TEAMS + "/sre-dc/rotations", null)).getJsonArray("items")
        .getJsonObject(0);
    assertEquals("sre", primary.getJsonObject("now").getString("username"));
    assertEquals(null, primary.getValue("next"), "a lone member: nobody next");
    assertEquals(List.of("sre"), usernames(primary.getJsonArray("upcoming")), "a lone member: one long shift ahead");
  }

  @Test
  void aTeamIsMadeReadChangedAndDeletedAndEveryChangeIsAudited() {
    JsonObject made = OnCall.ok(201, send(HttpMethod.POST, TEAMS, team("crud").put("policy", "sre-dc-default")));
    assertEquals("crud", made.getString("code"));
    assertEquals(List.of("sre"), made.getJsonArray("members").getList());
    JsonObject changed = OnCall.ok(200, send(HttpMethod.PUT, TEAMS + "/crud",
        team("crud").put("nameEn", "Portal SRE").put("members", new JsonArray().add("sre").add("operator"))));
    assertEquals("Portal SRE", changed.getString("nameEn"));
    assertEquals(List.of("operator", "sre"), changed.getJsonArray("members").getList());
    assertEquals(null, changed.getString("policy"), "PUT replaces: no policy given, none kept");
    JsonObject r = OnCall.ok(201, send(HttpMethod.POST, TEAMS + "/crud/rotations", rotation("secondary")));
    OnCall.ok(200, send(HttpMethod.PUT, "/api/v1/oncall/rotations/" + r.getLong("id"), rotation("secondary")
        .put("length", "weekly").put("handoffDay", 1).put("startsOn", LocalDate.now(ZoneOffset.ofHours(7)).minusWeeks(3).toString())
        .put("members", new JsonArray().add("sre").add("operator"))));
    JsonObject weekly = OnCall.ok(200, send(HttpMethod.GET, "/api/v1/oncall/rotations/" + r.getLong("id"), null));
    assertEquals(1, weekly.getInteger("handoffDay"));
    JsonArray upcoming = weekly.getJsonArray("upcoming");
    assertEquals(6, upcoming.size(), upcoming.encodePrettily());
    assertEquals(weekly.getJsonObject("now").getString("username"), upcoming.getJsonObject(0).getString("username"));
    for (int i = 1; i < upcoming.size(); i++) {
      JsonObject before = upcoming.getJsonObject(i - 1);
      JsonObject shift = upcoming.getJsonObject(i);
      assertEquals(before.getString("to"), shift.getString("from"), "no gap between shifts " + upcoming.encodePrettily());
      assertTrue(!before.getString("username").equals(shift.getString("username")), "the two take turns");
      if (i > 1) {
        assertEquals(7 * 86_400L, Instant.parse(shift.getString("to")).getEpochSecond()
            - Instant.parse(shift.getString("from")).getEpochSecond(), "a week a shift");
      }
    }
    assertEquals(204, send(HttpMethod.DELETE, "/api/v1/oncall/rotations/" + r.getLong("id"), null).statusCode());
    assertEquals(204, send(HttpMethod.DELETE, TEAMS + "/crud", null).statusCode());
    refused(send(HttpMethod.GET, TEAMS + "/crud", null), 404, "not_found", null);
    assertEquals(3L, api.count("SELECT count(*) FROM audit_log WHERE actor = 'sre' AND target = 'oncall_team:crud' "
        + "AND action IN ('oncall.team.create', 'oncall.team.update', 'oncall.team.delete')"));
    assertEquals(3L, api.count("SELECT count(*) FROM audit_log WHERE actor = 'sre' AND target = $1 AND action IN "
        + "('oncall.rotation.create', 'oncall.rotation.update', 'oncall.rotation.delete')", "oncall_rotation:" + r.getLong("id")));
  }

  @Test
  void aTeamNamingSomeoneOrSomethingUnknownIsRefusedAsUnprocessable() {
    refused(send(HttpMethod.POST, TEAMS, team("unknown-lead").put("lead", "nobody")), 422, "unknown_reference", "lead");
    refused(send(HttpMethod.POST, TEAMS, team("unknown-member").put("members", new JsonArray().add("ghost"))), 422,
        "unknown_reference", "members");
    refused(send(HttpMethod.POST, TEAMS, team("unknown-system").put("systems", new JsonArray().add("NOPE"))), 422,
        "unknown_reference", "systems");
    refused(send(HttpMethod.POST, TEAMS, team("unknown-policy").put("policy", "no-such-policy")), 422,
        "unknown_reference", "policy");
  }

  @Test
  void aSystemOwnedByAnotherTeamOrACodeTakenIsAConflict() {
    OnCall.ok(201, send(HttpMethod.POST, TEAMS, team("owner-a")));
    OnCall.ok(200, send(HttpMethod.PUT, TEAMS + "/sre-dc", new JsonObject().put("nameVi", "SRE Trung tâm dữ liệu")
        .put("nameEn", "Data-center SRE").put("lead", "sre").put("members", new JsonArray().add("sre"))
        .put("systems", new JsonArray().add("WAN")).put("policy", "sre-dc-default")));
    JsonObject owned = refused(send(HttpMethod.PUT, TEAMS + "/owner-a", team("owner-a").put("systems",
        new JsonArray().add("WAN"))), 409, "system_owned", "systems");
    assertTrue(owned.getString("message").contains("WAN (team sre-dc)"), owned.encode());
    refused(send(HttpMethod.POST, TEAMS, team("owner-a")), 409, "conflict", null);
    OnCall.ok(201, send(HttpMethod.POST, TEAMS + "/owner-a/rotations", rotation("primary")));
    refused(send(HttpMethod.POST, TEAMS + "/owner-a/rotations", rotation("primary")), 409, "conflict", null);
  }

  @Test
  void aRotationWithoutMembersOrAWeeklyOneWithoutADayIsInvalidAndItsMembersMustBeTheTeams() {
    OnCall.ok(201, send(HttpMethod.POST, TEAMS, team("rot")));
    String rotations = TEAMS + "/rot/rotations";
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("members", new JsonArray())), 400,
        "validation_failed", "members");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("length", "weekly")), 400, "validation_failed",
        "handoffDay");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("handoffDay", 3)), 400, "validation_failed",
        "handoffDay");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("handoffTime", "25:00")), 400, "validation_failed",
        "handoffTime");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("startsOn", "2026-02-30")), 400, "validation_failed",
        "startsOn");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("handoffDay", 8)), 400, "validation_failed", null);
    JsonObject noLayer = rotation("primary");
    noLayer.remove("layer");
    refused(send(HttpMethod.POST, rotations, noLayer), 400, "validation_failed", "layer");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("members", new JsonArray().add("ghost"))), 422,
        "unknown_reference", "members");
    refused(send(HttpMethod.POST, rotations, rotation("primary").put("members", new JsonArray().add("operator"))), 422,
        "unknown_reference", "members");
    refused(send(HttpMethod.POST, TEAMS + "/no-team/rotations", rotation("primary")), 404, "not_found", null);
    JsonObject r = OnCall.ok(201, send(HttpMethod.POST, rotations, rotation("primary")));
    refused(send(HttpMethod.PUT, "/api/v1/oncall/rotations/" + r.getLong("id"), rotation("secondary")), 400,
        "validation_failed", "layer");
    refused(send(HttpMethod.PUT, "/api/v1/oncall/rotations/999999", rotation("primary")), 404, "not_found", null);
  }

  @Test
  void overlappingCoversAreAConflictAndABackwardOrPastOneIsInvalid() {
    OnCall.ok(201, send(HttpMethod.POST, TEAMS, team("cov")));
    long id = OnCall.ok(201, send(HttpMethod.POST, TEAMS + "/cov/rotations", rotation("primary"))).getLong("id");
    String covers = "/api/v1/oncall/rotations/" + id + "/covers";
    Instant now = Instant.now();
    JsonObject first = OnCall.ok(201, send(HttpMethod.POST, covers, cover("operator", now.plusSeconds(3600), now.plusSeconds(7200))));
    refused(send(HttpMethod.POST, covers, cover("sre", now.plusSeconds(5400), now.plusSeconds(9000))), 409,
        "overlapping_cover", "startsAt");
    OnCall.ok(201, send(HttpMethod.POST, covers, cover("sre", now.plusSeconds(7200), now.plusSeconds(9000))));
    refused(send(HttpMethod.POST, covers, cover("sre", now.plusSeconds(9600), now.plusSeconds(9000))), 400,
        "validation_failed", "endsAt");
    refused(send(HttpMethod.POST, covers, cover("sre", now.minusSeconds(7200), now.minusSeconds(3600))), 400,
        "validation_failed", "endsAt");
    refused(send(HttpMethod.POST, covers, cover("ghost", now.plusSeconds(20000), now.plusSeconds(30000))), 422,
        "unknown_reference", "username");
    refused(send(HttpMethod.POST, covers, cover("sre", now.plusSeconds(20000), now.plusSeconds(30000))
        .put("startsAt", "tomorrow")), 400, "validation_failed", "startsAt");
    refused(send(HttpMethod.POST, "/api/v1/oncall/rotations/999999/covers", cover("sre", now.plusSeconds(20000),
        now.plusSeconds(30000))), 404, "not_found", null);
    assertEquals(2, OnCall.ok(200, send(HttpMethod.GET, covers, null)).getJsonArray("items").size());
    assertEquals(204, send(HttpMethod.DELETE, "/api/v1/oncall/covers/" + first.getLong("id"), null).statusCode());
    refused(send(HttpMethod.DELETE, "/api/v1/oncall/covers/" + first.getLong("id"), null), 404, "not_found", null);
  }

  private static JsonObject cover(String username, Instant from, Instant to) {
    return new JsonObject().put("username", username).put("startsAt", from.toString()).put("endsAt", to.toString())
        .put("reason", "đổi ca");
  }

  private static JsonObject policy(String code, JsonArray steps) {
    return new JsonObject().put("code", code).put("name", "Chính sách " + code).put("steps", steps);
  }

  private static JsonArray steps(JsonObject... steps) {
    return new JsonArray(List.of((Object[]) steps));
  }

  private static JsonObject step(String after, String target) {
    return new JsonObject().put("after", after).put("target", target);
  }

  @Test
  void aPolicyWithoutStepsOrWithBadTimingsIsInvalidAndItsNamedPeopleMustExist() {
    refused(send(HttpMethod.POST, POLICIES, policy("empty", new JsonArray())), 400, "validation_failed", "steps");
    refused(send(HttpMethod.POST, POLICIES, new JsonObject().put("code", "nosteps").put("name", "x")), 400,
        "validation_failed", "steps");
    refused(send(HttpMethod.POST, POLICIES, policy("user-no-name", steps(step("PT0S", "user")))), 400,
        "validation_failed", "steps.0.username");
    refused(send(HttpMethod.POST, POLICIES, policy("named-primary", steps(step("PT0S", "primary").put("username", "sre")))),
        400, "validation_failed", "steps.0.username");
    refused(send(HttpMethod.POST, POLICIES, policy("bad-duration", steps(step("five minutes", "primary")))), 400,
        "validation_failed", "steps.0.after");
    refused(send(HttpMethod.POST, POLICIES, policy("negative", steps(step("PT0S", "primary"), step("-PT5M", "lead")))),
        400, "validation_failed", "steps.1.after");
    refused(send(HttpMethod.POST, POLICIES, policy("too-long", steps(step("P8D", "primary")))), 400,
        "validation_failed", "steps.0.after");
    refused(send(HttpMethod.POST, POLICIES, policy("repeats", steps(step("PT0S", "primary"))).put("repeats", 2)), 400,
        "validation_failed", "repeatEvery");
    refused(send(HttpMethod.POST, POLICIES, policy("zero-remind", steps(step("PT0S", "primary")))
        .put("remindEvery", "PT0S")), 400, "validation_failed", "remindEvery");
    refused(send(HttpMethod.POST, POLICIES, policy("ghost", steps(step("PT0S", "user").put("username", "ghost")))), 422,
        "unknown_reference", "steps.username");
    refused(send(HttpMethod.POST, POLICIES, policy("Bad Code", steps(step("PT0S", "primary")))), 400,
        "validation_failed", "code");
  }

  @Test
  void aPolicyIsMadeWithSecondsDelaysChangedAndCannotBeDeletedWhileATeamPagesByIt() {
    JsonObject made = OnCall.ok(201, send(HttpMethod.POST, POLICIES, policy("deputy", steps(step("PT0S", "primary"),
        step("PT30S", "secondary"), step("PT10M", "lead"), step("PT20M", "user").put("username", "leader")))
        .put("repeatEvery", "PT1H").put("repeats", 2).put("remindEvery", "PT30M")));
    assertEquals(30, made.getJsonArray("steps").getJsonObject(1).getInteger("afterSeconds"));
    assertEquals("leader", made.getJsonArray("steps").getJsonObject(3).getString("username"));
    refused(send(HttpMethod.POST, POLICIES, policy("deputy", steps(step("PT0S", "primary")))), 409, "conflict", null);
    JsonObject changed = OnCall.ok(200, send(HttpMethod.PUT, POLICIES + "/deputy", policy("deputy", steps(step("PT0S", "lead")))));
    assertEquals(1, changed.getJsonArray("steps").size());
    assertEquals(null, changed.getString("repeatEvery"));
    OnCall.ok(201, send(HttpMethod.POST, TEAMS, team("uses-deputy").put("policy", "deputy")));
    refused(send(HttpMethod.DELETE, POLICIES + "/deputy", null), 409, "policy_in_use", null);
    OnCall.ok(200, send(HttpMethod.PUT, TEAMS + "/uses-deputy", team("uses-deputy")));
    assertEquals(204, send(HttpMethod.DELETE, POLICIES + "/deputy", null).statusCode());
    refused(send(HttpMethod.GET, POLICIES + "/deputy", null), 404, "not_found", null);
  }

  private static JsonObject window(Instant from, Instant to) {
    return new JsonObject().put("systems", new JsonArray().add("LGSP")).put("startsAt", from.toString())
        .put("endsAt", to.toString()).put("reason", "Nâng cấp LGSP");
  }

  @Test
  void aWindowEndingBeforeItStartsOrInThePastOrForAnUnknownSystemIsRefused() {
    Instant now = Instant.now();
    refused(send(HttpMethod.POST, WINDOWS, window(now.plusSeconds(7200), now.plusSeconds(3600))), 400,
        "validation_failed", "endsAt");
    refused(send(HttpMethod.POST, WINDOWS, window(now.minusSeconds(7200), now.minusSeconds(3600))), 400,
        "validation_failed", "endsAt");
    refused(send(HttpMethod.POST, WINDOWS, window(now, now.plusSeconds(8 * 86400)).put("weekly", true)), 400,
        "validation_failed", "endsAt");
    refused(send(HttpMethod.POST, WINDOWS, window(now, now.plusSeconds(3600)).put("systems", new JsonArray().add("NOPE"))),
        422, "unknown_reference", "systems");
    JsonObject noReason = window(now, now.plusSeconds(3600));
    noReason.remove("reason");
    refused(send(HttpMethod.POST, WINDOWS, noReason), 400, "validation_failed", "reason");
    Instant lastWeek = now.minusSeconds(7 * 86400 + 60);
    JsonObject weekly = OnCall.ok(201, send(HttpMethod.POST, WINDOWS, window(lastWeek, lastWeek.plusSeconds(3600))
        .put("weekly", true).put("systems", new JsonArray())));
    assertEquals(List.of(), weekly.getJsonArray("systems").getList(), "every system");
    assertTrue(weekly.getBoolean("active"), "last week's hour comes round again now");
    assertEquals(204, send(HttpMethod.DELETE, WINDOWS + "/" + weekly.getLong("id"), null).statusCode());
    refused(send(HttpMethod.DELETE, WINDOWS + "/" + weekly.getLong("id"), null), 404, "not_found", null);
  }

  @Test
  void readersReadAndOnlySreAndAdminsChange() {
    String operator = api.token("operator");
    assertEquals(200, oncall.send(HttpMethod.GET, "/api/v1/oncall/now", operator, null).statusCode());
    assertEquals(200, oncall.send(HttpMethod.GET, TEAMS, operator, null).statusCode());
    refused(oncall.send(HttpMethod.POST, TEAMS, operator, team("by-operator")), 403, "forbidden", null);
    refused(oncall.send(HttpMethod.POST, POLICIES, api.token("leader"), policy("by-leader", steps(step("PT0S", "primary")))),
        403, "forbidden", null);
    refused(oncall.send(HttpMethod.GET, "/api/v1/oncall/now", api.token("cg-officer"), null), 403, "forbidden", null);
    assertEquals(201, oncall.send(HttpMethod.POST, TEAMS, oncall.admin(), team("by-admin")).statusCode());
  }

  @Test
  void thePagesOfAnAlertNeedOneKnownAlertOrAGroup() {
    refused(send(HttpMethod.GET, "/api/v1/oncall/pages", null), 400, "invalid_parameter", "alert");
    refused(send(HttpMethod.GET, "/api/v1/oncall/pages?alert=1&group=system:WAN", null), 400, "invalid_parameter", "alert");
    refused(send(HttpMethod.GET, "/api/v1/oncall/pages?alert=x", null), 400, "invalid_parameter", "alert");
    refused(send(HttpMethod.GET, "/api/v1/oncall/pages?alert=987654", null), 404, "not_found", null);
    assertEquals(new JsonArray(), OnCall.ok(200, send(HttpMethod.GET, "/api/v1/oncall/pages?group=system:NONE", null))
        .getJsonArray("items"));
  }

  @Test
  void noBodyAClientSendsMakesAServerError() {
    List<String> paths = List.of(TEAMS, TEAMS + "/sre-dc", TEAMS + "/sre-dc/rotations", "/api/v1/oncall/rotations/1",
        "/api/v1/oncall/rotations/1/covers", POLICIES, POLICIES + "/sre-dc-default", WINDOWS, "/api/v1/oncall/ack");
    List<String> bodies = List.of("null", "[]", "\"text\"", "{", "{\"code\": 7}", "{\"steps\": [null]}",
        "{\"steps\": [{\"after\": 3, \"target\": \"x\"}]}", "{\"members\": [1, 2]}", "{\"startsAt\": []}",
        "{\"handoffDay\": \"monday\"}", "{\"systems\": null}", "{\"token\": {}}",
        "{\"nameVi\": \"a\", \"nameEn\": \"b\", \"lead\": \"sre\", \"members\": [\"sre\", \"sre\"]}",
        "{\"length\": \"daily\", \"handoffTime\": \"24:61\", \"startsOn\": \"2026-13-01\", \"members\": [\"sre\"]}",
        "{\"username\": \"sre\", \"startsAt\": \"2026-12-01T08:00:00\", \"endsAt\": \"x\"}",
        "{\"name\": \"n\", \"steps\": [{\"after\": \"PT99999999999999999999S\", \"target\": \"lead\"}]}");
    for (String path : paths) {
      for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT)) {
        for (String body : bodies) {
          HttpResponse<Buffer> r = api.sendRaw(method, path, oncall.sre(), "application/json", body);
          assertTrue(r.statusCode() < 500, method + " " + path + " " + body + " answered " + r.statusCode() + " "
              + r.bodyAsString());
        }
      }
    }
  }
}
