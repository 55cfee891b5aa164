package vn.hanoi.cityops.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests the HTTP decoder refuses before any route sees them still get the JSON error body of every refusal. */
@NodeTest
class UndecodableRequestIT {
  private static void assertJsonError(HttpResponse<Buffer> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(code, body.getString("error"), body.encode());
    assertTrue(body.getString("message").length() > 20, body.encode());
  }

  @Test
  void aQueryStringOverTheRequestLineLimitIs414WithTheJsonErrorBody(Api api) {
    String query = "?agency=" + "CG".repeat(5_000);
    assertJsonError(api.send(HttpMethod.GET, "/api/v1/rankings/agencies" + query, api.token("operator"), null), 414, "uri_too_long");
    assertEquals(200, api.send(HttpMethod.GET, "/api/v1/systems", api.token("operator"), null).statusCode(), "the node answers on");
  }

  @Test
  void headersOverTheLimitAre431WithTheJsonErrorBody(Vertx vertx, Node node) {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.config().httpPort()));
    try {
      assertJsonError(Api.await(client.get("/api/v1/systems").putHeader("X-Padding", "x".repeat(20_000)).send()),
          431, "headers_too_large");
    } finally {
      client.close();
    }
  }
}
