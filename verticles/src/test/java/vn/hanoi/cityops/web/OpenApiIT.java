package vn.hanoi.cityops.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/openapi.json} is a valid OpenAPI 3.1 document that agrees with the node: the same routes as the
 * router, the roles it names are the only ones let through, and its request schemas refuse what the node refuses.
 */
@NodeTest
class OpenApiIT {
  private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  /** The demo users and their one role each. */
  private static final Map<String, String> DEMO_ROLES = Map.of("admin", "admin", "operator", "operator",
      "leader", "leader", "sre", "sre", "cg-officer", "agency");

  private static Node node;
  private static Api api;
  private static JsonObject document;

  @BeforeAll
  static void fetch(Node started, Api client) {
    node = started;
    api = client;
    HttpResponse<Buffer> r = api.get(OpenApiDocument.PATH);
    assertEquals(200, r.statusCode(), "the document is public: " + r.bodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
    document = r.bodyAsJsonObject();
  }

  @Test
  void theDocumentIsValidAgainstTheOfficialOpenApi31MetaSchema() throws Exception {
    assertEquals("3.1.0", document.getString("openapi"));
    // The OpenAPI Initiative's schema of 3.1 documents (2022-10-07), as vertx-openapi ships it, checked by networknt.
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaMappers(m -> m.mapPrefix("https://spec.openapis.org/", "classpath:spec.openapis.org/")));
    JsonSchema metaSchema = factory.getSchema(SchemaLocation.of("https://spec.openapis.org/oas/3.1/schema/2022-10-07"));
    Set<ValidationMessage> problems = metaSchema.validate(node(document));
    assertTrue(problems.isEmpty(), "the document breaks the OpenAPI 3.1 schema: " + problems);
  }

  /**
   * Every {@code $ref} points at something in the document (the meta-schema does not look). vertx-openapi's
   * contract loader would check this too, but it refuses media types it cannot validate (text/calendar), so the
   * walk is done here.
   */
  @Test
  void everyReferenceResolvesInsideTheDocument() {
    List<String> dangling = new ArrayList<>();
    walk(document, ref -> {
      if (ref.startsWith("#/") && resolve(ref) == null) {
        dangling.add(ref);
      }
    });
    assertTrue(dangling.isEmpty(), "references to nothing: " + dangling);
  }

