package vn.hanoi.cityops.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.store.Sql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.1 description of the node, built from its router (every route
 * that carries an {@link ApiDoc}) and the JSON Schema files its bodies are validated with (2020-12, OpenAPI 3.1's
 * own dialect, so they are taken as they are but for their {@code $id}: see {@link #component}). Built once per router, on
 * the first request, when every capability has mounted its routes.
 */
public final class OpenApiDocument implements Handler<RoutingContext> {
  public static final String PATH = "/api/v1/openapi.json";
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z][A-Za-z0-9_]*)");
  private static final Map<Integer, String> ERRORS = Map.ofEntries(
      Map.entry(400, "The request is malformed or its body does not match its schema"),
      Map.entry(401, "No valid credentials"),
      Map.entry(403, "The caller's role does not allow this"),
      Map.entry(404, "No such resource"),
      Map.entry(409, "Conflicts with the current state (a taken name, an illegal transition)"),
      Map.entry(410, "No longer available"),
      Map.entry(413, "The body is too large"),
      Map.entry(415, "The body is not of a supported content type"),
      Map.entry(422, "Well-formed, but names things that do not exist or breaks a rule"),
      Map.entry(429, "Too many requests: retry after the Retry-After header's seconds"),
      Map.entry(503, "Not available now: retry later"));

  private final Router router;
  private JsonObject document;

  public OpenApiDocument(Router router) {
    this.router = router;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (document == null) {
      document = build(router);
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(document.encode());
  }

  /** Whether the document has a shared error response for {@code status}. */
  static boolean describes(int status) {
    return ERRORS.containsKey(status);
  }

  /** The OpenAPI path of a router path: {@code /a/:id} becomes {@code /a/{id}}. */
  public static String openApiPath(String routerPath) {
    return PARAM.matcher(routerPath).replaceAll("{$1}");
  }

  /** The document for every described route of {@code router}. */
  public static JsonObject build(Router router) {
    Map<String, JsonObject> paths = new TreeMap<>();
    Map<String, JsonObject> schemas = new TreeMap<>();
    for (Route route : router.getRoutes()) {
      ApiDoc doc = route.getMetadata(ApiDoc.KEY);
      if (doc == null || route.getPath() == null) {
        continue;
      }
      Set<HttpMethod> methods = route.methods() == null ? Set.of(HttpMethod.GET) : route.methods();
      JsonObject item = paths.computeIfAbsent(openApiPath(route.getPath()), p -> new JsonObject());
      methods.stream().sorted(Comparator.comparing(HttpMethod::name)).forEach(m ->
          item.put(m.name().toLowerCase(), operation(m, route.getPath(), doc, schemas)));
    }
    JsonObject components = new JsonObject()
        .put("schemas", new JsonObject(new TreeMap<>(schemas)).put("Error", errorSchema()))
        .put("responses", errorResponses())
        .put("securitySchemes", new JsonObject()
            .put("session", new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("description", "The token POST /api/v1/auth/login answers with"))
            .put("apiKey", new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("description", "An ingestion API key an admin issued (shown once)")));
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "cityops — Hanoi city operations center API").put("version", "1")
            .put("description", "Every route of the node, described from its router and the JSON Schemas its bodies "
                + "are validated with. Errors share one body: {\"error\", \"message\", \"details\": [{\"field\", \"reason\"}]}."))
        .put("paths", new JsonObject(new TreeMap<>(paths)))
        .put("components", components);
  }

  private static JsonObject operation(HttpMethod method, String path, ApiDoc doc, Map<String, JsonObject> schemas) {
    JsonObject op = new JsonObject()
        .put("operationId", method.name().toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", "_"))
        .put("summary", doc.summary())
        .put("tags", new JsonArray().add(tag(path)));
    JsonArray parameters = new JsonArray();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      parameters.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", "string")));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    switch (doc.auth()) {
      case BEARER -> {
        op.put("security", new JsonArray().add(new JsonObject().put("session", new JsonArray())));
        op.put("x-roles", new JsonArray(doc.roles()));
        op.put("description", doc.roles().isEmpty() ? "Any signed-in person."
            : "Roles allowed: " + String.join(", ", doc.roles()) + ".");
      }
      case API_KEY -> {
        op.put("security", new JsonArray().add(new JsonObject().put("apiKey", new JsonArray())));
        op.put("description", "With an ingestion API key, limited to its systems and agencies.");
      }
      case LINK -> {
        op.put("security", new JsonArray());
        op.put("description", "With the signed one-time link the page sent; no sign-in.");
      }
      case PUBLIC -> {
        op.put("security", new JsonArray());
        op.put("description", "Public: no credentials.");
      }
    }
    if (doc.schema() != null) {
      String name = doc.schema().replaceFirst("\\.schema\\.json$", "");
      schemas.computeIfAbsent(name, n -> component(n, new JsonObject(Sql.resource("/schemas/" + doc.schema()))));
      JsonObject ref = new JsonObject().put("$ref", "#/components/schemas/" + name);
      JsonObject schema = doc.batch()
          ? new JsonObject().put("oneOf", new JsonArray().add(ref).add(new JsonObject().put("type", "array").put("items", ref.copy())))
          : ref;
      op.put("requestBody", new JsonObject().put("required", doc.bodyRequired())
          .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema))));
    }
    JsonObject responses = new JsonObject();
    JsonObject success = new JsonObject().put("description",
        doc.success() == 204 ? "Done, no body" : doc.success() == 302 ? "Elsewhere: see Location" : "Success");
    if (doc.success() != 204 && doc.success() != 302) {
      success.put("content", new JsonObject().put(doc.mediaType(), new JsonObject()));
    }
    responses.put(String.valueOf(doc.success()), success);
    for (int status : doc.errors()) {
      responses.put(String.valueOf(status), new JsonObject().put("$ref", "#/components/responses/E" + status));
    }
    op.put("responses", responses);
    return op;
  }

  /**
   * A schema file as a component: the same keywords (its {@code $schema} too), but without its {@code $id} and with
   * its own references ({@code #/$defs/…}) rebased on the component, so that they resolve inside this document for
   * every tool, not only those that honour an embedded resource's base URI.
   */
  private static JsonObject component(String name, JsonObject schema) {
    schema.remove("$id");
    return (JsonObject) rebase(schema, "#/components/schemas/" + name + "/");
  }

  private static Object rebase(Object json, String base) {
    if (json instanceof JsonObject o) {
      o.fieldNames().forEach(k -> o.put(k, "$ref".equals(k) && o.getValue(k) instanceof String ref && ref.startsWith("#/")
          ? base + ref.substring(2) : rebase(o.getValue(k), base)));
    } else if (json instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, rebase(a.getValue(i), base));
      }
    }
    return json;
  }

  /** The first segment after {@code /api/v1/} ({@code alert-rules}, {@code admin} …), or {@code node} outside it. */
  private static String tag(String path) {
    if (!path.startsWith("/api/v1/")) {
      return "node";
    }
    String rest = path.substring("/api/v1/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static JsonObject errorSchema() {
    JsonObject string = new JsonObject().put("type", "string");
    return new JsonObject().put("type", "object").put("required", new JsonArray().add("error").add("message"))
        .put("properties", new JsonObject()
            .put("error", string.copy().put("description", "A stable code, e.g. validation_failed, not_found"))
            .put("message", string.copy().put("description", "What is wrong, for a person"))
            .put("details", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("field", string.copy()).put("reason", string.copy())))));
  }

  private static JsonObject errorResponses() {
    JsonObject responses = new JsonObject();
    List<Integer> statuses = ERRORS.keySet().stream().sorted().toList();
    for (int status : statuses) {
      responses.put("E" + status, new JsonObject().put("description", ERRORS.get(status))
          .put("content", new JsonObject().put("application/json", new JsonObject()
              .put("schema", new JsonObject().put("$ref", "#/components/schemas/Error")))));
    }
    return responses;
  }
}
