package vn.hanoi.cityops.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log as an admin reads it: sign-ins recorded, filters, newest-first pages, and no rewriting. */
@NodeTest
class AuditIT {
  private static final String AUDIT = "/api/v1/audit";
  private static Node node;
  private static Api api;
  private static String admin;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    admin = api.token("admin");
    api.token("leader");
    api.token("operator");
    assertEquals(401, api.login("sre", "not-the-password").statusCode());
  }

  private static HttpResponse<Buffer> audit(String query) {
    return api.send(HttpMethod.GET, AUDIT + query, admin, null);
  }

  private static List<JsonObject> items(String query) {
    HttpResponse<Buffer> r = audit(query);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    List<JsonObject> items = new ArrayList<>();
    r.bodyAsJsonObject().getJsonArray("items").forEach(i -> items.add((JsonObject) i));
    return items;
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void successfulAndFailedSignInsAreRecordedWithActorAndAddress() {
    List<JsonObject> logins = items("?action=auth.login");

    JsonObject success = logins.stream().filter(e -> "leader".equals(e.getString("actor"))).findFirst().orElseThrow();
    assertEquals("success", success.getString("outcome"));
    assertEquals("user", success.getString("actorKind"));
    assertEquals("127.0.0.1", success.getString("address"));
    JsonObject failure = logins.stream().filter(e -> "sre".equals(e.getString("actor"))).findFirst().orElseThrow();
    assertEquals("failure", failure.getString("outcome"));
    assertEquals("anonymous", failure.getString("actorKind"));
    assertEquals("sre", failure.getString("target"));
    assertEquals("127.0.0.1", failure.getString("address"));
    assertFalse(audit("?action=auth.login").bodyAsString().contains("not-the-password"));
  }

  @Test
  void filtersByActionOutcomeAndActorReturnOnlyMatchingEntries() {
    List<JsonObject> failures = items("?action=auth.login&outcome=failure");
    List<JsonObject> byLeader = items("?actor=leader");
    List<JsonObject> creations = items("?action=user.create");

    assertFalse(failures.isEmpty());
    failures.forEach(e -> assertEquals("failure", e.getString("outcome"), e.encode()));
    failures.forEach(e -> assertEquals("auth.login", e.getString("action"), e.encode()));
    assertFalse(byLeader.isEmpty());
    byLeader.forEach(e -> assertEquals("leader", e.getString("actor"), e.encode()));
    assertEquals(5, creations.size(), "the five demo users were created at start");
    assertTrue(items("?actor=nobody-at-all").isEmpty());
  }

  @Test
  void timeWindowKeepsEntriesFromInclusiveToExclusive() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    String past = encoded(now.minusHours(1).toString());
    String future = encoded(now.plusHours(1).toString());

    assertFalse(items("?from=" + past + "&to=" + future).isEmpty());
    assertTrue(items("?from=" + future).isEmpty());
    assertTrue(items("?to=" + past).isEmpty());
  }

  @Test
  void pagesWithLimitAndBeforeAreDisjointAndNewestFirst() {
    for (int i = 0; i < 3; i++) {
      api.token("cg-officer");
    }
    List<Long> all = new ArrayList<>();
    Long before = null;
    int pages = 0;
    do {
      HttpResponse<Buffer> r = audit("?limit=2" + (before == null ? "" : "&before=" + before));
      assertEquals(200, r.statusCode(), r.bodyAsString());
      JsonArray page = r.bodyAsJsonObject().getJsonArray("items");
      assertTrue(page.size() <= 2 && !page.isEmpty(), page.encode());
      page.forEach(e -> all.add(((JsonObject) e).getLong("id")));
      before = r.bodyAsJsonObject().getLong("next");
      pages++;
    } while (before != null && pages < 100);

    assertTrue(pages >= 4, "at least eight sign-ins and five creations: " + pages + " pages");
    assertEquals(new HashSet<>(all).size(), all.size(), "no entry on two pages");
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1) > all.get(i), "newest first: " + all);
    }
    assertEquals(items("?limit=500").stream().map(e -> e.getLong("id")).toList(), all, "the pages together are the log");
  }

  @Test
  void lastPageSaysThereIsNoNext() {
    HttpResponse<Buffer> r = audit("?limit=500");

    assertEquals(200, r.statusCode());
    assertNull(r.bodyAsJsonObject().getValue("next"));
    assertTrue(r.bodyAsJsonObject().containsKey("next"), "next is null, not absent");
  }

  @Test
  void badParametersAreRejectedWith400() {
    for (String query : List.of("?limit=0", "?limit=501", "?limit=ten", "?from=yesterday",
        "?from=2026-11-23T08:00:00", "?to=2026-13-01T00:00:00Z", "?before=abc", "?outcome=maybe")) {
      HttpResponse<Buffer> r = audit(query);
      assertEquals(400, r.statusCode(), query);
      assertEquals("invalid_parameter", r.bodyAsJsonObject().getString("error"), query);
    }
  }

  @Test
  void unencodedPlusOfAnOffsetIsUnderstood() {
    assertEquals(200, audit("?from=2020-01-01T00:00:00+07:00").statusCode());
  }

  @Test
  void onlyAdminsReadTheAuditLog() {
    for (String who : List.of("operator", "leader", "sre", "cg-officer")) {
      assertEquals(403, api.send(HttpMethod.GET, AUDIT, api.token(who), null).statusCode(), who);
    }
    assertEquals(401, api.send(HttpMethod.GET, AUDIT, null, null).statusCode());
    assertEquals(401, api.send(HttpMethod.GET, AUDIT, TestNodes.DEV_KEY, null).statusCode(), "an API key is not a sign-in");
  }

  @Test
  void auditLogIsAppendOnly() {
    var pool = node.database().pool();
    long before = api.count("SELECT count(*) FROM audit_log");
    assertTrue(before > 0);

    Exception update = assertThrows(Exception.class,
        () -> Api.await(pool.query("UPDATE audit_log SET outcome = 'success' WHERE outcome = 'failure'").execute()));
    Exception delete = assertThrows(Exception.class, () -> Api.await(pool.query("DELETE FROM audit_log").execute()));

    assertTrue(update.getMessage().contains("append-only"), update.getMessage());
    assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    assertEquals(before, api.count("SELECT count(*) FROM audit_log"));
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE outcome = 'failure' AND actor = 'sre'"));
  }
}
