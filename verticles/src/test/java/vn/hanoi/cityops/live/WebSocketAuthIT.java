package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code /ws}: origin check, sign-in at the upgrade or by the first message, per-topic access, session end. */
@NodeTest
class WebSocketAuthIT {
  private static final short UNAUTHENTICATED = 4401;
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static Node node;
  private static Api api;
  private static WebSocketClient client;
  private static final List<Live> OPEN = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(Vertx vertx, Node started, Api http) {
    node = started;
    api = http;
    client = vertx.createWebSocketClient();
  }

  @AfterEach
  void closeSockets() {
    OPEN.forEach(live -> live.ws.close());
    OPEN.clear();
  }

  @AfterAll
  static void stop() {
    Api.await(client.close());
  }

  // --- signing in ---

  @Test
  void bearerHeaderAtTheUpgradeSignsIn() {
    Live live = Live.open(node, "Authorization", "Bearer " + token("operator"));
    JsonObject hello = live.next();
    assertEquals("authenticated", hello.getString("type"));
    assertEquals("operator", hello.getJsonObject("user").getString("username"));
  }

  @Test
  void authMessageSignsInABrowserThatCannotSetHeaders() {
    Live live = Live.open(node);
    live.send(new JsonObject().put("type", "auth").put("token", token("leader")));
    JsonObject hello = live.next();
    assertEquals("authenticated", hello.getString("type"));
    assertEquals("leader", hello.getJsonObject("user").getString("username"));
  }

  @Test
  void subscribeSentRightAfterTheAuthMessageIsAnsweredNotRefused() {
    Live live = Live.open(node);
    live.send(new JsonObject().put("type", "auth").put("token", token("operator")));
    live.send(subscribe("systems"));
    assertEquals("authenticated", live.next().getString("type"));
    assertEquals("subscribed", live.next().getString("type"));
  }

  @Test
  void firstMessageThatIsNotAuthIsRefusedAndClosedWith4401() {
    Live live = Live.open(node);
    live.send(subscribe("systems"));
    JsonObject error = live.next();
    assertEquals("error", error.getString("type"));
    assertEquals("unauthenticated", error.getString("code"));
    assertEquals(UNAUTHENTICATED, live.closeCode());
  }

  @Test
  void wrongTokenInTheAuthMessageIsRefusedAndClosedWith4401() {
    Live live = Live.open(node);
    live.send(new JsonObject().put("type", "auth").put("token", token("operator") + "tampered"));
    assertEquals("unauthenticated", live.next().getString("code"));
    assertEquals(UNAUTHENTICATED, live.closeCode());
  }

  @Test
  void silentClientIsClosedWith4401AfterTheAuthenticationTimeout() {
    Live live = Live.open(node);
    long started = System.nanoTime();
    assertEquals(UNAUTHENTICATED, live.closeCode());
    assertEquals("authentication timeout", live.ws.closeReason());
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertTrue(waitedMs >= LiveConnection.AUTH_TIMEOUT.toMillis() - 500, "closed only after the timeout, waited " + waitedMs + " ms");
  }

  @Test
  void wrongBearerHeaderIsRefusedWith401BeforeTheUpgrade() {
    UpgradeRejectedException rejected = Live.refused(node, "Authorization", "Bearer not-a-token");
    assertEquals(401, rejected.getStatus());
    assertEquals("unauthorized", rejected.getBody().toJsonObject().getString("error"));
  }

  @Test
  void tokenInTheQueryStringIsIgnored() {
    Live live = Live.openAt(node, LiveRoutes.PATH + "?token=" + token("operator"));
    live.send(subscribe("systems"));
    assertEquals("unauthenticated", live.next().getString("code"));
    assertEquals(UNAUTHENTICATED, live.closeCode());
  }

  @Test
  void signingOutClosesTheSessionsSocketWith4401() {
    String token = login("sre");
    Live live = Live.open(node, "Authorization", "Bearer " + token);
    assertEquals("authenticated", live.next().getString("type"));

    assertEquals(204, api.send(HttpMethod.POST, "/api/v1/auth/logout", token, null).statusCode());

    assertEquals(UNAUTHENTICATED, live.closeCode());
    assertEquals("session ended", live.ws.closeReason());
  }

  @Test
  @NodeTest(config = "auth.tokenTtlSeconds=2")
  void expiredTokenClosesTheSocketWith4401(Node shortLived, Api shortApi) {
    HttpResponse<Buffer> r = shortApi.send(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("username", "operator").put("password", "cityops-demo"));
    Live live = Live.open(shortLived, "Authorization", "Bearer " + r.bodyAsJsonObject().getString("token"));
    assertEquals("authenticated", live.next().getString("type"));
    assertEquals(UNAUTHENTICATED, live.closeCode());
    assertEquals("session expired", live.ws.closeReason());
  }

