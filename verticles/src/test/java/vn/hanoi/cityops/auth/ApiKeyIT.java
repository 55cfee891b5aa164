package vn.hanoi.cityops.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingestion API keys: created by an admin key, stored hashed, listed without secrets, revoked. */
@NodeTest(config = "ingest.keyRatePerSecond=50")
class ApiKeyIT {
  private static final String KEYS = "/api/v1/admin/api-keys";
  private static Api api;
  private static String admin;

  @BeforeAll
  static void start(Api client) {
    api = client;
    admin = api.token("admin");
  }

  private static HttpResponse<Buffer> create(String name, JsonArray systems, JsonArray agencies) {
    return api.send(HttpMethod.POST, KEYS, admin,
        new JsonObject().put("name", name).put("systems", systems).put("agencies", agencies));
  }

  @Test
  void createdKeyIsShownOnceStoredHashedAndWorksForItsGrants() {
    HttpResponse<Buffer> r = create("dvc-portal-probe", new JsonArray().add("DVC-PORTAL"), new JsonArray());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    String secret = r.bodyAsJsonObject().getString("key");
    assertTrue(secret.startsWith("cok_") && secret.length() > 40);

    assertEquals(0, api.count("SELECT count(*) FROM api_key WHERE secret_hash = $1 OR prefix = $1", secret),
        "the secret itself is never stored");
    assertEquals(202, api.postEvents(Events.health("probe-1", "DVC-PORTAL", "down").encode(), "application/json", secret).statusCode());
    assertEquals("dvc-portal-probe", api.row("SELECT source FROM event WHERE event_id = 'probe-1'").getString("source"));
  }

  @Test
  void listingShowsKeysWithoutTheirSecrets() {
    create("listed-key", new JsonArray(), new JsonArray().add("DA"));

    HttpResponse<Buffer> r = api.send(HttpMethod.GET, KEYS, admin, null);

    assertEquals(200, r.statusCode());
    JsonArray items = r.bodyAsJsonObject().getJsonArray("items");
    JsonObject listed = items.stream().map(JsonObject.class::cast).filter(k -> "listed-key".equals(k.getString("name"))).findFirst().orElseThrow();
    assertFalse(listed.containsKey("key"));
    assertFalse(r.bodyAsString().contains("secret"));
    assertEquals(new JsonArray().add("DA"), listed.getJsonArray("agencies"));
  }

  @Test
  void revokedKeyIsRefused() throws Exception {
    JsonObject created = create("to-revoke", new JsonArray().add("*"), new JsonArray()).bodyAsJsonObject();
    String secret = created.getString("key");
    assertEquals(202, api.postEvents(Events.health("rv-1", "WAN", "up").encode(), "application/json", secret).statusCode());

    HttpResponse<Buffer> revoked = api.send(HttpMethod.DELETE, KEYS + "/" + created.getLong("id"), admin, null);

    assertEquals(200, revoked.statusCode(), revoked.bodyAsString());
    assertNotNull(revoked.bodyAsJsonObject().getString("revokedAt"));
    assertEquals(401, api.postEvents(Events.health("rv-2", "WAN", "up").encode(), "application/json", secret).statusCode());
  }

  @Test
  void duplicateKeyNameIsAConflict() {
    create("same-name", new JsonArray(), new JsonArray());
    HttpResponse<Buffer> again = create("same-name", new JsonArray(), new JsonArray());
    assertEquals(409, again.statusCode());
    assertEquals("conflict", again.bodyAsJsonObject().getString("error"));
  }

  @Test
  void namesAndSourcesOfTheNodeItselfAreReserved() {
    assertEquals("reserved_name", create("simulator", new JsonArray(), new JsonArray()).bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> watchdog = api.send(HttpMethod.POST, KEYS, admin,
        new JsonObject().put("name", "fake-watchdog").put("source", "cityops-watchdog").put("systems", new JsonArray().add("WAN")));
    assertEquals(400, watchdog.statusCode());
    assertEquals("reserved_name", watchdog.bodyAsJsonObject().getString("error"));
  }

  @Test
  void keyGrantingUnknownAgencyIsRejectedWith422() {
    HttpResponse<Buffer> r = create("bad-grant", new JsonArray(), new JsonArray().add("NOWHERE"));
    assertEquals(422, r.statusCode());
    assertEquals("unknown_reference", r.bodyAsJsonObject().getString("error"));
  }

  @Test
  void malformedKeyRequestIsRejectedWith400() {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, KEYS, admin, new JsonObject().put("name", "has spaces"));
    assertEquals(400, r.statusCode());
    assertEquals("validation_failed", r.bodyAsJsonObject().getString("error"));
  }

  @Test
  void onlyAnAdminUserManagesKeysNotAnIngestionKeyNorAnotherRole() {
    String secret = create("plain-sender", new JsonArray().add("WAN"), new JsonArray()).bodyAsJsonObject().getString("key");
    assertEquals(401, api.send(HttpMethod.GET, KEYS, secret, null).statusCode(), "an API key is not a sign-in");
    assertEquals(401, api.send(HttpMethod.GET, KEYS, TestNodes.DEV_KEY, null).statusCode(), "nor is the bootstrap key");
    assertEquals(403, api.send(HttpMethod.GET, KEYS, api.token("sre"), null).statusCode());
    assertEquals(401, api.send(HttpMethod.GET, KEYS, null, null).statusCode());
  }

  @Test
  void keyCreationAndRevocationAreAudited() {
    JsonObject created = create("audited-key", new JsonArray().add("WAN"), new JsonArray()).bodyAsJsonObject();
    api.send(HttpMethod.DELETE, KEYS + "/" + created.getLong("id"), admin, null);

    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'api_key.create' AND target = 'audited-key' AND actor = 'admin'"));
    assertEquals(1, api.count("SELECT count(*) FROM audit_log WHERE action = 'api_key.revoke' AND target = 'audited-key'"));
  }

  @Test
  void revokingAnUnknownKeyIsA404() {
    assertEquals(404, api.send(HttpMethod.DELETE, KEYS + "/999999", admin, null).statusCode());
    assertEquals(400, api.send(HttpMethod.DELETE, KEYS + "/abc", admin, null).statusCode());
  }

  @Test
  void floodFromOneKeyGets429WithRetryAfterAndStoresNothingOfTheRejectedBatch() {
    String secret = create("flooder", new JsonArray().add("*"), new JsonArray()).bodyAsJsonObject().getString("key");
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      batch.append(i == 0 ? "" : ",").append(Events.health("flood-a-" + i, "WAN", "up").encode());
    }
    assertEquals(202, api.postEvents(batch + "]", "application/json", secret).statusCode());
    long stored = api.storedEvents();

    HttpResponse<Buffer> flood = api.postEvents(batch.toString().replace("flood-a-", "flood-b-") + "]", "application/json", secret);

    assertEquals(429, flood.statusCode(), flood.bodyAsString());
    assertEquals("rate_limited", flood.bodyAsJsonObject().getString("error"));
    assertTrue(Integer.parseInt(flood.getHeader("Retry-After")) >= 1);
    assertEquals(stored, api.storedEvents());
  }
}
