package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code /api/v1/admin/api-keys}: create (the secret is shown once), list (never the secrets) and revoke
 * ingestion keys. Signed-in admins only; every change is audited.
 */
public final class ApiKeyRoutes implements Routes {
  private static final String BASE = "/api/v1/admin/api-keys";
  /** Names and sources the node uses for its own keys and events (the watchdog is {@code cityops-watchdog}). */
  private static final Set<String> RESERVED = Set.of("bootstrap", "simulator");

  private final Guard guard;
  private final Vertx vertx;
  private final ApiKeyRegistry registry;
  private final ApiKeyRepository repository;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final SchemaCheck schema = SchemaCheck.of("api-key.schema.json");

  ApiKeyRoutes(Vertx vertx, ApiKeyRegistry registry, ApiKeyRepository repository, ReferenceData reference, AuditLog audit, Guard guard) {
    this.vertx = vertx;
    this.registry = registry;
    this.repository = repository;
    this.reference = reference;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.post(BASE), "Create an ingestion API key (the secret is shown once)").body(schema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_API_KEYS)).handler(this::create);
    ApiDoc.on(router.get(BASE), "List the API keys (never their secrets), with when each was last used")
        .access(guard.may(Action.MANAGE_API_KEYS)).handler(this::list);
    ApiDoc.on(router.delete(BASE + "/:id"), "Revoke an API key").errors(400)
        .access(guard.may(Action.MANAGE_API_KEYS)).handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, schema);
    Set<String> systems = codes(body.getJsonArray("systems"));
    Set<String> agencies = codes(body.getJsonArray("agencies"));
    checkKnown(systems, agencies);
    String name = body.getString("name");
    String source = body.getString("source", name);
    if (RESERVED.contains(name) || RESERVED.contains(source) || source.startsWith("cityops-")) {
      throw new Failure(Failure.Kind.INVALID, "reserved_name", "'bootstrap', 'simulator' and sources starting with "
          + "'cityops-' belong to the node itself");
    }
    String secret = KeySecrets.generate();
    repository.create(name, source, systems, agencies,
            KeySecrets.hash(secret), KeySecrets.displayPrefix(secret))
        .compose(created -> created.isPresent()
            ? Future.succeededFuture(created.get().toJson().put("key", secret))
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "an API key named '" + name + "' already exists")))
        .compose(json -> audited(ctx, "api_key.create", json).map(json))
        .onSuccess(json -> {
          vertx.eventBus().publish(Addresses.API_KEYS_CHANGED, json.getLong("id"));
          ctx.response().setStatusCode(201)
              .putHeader(HttpHeaders.LOCATION, BASE + "/" + json.getLong("id"))
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
              .end(json.encode());
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    registry.writeUses().compose(v -> repository.listAll())
        .onSuccess(keys -> JsonBodies.ok(ctx, new JsonObject()
            .put("items", new JsonArray(keys.stream().map(ApiKey::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    repository.revoke(JsonBodies.longParam(ctx, "id"))
        .compose(revoked -> revoked.isPresent()
            ? Future.succeededFuture(revoked.get())
            : Future.failedFuture(Failure.notFound("no API key " + ctx.pathParam("id"))))
        .compose(revoked -> audited(ctx, "api_key.revoke", revoked.toJson()).map(revoked))
        // this node refuses the key before answering; the others reload on the announcement
        .compose(revoked -> registry.refresh().map(revoked))
        .onSuccess(revoked -> {
          vertx.eventBus().publish(Addresses.API_KEYS_CHANGED, revoked.id());
          JsonBodies.ok(ctx, revoked.toJson());
        })
        .onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, String action, JsonObject key) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, key.getString("name"),
        "success", ctx.request().remoteAddress().host(),
        new JsonObject().put("id", key.getLong("id")).put("systems", key.getJsonArray("systems"))
            .put("agencies", key.getJsonArray("agencies"))));
  }

  private static Set<String> codes(JsonArray array) {
    Set<String> codes = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(c -> codes.add((String) c));
    }
    return codes;
  }

  private void checkKnown(Set<String> systems, Set<String> agencies) {
    JsonArray details = new JsonArray();
    systems.stream().filter(s -> !ApiKey.ALL.equals(s) && !reference.isSystem(s))
        .forEach(s -> details.add(new JsonObject().put("field", "systems").put("reason", "unknown system '" + s + "'")));
    agencies.stream().filter(a -> !ApiKey.ALL.equals(a) && !reference.isAgency(a))
        .forEach(a -> details.add(new JsonObject().put("field", "agencies").put("reason", "unknown agency '" + a + "'")));
    if (!details.isEmpty()) {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "the key names systems or agencies that do not exist", details);
    }
  }
}