  private static void walk(Object json, java.util.function.Consumer<String> refs) {
    if (json instanceof JsonObject o) {
      if (o.getValue("$ref") instanceof String ref) {
        refs.accept(ref);
      }
      o.forEach(e -> walk(e.getValue(), refs));
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> walk(v, refs));
    }
  }

  private static Object resolve(String ref) {
    Object at = document;
    for (String token : ref.substring(2).split("/")) {
      if (!(at instanceof JsonObject o)) {
        return null;
      }
      at = o.getValue(token.replace("~1", "/").replace("~0", "~"));
    }
    return at;
  }

  @Test
  void everyRouterRouteIsDocumentedAndEveryDocumentedRouteIsOnTheRouter() {
    Set<String> routed = new TreeSet<>();
    for (Route route : node.router().getRoutes()) {
      // As RouteCoverageIT: pathless routes (static files, failure handler) and wildcards (/api/*, /webjars/*) serve
      // no operation of their own.
      if (route.getPath() == null || !route.isExactPath()) {
        continue;
      }
      Set<HttpMethod> methods = route.methods() == null ? Set.of(HttpMethod.GET) : route.methods();
      methods.forEach(m -> routed.add(m.name() + " " + OpenApiDocument.openApiPath(route.getPath())));
    }
    Set<String> documented = new TreeSet<>();
    List<String> unexplained = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (HTTP_METHODS.contains(method)) {
          documented.add(method.toUpperCase() + " " + path);
          JsonObject op = paths.getJsonObject(path).getJsonObject(method);
          if (op.getString("summary", "").isBlank() || op.getJsonObject("responses").isEmpty()) {
            unexplained.add(method + " " + path);
          }
        }
      }
    }
    Set<String> undocumented = new TreeSet<>(routed);
    undocumented.removeAll(documented);
    Set<String> phantom = new TreeSet<>(documented);
    phantom.removeAll(routed);
    assertTrue(undocumented.isEmpty(), "routes the document lacks (describe them with ApiDoc.on): " + undocumented);
    assertTrue(phantom.isEmpty(), "documented routes the router lacks: " + phantom);
    assertTrue(unexplained.isEmpty(), "operations without a summary or responses: " + unexplained);
    assertTrue(routed.size() > 100 && routed.contains("POST /api/v1/admin/api-keys")
        && routed.contains("DELETE /api/v1/oncall/covers/{id}"), routed.toString());
  }

  @Test
  void everyRoleTheDocumentLeavesOutIsRefusedWith403() {
    Map<String, String> tokens = new java.util.HashMap<>();
    DEMO_ROLES.keySet().forEach(user -> tokens.put(user, api.token(user)));
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        JsonArray roles = paths.getJsonObject(path).getJsonObject(method).getJsonArray("x-roles");
        if (roles == null || roles.isEmpty()) {
          continue;
        }
        String concrete = path.replaceAll("\\{[A-Za-z]+}", "1");
        for (Map.Entry<String, String> user : DEMO_ROLES.entrySet()) {
          if (roles.contains(user.getValue())) {
            continue;
          }
          HttpResponse<Buffer> r = api.sendRaw(HttpMethod.valueOf(method.toUpperCase()), concrete, tokens.get(user.getKey()),
              "application/json", "{}");
          checked++;
          if (r.statusCode() != 403) {
            wrong.add(method + " " + concrete + " as " + user.getKey() + ": " + r.statusCode());
          }
        }
      }
    }
    assertTrue(wrong.isEmpty(), "the document says these roles may not, the node let them: " + wrong);
    assertTrue(checked > 100, "refusals checked: " + checked);
    JsonArray keyRoles = paths.getJsonObject("/api/v1/admin/api-keys").getJsonObject("post").getJsonArray("x-roles");
    assertEquals(new JsonArray().add("admin"), keyRoles, "only an admin creates API keys");
  }

  @Test
  void theDocumentedRequestSchemaRefusesTheBodyTheNodeRefuses() {
    JsonObject schemaRef = document.getJsonObject("paths").getJsonObject("/api/v1/admin/api-keys").getJsonObject("post")
        .getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    String name = schemaRef.getString("$ref").substring("#/components/schemas/".length());
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(node(document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name)));
    String admin = api.token("admin");

    JsonObject bad = new JsonObject().put("name", "has spaces!").put("systems", "motcua").put("colour", "red");
    HttpResponse<Buffer> refused = api.sendRaw(HttpMethod.POST, "/api/v1/admin/api-keys", admin, "application/json", bad.encode());
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertEquals("validation_failed", refused.bodyAsJsonObject().getString("error"));
    Set<String> nodeFields = new TreeSet<>();
    refused.bodyAsJsonObject().getJsonArray("details").forEach(d -> nodeFields.add(((JsonObject) d).getString("field")));
    Set<String> documentFields = new TreeSet<>();
    schema.validate(node(bad)).forEach(m -> documentFields.add(m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "")
        .replaceFirst("^/", "")));
    assertFalse(documentFields.isEmpty(), "the documented schema refuses the body too");
    assertTrue(documentFields.containsAll(List.of("name", "systems")) && nodeFields.containsAll(List.of("name", "systems")),
        "both name the same fields: document " + documentFields + ", node " + nodeFields);

    JsonObject good = new JsonObject().put("name", "openapi-check").put("systems", new JsonArray().add("*"));
    assertTrue(schema.validate(node(good)).isEmpty(), "the documented schema accepts a good body");
    HttpResponse<Buffer> accepted = api.sendRaw(HttpMethod.POST, "/api/v1/admin/api-keys", admin, "application/json", good.encode());
    assertEquals(201, accepted.statusCode(), "and so does the node: " + accepted.bodyAsString());
  }

  private static JsonNode node(JsonObject json) {
    return DatabindCodec.mapper().valueToTree(json.getMap());
  }
}
