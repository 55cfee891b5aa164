package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.UserRepository.User;
import vn.hanoi.cityops.auth.UserRepository.UserFields;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/users}: admins list, read, create and change users. Passwords are hashed with Argon2id
 * on a worker thread and never answered; a change of roles, agency, active or password ends the user's
 * sessions on every node (their token says the old roles and agency), and no change may leave the city
 * without an active admin. Every create and update is audited with the names of the fields it set.
 */
public final class UserRoutes implements Routes {
  private static final String BASE = "/api/v1/users";
  /** Changes that make what a signed token says untrue or no longer wanted: the user must sign in again. */
  private static final Set<String> ENDS_SESSIONS = Set.of("agency", "roles", "active", "password");

  private final Guard guard;
  private final Vertx vertx;
  private final UserRepository users;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final TokenService tokens;
  private final SchemaCheck createSchema = SchemaCheck.of("user-create.schema.json");
  private final SchemaCheck updateSchema = SchemaCheck.of("user-update.schema.json");

  UserRoutes(Vertx vertx, UserRepository users, ReferenceData reference, AuditLog audit, Guard guard) {
    this.vertx = vertx;
    this.users = users;
    this.reference = reference;
    this.audit = audit;
    this.tokens = guard.tokens();
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(BASE), "List the users")
        .access(guard.may(Action.MANAGE_USERS)).handler(this::list);
    ApiDoc.on(router.post(BASE), "Create a user with roles, agency and language").body(createSchema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_USERS)).handler(this::create);
    ApiDoc.on(router.get(BASE + "/:id"), "One user").errors(400)
        .access(guard.may(Action.MANAGE_USERS)).handler(this::get);
    ApiDoc.on(router.patch(BASE + "/:id"), "Change a user: roles, agency, language, disabled, password").body(updateSchema).errors(422)
        .access(guard.may(Action.MANAGE_USERS)).handler(this::update);
  }

  private void list(RoutingContext ctx) {
    users.list()
        .onSuccess(all -> JsonBodies.ok(ctx, new JsonObject()
            .put("items", new JsonArray(all.stream().map(User::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    long id = JsonBodies.longParam(ctx, "id");
    users.findById(id).compose(found -> orNotFound(found, id))
        .onSuccess(user -> JsonBodies.ok(ctx, user.toJson()))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, createSchema);
    checkAgency(body.getString("agency"));
    String username = body.getString("username");
    String password = body.getString("password");
    vertx.executeBlocking(() -> checkedHash(password, username, body.getString("displayName")), false)
        .compose(hash -> users.create(username, new UserFields(body.getString("displayName"),
            body.getString("agency"), body.getString("language", "vi"), roles(body.getJsonArray("roles")), hash, true)))
        .compose(created -> created.isPresent()
            ? Future.succeededFuture(created.get())
            : Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "a user named '" + username + "' already exists")))
        .compose(user -> audited(ctx, "user.create", user, new ArrayList<>(body.fieldNames())).map(user))
        .onSuccess(user -> ctx.response().setStatusCode(201)
            .putHeader(HttpHeaders.LOCATION, BASE + "/" + user.id())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
            .end(user.toJson().encode()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    long id = JsonBodies.longParam(ctx, "id");
    JsonObject body = JsonBodies.object(ctx, updateSchema);
    checkAgency(body.getString("agency"));
    users.findById(id)
        .compose(found -> orNotFound(found, id))
        .compose(user -> apply(ctx, user, body))
        .onSuccess(user -> JsonBodies.ok(ctx, user.toJson()))
        .onFailure(ctx::fail);
  }

  private Future<User> apply(RoutingContext ctx, User user, JsonObject body) {
    List<String> changed = changedFields(user, body);
    Set<Role> roles = changed.contains("roles") ? roles(body.getJsonArray("roles")) : null;
    Boolean active = changed.contains("active") ? body.getBoolean("active") : null;
    String password = body.getString("password");
    return (password == null
            ? Future.<String>succeededFuture(null)
            : vertx.executeBlocking(() -> checkedHash(password, user.username(), user.displayName()), false))
        .compose(hash -> changed.isEmpty()
            ? Future.succeededFuture(user)
            : users.update(user.id(), new UserFields(
                    changed.contains("displayName") ? body.getString("displayName") : null,
                    changed.contains("agency") ? body.getString("agency") : null,
                    changed.contains("language") ? body.getString("language") : null,
                    roles, hash, active))
                .recover(e -> Future.failedFuture(e instanceof UserRepository.LastAdminException
                    ? new Failure(Failure.Kind.CONFLICT, "last_admin", "'" + user.username()
                        + "' is the last active admin; make another user admin first")
                    : e))
                .compose(updated -> orNotFound(updated, user.id())))
        .compose(updated -> changed.stream().anyMatch(ENDS_SESSIONS::contains)
            ? tokens.endSessionsOf(updated.id()).map(updated)
            : Future.succeededFuture(updated))
        .compose(updated -> audited(ctx, "user.update", updated, changed).map(updated));
  }

  /** The hash of {@code password} once {@link PasswordPolicy} accepts it for this person (blocking: a worker calls it). */
  private static String checkedHash(String password, String username, String displayName) {
    PasswordPolicy.check(password, username, displayName);
    return PasswordHasher.hash(password);
  }

  /** The fields of {@code body} whose value differs from the user's; a password always counts as a change. */
  private static List<String> changedFields(User user, JsonObject body) {
    List<String> changed = new ArrayList<>();
    differs(changed, body, "displayName", user.displayName());
    differs(changed, body, "agency", user.agency());
    differs(changed, body, "language", user.language());
    if (body.containsKey("roles") && !roles(body.getJsonArray("roles")).equals(user.roles())) {
      changed.add("roles");
    }
    if (body.containsKey("active") && body.getBoolean("active") != user.active()) {
      changed.add("active");
    }
    if (body.containsKey("password")) {
      changed.add("password");
    }
    return changed;
  }

  private static void differs(List<String> changed, JsonObject body, String field, String current) {
    if (body.containsKey(field) && !body.getString(field).equals(current)) {
      changed.add(field);
    }
  }

  /** Field names only: never a value, so never the password nor its hash. */
  private Future<Void> audited(RoutingContext ctx, String action, User user, List<String> fields) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, user.username(), "success",
        ctx.request().remoteAddress().host(),
        new JsonObject().put("id", user.id()).put("fields", new JsonArray(fields.stream().sorted().toList()))));
  }

  private void checkAgency(String agency) {
    if (agency != null && !reference.isAgency(agency)) {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "the user names an agency that does not exist",
          new JsonArray().add(new JsonObject().put("field", "agency").put("reason", "unknown agency '" + agency + "'")));
    }
  }

  private static Set<Role> roles(JsonArray codes) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    codes.forEach(c -> roles.add(Role.of((String) c)));
    return roles;
  }

  private static Future<User> orNotFound(Optional<User> user, long id) {
    return user.isPresent() ? Future.succeededFuture(user.get()) : Future.failedFuture(Failure.notFound("no user " + id));
  }
}