  // --- origins and plain HTTP ---

  @Test
  void pageFromAnotherOriginIsRefusedWith403() {
    UpgradeRejectedException rejected = Live.refused(node, "Origin", "https://evil.example");
    assertEquals(403, rejected.getStatus());
    JsonObject body = rejected.getBody().toJsonObject();
    assertEquals("forbidden_origin", body.getString("error"));
    assertNotNull(body.getString("message"));
    assertTrue(body.getJsonArray("details").isEmpty());
  }

  @Test
  void pageFromAnAllowedOriginMayConnect() {
    Live live = Live.open(node, "Origin", "http://localhost:8080");
    live.send(new JsonObject().put("type", "auth").put("token", token("operator")));
    assertEquals("authenticated", live.next().getString("type"));
  }

  @Test
  void plainGetWithoutCredentialsIs401() {
    HttpResponse<Buffer> r = api.get(LiveRoutes.PATH);
    assertEquals(401, r.statusCode());
    assertEquals("unauthorized", r.bodyAsJsonObject().getString("error"));
  }

  @Test
  void plainGetWithATokenSaysAnUpgradeIsRequired() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, LiveRoutes.PATH, token("operator"), null);
    assertEquals(400, r.statusCode());
    assertEquals("upgrade_required", r.bodyAsJsonObject().getString("error"));
  }

  // --- topics ---

  @Test
  void aCommuneCodeIsNoDistrictTopicTheSubscriberIsToldSoAndKeepsAUsableConnection() {
    for (String who : new String[]{"cg-officer", "operator"}) {
      Live live = signedIn(who);

      live.send(subscribe("kpi.district.CG-01"));
      JsonObject refused = live.next();
      assertEquals("error", refused.getString("type"), who);
      assertEquals("not_found", refused.getString("code"), who);
      assertEquals("kpi.district.CG-01", refused.getString("topic"));

      live.send(subscribe("kpi.agency.CG-01"));
      assertEquals(new JsonObject().put("type", "subscribed").put("topic", "kpi.agency.CG-01"), live.next(), who);
    }
  }

  @Test
  void agencyOfficerRefusedAnotherDistrictKeepsAUsableConnection() {
    Live live = signedIn("cg-officer");

    live.send(subscribe("kpi.district.BD"));
    JsonObject refused = live.next();
    assertEquals("error", refused.getString("type"));
    assertEquals("forbidden", refused.getString("code"));
    assertEquals("kpi.district.BD", refused.getString("topic"));

    live.send(subscribe("kpi.district.CG"));
    assertEquals(new JsonObject().put("type", "subscribed").put("topic", "kpi.district.CG"), live.next());
  }

  @Test
  void agencyOfficerMayFollowACommuneOfTheirDistrict() {
    Live live = signedIn("cg-officer");
    live.send(subscribe("kpi.agency.CG-03"));
    assertEquals("subscribed", live.next().getString("type"));
  }

  @Test
  void agencyOfficerMayNotFollowCityWideTopics() {
    Live live = signedIn("cg-officer");
    live.send(subscribe("systems"));
    assertEquals("forbidden", live.next().getString("code"));
    live.send(subscribe("alerts"));
    assertEquals("forbidden", live.next().getString("code"));
  }

  @Test
  void operatorMayFollowCityWideAndAnyDistrictTopics() {
    Live live = signedIn("operator");
    live.send(subscribe("systems"));
    assertEquals(new JsonObject().put("type", "subscribed").put("topic", "systems"), live.next());
    assertEquals("snapshot", live.next().getString("kind"));
    live.send(subscribe("kpi.district.BD"));
    assertEquals(new JsonObject().put("type", "subscribed").put("topic", "kpi.district.BD"), live.next());
    assertEquals("snapshot", live.next().getString("kind"));
  }

  @Test
  void unknownTopicIsForbidden() {
    Live live = signedIn("operator");
    live.send(subscribe("everything"));
    assertEquals("forbidden", live.next().getString("code"));
  }

  @Test
  void publishedMessageReachesOnlyTheTopicsSubscribers() {
    Live cg = signedIn("cg-officer");
    cg.send(subscribe("kpi.district.CG"));
    assertEquals("subscribed", cg.next().getString("type"));
    assertEquals("snapshot", cg.next().getString("kind"));
    Live city = signedIn("operator");
    city.send(subscribe("kpi.city"));
    assertEquals("subscribed", city.next().getString("type"));
    assertEquals("snapshot", city.next().getString("kind"));

    Connections connections = Connections.onNode(node.vertx(), node.meters());
    JsonObject update = new JsonObject().put("type", "kpi").put("topic", "kpi.district.CG").put("value", 42);
    assertEquals(1, connections.deliver("kpi.district.CG", update));

    assertEquals(update, cg.next());
    assertNull(city.poll(300), "a connection not subscribed to the topic receives nothing");
  }

  @Test
  void unsubscribedConnectionStopsReceivingTheTopic() {
    Live live = signedIn("operator");
    live.send(subscribe("alerts"));
    assertEquals("subscribed", live.next().getString("type"));
    assertEquals("snapshot", live.next().getString("kind"));
    live.send(new JsonObject().put("type", "unsubscribe").put("topic", "alerts"));
    assertEquals(new JsonObject().put("type", "unsubscribed").put("topic", "alerts"), live.next());

    Connections connections = Connections.onNode(node.vertx(), node.meters());
    connections.deliver("alerts", new JsonObject().put("type", "alert"));
    assertNull(live.poll(300));
  }

  // --- malformed messages ---

  @Test
  void unknownMessageTypeIsABadRequestAndTheConnectionStaysOpen() {
    Live live = signedIn("operator");
    live.send(new JsonObject().put("type", "dance"));
    JsonObject error = live.next();
    assertEquals("error", error.getString("type"));
    assertEquals("bad_request", error.getString("code"));

    live.send(subscribe("systems"));
    assertEquals("subscribed", live.next().getString("type"));
  }

  @Test
  void malformedJsonAndMissingTopicAreBadRequests() {
    Live live = signedIn("operator");
    live.sendText("{not json");
    assertEquals("bad_request", live.next().getString("code"));
    live.sendText("[1,2]");
    assertEquals("bad_request", live.next().getString("code"));
    live.send(new JsonObject().put("type", "subscribe"));
    assertEquals("bad_request", live.next().getString("code"));
    live.send(new JsonObject().put("type", "subscribe").put("topic", 7));
    assertEquals("bad_request", live.next().getString("code"));
    assertFalse(live.ws.isClosed());
  }

  @Test
  void messageOver64KiBIsABadRequestAndTheConnectionStaysOpen() {
    Live live = signedIn("operator");
    live.send(subscribe("x".repeat(LiveConnection.MAX_MESSAGE_BYTES + 10)));
    assertEquals("bad_request", live.next().getString("code"));
    live.send(subscribe("systems"));
    assertEquals("subscribed", live.next().getString("type"));
  }

  // --- helpers ---

  private static JsonObject subscribe(String topic) {
    return new JsonObject().put("type", "subscribe").put("topic", topic);
  }

  private static Live signedIn(String username) {
    Live live = Live.open(node, "Authorization", "Bearer " + token(username));
    assertEquals("authenticated", live.next().getString("type"));
    return live;
  }

  /** One sign-in per user for the whole class: signing in hashes a password and takes a while. */
  private static String token(String username) {
    return TOKENS.computeIfAbsent(username, WebSocketAuthIT::login);
  }

  private static String login(String username) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("username", username).put("password", "cityops-demo"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("token");
  }

  /** A real WebSocket client; its handlers are set before connecting so no message is missed. */
  private static final class Live {
    final ClientWebSocket ws = client.webSocket();
    final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();

    private Live() {
      ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
      ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }

    static Live open(Node target, String... headers) {
      return openAt(target, LiveRoutes.PATH, headers);
    }

    static Live openAt(Node target, String uri, String... headers) {
      Live live = new Live();
      Api.await(live.ws.connect(options(target, uri, headers)));
      OPEN.add(live);
      return live;
    }

    static UpgradeRejectedException refused(Node target, String... headers) {
      Future<WebSocket> connecting = client.webSocket().connect(options(target, LiveRoutes.PATH, headers));
      try {
        connecting.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        return assertInstanceOf(UpgradeRejectedException.class, e);
      }
      return fail("the upgrade was accepted");
    }

    /** Like a non-browser client: no {@code Origin} unless a test sends one (Vert.x would make one up). */
    private static WebSocketConnectOptions options(Node target, String uri, String... headers) {
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(target.config().httpPort()).setURI(uri).setAllowOriginHeader(false);
      for (int i = 0; i < headers.length; i += 2) {
        options.putHeader(headers[i], headers[i + 1]);
        if (headers[i].equalsIgnoreCase("Origin")) {
          options.setAllowOriginHeader(true);
        }
      }
      return options;
    }

    void send(JsonObject message) {
      sendText(message.encode());
    }

    void sendText(String text) {
      Api.await(ws.writeTextMessage(text));
    }

    JsonObject next() {
      JsonObject message = poll(5000);
      assertNotNull(message, "no message within 5 s");
      return message;
    }

    JsonObject poll(long ms) {
      try {
        return messages.poll(ms, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    short closeCode() {
      try {
        return closed.get(LiveConnection.AUTH_TIMEOUT.toMillis() + 3000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new AssertionError("the server did not close the connection", e);
      }
    }
  }
}
