package vn.hanoi.cityops.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the OpenAPI document says of one route, kept on the route itself (as its metadata) by the capability that
 * mounts it, so the description cannot drift from the router: {@code ApiDoc.on(router.post(p), "Create …")
 * .body(schema).created().errors(409).access(guard.may(…)).handler(…)}. Who may call it comes from the guard
 * handler itself ({@link Access}), the request schema from the {@link SchemaCheck} the handler validates with.
 * {@link OpenApiDocument} reads it back from every route.
 */
public final class ApiDoc {
  static final String KEY = "cityops.apiDoc";

  /** A guard handler that can say who it lets through: no roles means any signed-in person. */
  public interface Access {
    List<String> roles();
  }

  /** How a caller proves who it is. */
  enum Auth { PUBLIC, BEARER, API_KEY, LINK }

  private final Route route;
  private final String summary;
  private String schema;
  private boolean batch;
  private boolean bodyRequired = true;
  private int success = 200;
  private String mediaType = "application/json";
  private final Set<Integer> errors = new TreeSet<>();
  private Auth auth = Auth.PUBLIC;
  private List<String> roles = List.of();

  private ApiDoc(Route route, String summary) {
    this.route = route;
    this.summary = summary;
    route.putMetadata(KEY, this);
    if (route.getPath() != null && route.getPath().contains(":")) {
      errors.add(404);
    }
  }

  /** Starts the description of {@code route}; one sentence that says what it does. */
  public static ApiDoc on(Route route, String summary) {
    return new ApiDoc(route, summary);
  }

  /** The body must be a JSON object valid against {@code check}'s schema file (else 400, or 415 for another type). */
  public ApiDoc body(SchemaCheck check) {
    return body(check.name());
  }

  /** The body is checked against the schema file {@code name} under {@code schemas/}. */
  public ApiDoc body(String name) {
    schema = name;
    errors.add(400);
    errors.add(415);
    return this;
  }

  /** An optional body: none at all, or a JSON object valid against {@code check}'s schema. */
  public ApiDoc optionalBody(SchemaCheck check) {
    body(check.name());
    bodyRequired = false;
    return this;
  }

  /** The body may also be an array of such objects (a batch). */
  public ApiDoc orBatch() {
    batch = true;
    return this;
  }

  /** Answers 201 with the created resource. */
  public ApiDoc created() {
    success = 201;
    return this;
  }

  /** Answers 204 with no body. */
  public ApiDoc noContent() {
    success = 204;
    return this;
  }

  /** Answers 202: accepted, done later. */
  public ApiDoc accepted() {
    success = 202;
    return this;
  }

  /** Answers 302, sending the browser elsewhere. */
  public ApiDoc redirects() {
    success = 302;
    return this;
  }

  /** The success answer is of {@code type} rather than JSON. */
  public ApiDoc produces(String type) {
    mediaType = type;
    return this;
  }

  /** Failures the route answers beyond those implied (401/403 by the guard, 404 by a path parameter, 400 by a body). */
  public ApiDoc errors(int... statuses) {
    for (int s : statuses) {
      if (!OpenApiDocument.describes(s)) {
        throw new IllegalArgumentException("no shared error response for status " + s + " in OpenApiDocument");
      }
      errors.add(s);
    }
    return this;
  }

  /** Puts {@code guard} in front of the route's handlers and records who it lets through. */
  public Route access(Handler<RoutingContext> guard) {
    auth = Auth.BEARER;
    errors.add(401);
    if (guard instanceof Access a) {
      roles = List.copyOf(a.roles());
      if (!roles.isEmpty()) {
        errors.add(403);
      }
    }
    return route.handler(guard);
  }

  /** Anyone may call it. */
  public Route open() {
    auth = Auth.PUBLIC;
    return route;
  }

  /** The caller presents an ingestion API key as a bearer token. */
  public Route apiKey() {
    auth = Auth.API_KEY;
    errors.add(401);
    errors.add(403);
    return route;
  }

  /** The caller presents the signed one-time link it was sent (in the query), no sign-in. */
  public Route signedLink() {
    auth = Auth.LINK;
    return route;
  }

  String summary() {
    return summary;
  }

  String schema() {
    return schema;
  }

  boolean bodyRequired() {
    return bodyRequired;
  }

  boolean batch() {
    return batch;
  }

  int success() {
    return success;
  }

  String mediaType() {
    return mediaType;
  }

  Set<Integer> errors() {
    return errors;
  }

  Auth auth() {
    return auth;
  }

  List<String> roles() {
    return roles;
  }
}
