package vn.hanoi.cityops.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.app.Node;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real HTTP client against one node, and SQL probes of what that node stored. */
public final class Api {
  private final WebClient client;
  private final Node node;

  public Api(Vertx vertx, Node node) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(node.config().httpPort()));
    this.node = node;
  }

  public HttpResponse<Buffer> postEvents(String body) {
    return postEvents(body, "application/json", TestNodes.DEV_KEY);
  }

  public HttpResponse<Buffer> postEvents(String body, String contentType, String apiKey) {
    HttpRequest<Buffer> req = client.request(HttpMethod.POST, "/api/v1/events");
    if (contentType != null) {
      req.putHeader("Content-Type", contentType);
    }
    if (apiKey != null) {
      req.putHeader("Authorization", "Bearer " + apiKey);
    }
    return await(req.sendBuffer(Buffer.buffer(body)));
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, String apiKey, JsonObject body) {
    HttpRequest<Buffer> req = client.request(method, path);
    if (apiKey != null) {
      req.putHeader("Authorization", "Bearer " + apiKey);
    }
    return await(body == null ? req.send() : req.sendJsonObject(body));
  }

  /** {@code body} as it is, with {@code contentType}: for a test of what a malformed body gets. */
  public HttpResponse<Buffer> sendRaw(HttpMethod method, String path, String token, String contentType, String body) {
    HttpRequest<Buffer> req = client.request(method, path).putHeader("Content-Type", contentType);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return await(req.sendBuffer(Buffer.buffer(body)));
  }

  /** Signs in a demo user (development node, password {@link TestNodes#DEMO_PASSWORD}) and answers the token. */
  public String token(String username) {
    HttpResponse<Buffer> r = login(username, TestNodes.DEMO_PASSWORD);
    if (r.statusCode() != 200) {
      throw new AssertionError("sign-in of " + username + " failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  public HttpResponse<Buffer> login(String username, String password) {
    return await(client.post("/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
  }

  public HttpResponse<Buffer> get(String path) {
    return await(client.get(path).send());
  }

  /** How many events the node's database holds, clock ticks (written every live.clockMs) and alert changes aside. */
  public long storedEvents() {
    return count("SELECT count(*) FROM event WHERE type NOT IN ('clock', 'alert', 'meeting')");
  }

  /**
   * Waits (up to 10 s) until the node has repaired the status changes (since, uptime) for every stored health
   * event: they are kept after the commit, from the event feed (V0018).
   */
  public void awaitStatusChangesRepaired() {
    String behind = "SELECT count(*) FROM event e, status_change_cursor c "
        + "WHERE e.type = 'system.health' AND (e.tx, e.seq) > (c.tx, c.seq)";
    Wait.until(Duration.ofSeconds(10), () -> count(behind), n -> n == 0,
        "health events past the status-change cursor (the repair's position) all repaired");
  }

  public long count(String sql, Object... params) {
    return await(node.database().pool().preparedQuery(sql).execute(Tuple.wrap(params)))
        .iterator().next().getLong(0);
  }

  public JsonObject row(String sql, Object... params) {
    var rows = await(node.database().pool().preparedQuery(sql).execute(Tuple.wrap(params)));
    return rows.size() == 0 ? null : rows.iterator().next().toJson();
  }

  public static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 30 s", e);
    }
  }

  public void close() {
    client.close();
  }
}
