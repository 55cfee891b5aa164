package vn.hanoi.cityops.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No route forgets access control: every route of the node answers 401 to a request without credentials. */
class RouteCoverageIT {
  /**
   * Routes anyone may call: signing in, liveness, readiness, metrics, the published event schema, the topic names, the
   * short address of the summary page (a redirect to a static page), the OpenAPI description of the routes.
   */
  private static final Set<String> PUBLIC = Set.of("/api/v1/auth/login", "/health", "/ready", "/metrics",
      "/api/v1/schemas/event.json", "/js/topics.js", "/summary", "/api/v1/openapi.json");

  @Test
  @NodeTest
  void everyRouteExceptThePublicOnesAnswers401WithoutCredentials(Vertx vertx, Node node) {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.config().httpPort()));
    try {
      Router router = node.router();
      List<String> checked = new ArrayList<>();
      for (Route route : router.getRoutes()) {
        String path = route.getPath();
        // Routes without a path (static web-ui assets, the failure handler) and wildcard routes (the body
        // handler and the JSON 404 for unknown /api paths) serve no data of their own.
        if (path == null || !route.isExactPath() || PUBLIC.contains(path)) {
          continue;
        }
        String concrete = path.replaceAll(":[A-Za-z]+", "1");
        Set<HttpMethod> methods = route.methods() == null ? Set.of(HttpMethod.GET) : route.methods();
        for (HttpMethod method : methods) {
          HttpResponse<Buffer> r = Api.await(client.request(method, concrete).putHeader("Content-Type", "application/json")
              .sendBuffer(Buffer.buffer("{}")));
          assertEquals(401, r.statusCode(), method + " " + concrete + " answered " + r.statusCode() + " " + r.bodyAsString());
          assertEquals("unauthorized", r.bodyAsJsonObject().getString("error"), method + " " + concrete);
          checked.add(method + " " + concrete);
        }
      }
      assertTrue(checked.size() >= 5, "the walk found the routes: " + checked);
      assertTrue(checked.contains("POST /api/v1/events") && checked.contains("GET /api/v1/admin/api-keys"), checked.toString());
    } finally {
      client.close();
    }
  }
}
