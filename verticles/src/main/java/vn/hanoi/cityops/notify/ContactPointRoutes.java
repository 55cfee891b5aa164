package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.notify.Notifier.Person;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;
import vn.hanoi.cityops.web.SchemaCheck.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where people are reached, over HTTP. {@code /api/v1/me/contact-points}: any signed-in person lists, adds, changes,
 * removes and tries ({@code …/{id}/test}) their own; {@code /api/v1/users/{username}/contact-points}: admins
 * ({@code manage_users}) do the same for anyone. {@code GET /api/v1/notify/vapid-public-key}: the key a page
 * subscribes its browser with. A body is checked against its schema, then against its channel's rules
 * ({@link ContactRules}, 400), then the channel must be configured on this node (422 {@code channel_unavailable})
 * and a Telegram chat must be one the bot can see (422 {@code unknown_reference}); conflicts (duplicate, the first
 * contact point not an email, the last email) are 409. Every change and test is audited.
 */
final class ContactPointRoutes implements Routes {
  private static final String ME = "/api/v1/me/contact-points";
  private static final String USERS = "/api/v1/users/:username/contact-points";

  private final UserRepository users;
  private final ContactPoints points;
  private final Map<ChannelKind, Channel> channels;
  private final TelegramChannel telegram;
  private final Notifier notifier;
  private final AuditLog audit;
  private final Guard guard;
  private final String vapidPublicKey;
  private final SchemaCheck createSchema = SchemaCheck.of("contact-point-create.schema.json");
  private final SchemaCheck updateSchema = SchemaCheck.of("contact-point-update.schema.json");

  ContactPointRoutes(UserRepository users, ContactPoints points, Map<ChannelKind, Channel> channels,
                     TelegramChannel telegram, Notifier notifier, AuditLog audit, Guard guard, String vapidPublicKey) {
    this.users = users;
    this.points = points;
    this.channels = channels;
    this.telegram = telegram;
    this.notifier = notifier;
    this.audit = audit;
    this.guard = guard;
    this.vapidPublicKey = vapidPublicKey;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(ME), "My contact points (email, push, chat)")
        .access(guard.signedIn()).handler(ctx -> list(ctx, ContactPointRoutes::self));
    ApiDoc.on(router.post(ME), "Add a contact point of mine").body(createSchema).created().errors(409, 422)
        .access(guard.signedIn()).handler(ctx -> create(ctx, ContactPointRoutes::self));
    ApiDoc.on(router.patch(ME + "/:id"), "Change a contact point of mine").body(updateSchema).errors(422)
        .access(guard.signedIn()).handler(ctx -> update(ctx, ContactPointRoutes::self, true));
    ApiDoc.on(router.delete(ME + "/:id"), "Remove a contact point of mine").noContent()
        .access(guard.signedIn()).handler(ctx -> remove(ctx, ContactPointRoutes::self, true));
    ApiDoc.on(router.post(ME + "/:id/test"), "Send a test message to a contact point of mine").errors(429)
        .access(guard.signedIn()).handler(this::test);
    ApiDoc.on(router.get(USERS), "Every user's contact points")
        .access(guard.may(Action.MANAGE_USERS)).handler(ctx -> list(ctx, this::named));
    ApiDoc.on(router.post(USERS), "Add a contact point for a user").body(createSchema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_USERS)).handler(ctx -> create(ctx, this::named));
    ApiDoc.on(router.patch(USERS + "/:id"), "Change a user's contact point").body(updateSchema).errors(422)
        .access(guard.may(Action.MANAGE_USERS)).handler(ctx -> update(ctx, this::named, false));
    ApiDoc.on(router.delete(USERS + "/:id"), "Remove a user's contact point").noContent()
        .access(guard.may(Action.MANAGE_USERS)).handler(ctx -> remove(ctx, this::named, false));
    ApiDoc.on(router.get("/api/v1/notify/vapid-public-key"), "The VAPID public key a browser subscribes to Web Push with")
        .access(guard.signedIn())
        .handler(ctx -> JsonBodies.ok(ctx, new JsonObject().put("publicKey", vapidPublicKey)));
  }

  private void list(RoutingContext ctx, Whose whose) {
    whose.person(ctx).compose(p -> points.of(p.id()))
        .onSuccess(all -> JsonBodies.ok(ctx, new JsonObject()
            .put("items", new JsonArray(all.stream().map(ContactPoint::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx, Whose whose) {
    ContactPoints.New wanted = newContactPoint(JsonBodies.object(ctx, createSchema));
    usable(wanted.channel());
    whose.person(ctx).compose(p -> reachable(wanted)
            .compose(v -> points.add(p.id(), wanted))
            .compose(added -> audited(ctx, "contact_point.create", p, added, List.of()).map(added)))
        .onSuccess(added -> ctx.response().setStatusCode(201)
            .putHeader(HttpHeaders.LOCATION, ctx.normalizedPath().replaceAll("/+$", "") + "/" + added.id())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
            .end(added.toJson().encode()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx, Whose whose, boolean self) {
    long id = JsonBodies.longParam(ctx, "id");
    JsonObject body = JsonBodies.object(ctx, updateSchema);
    ContactPoints.Changes changes = changes(body);
    whose.person(ctx).compose(p -> owned(p, id, self)
            .compose(point -> points.update(p.id(), point.id(), changes))
            .compose(updated -> Requests.present(updated, "no contact point " + id))
            .compose(updated -> audited(ctx, "contact_point.update", p, updated,
                body.fieldNames().stream().sorted().toList()).map(updated)))
        .onSuccess(updated -> JsonBodies.ok(ctx, updated.toJson()))
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx, Whose whose, boolean self) {
    long id = JsonBodies.longParam(ctx, "id");
    whose.person(ctx).compose(p -> owned(p, id, self)
            .compose(point -> points.remove(p.id(), point.id()))
            .compose(removed -> Requests.present(removed, "no contact point " + id))
            .compose(removed -> audited(ctx, "contact_point.delete", p, removed, List.of())))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void test(RoutingContext ctx) {
    long id = JsonBodies.longParam(ctx, "id");
    Person person = me(ctx);
    owned(person, id, true)
        .compose(point -> {
          usable(point.channel());
          return notifier.test(person, point).compose(sent -> audit.record(entry(ctx, "contact_point.test", person, point,
                  sent.status() == Notification.Status.SENT ? "success" : "failure",
                  new JsonObject().put("notification", sent.id()).put("status", sent.status().code())))
              .map(sent));
        })
        .compose(sent -> sent.status() == Notification.Status.RATE_LIMITED
            ? Future.<Notification>failedFuture(new Failure(Failure.Kind.TOO_MANY, "rate_limited",
                "you were sent too many messages in the last minute; try again in a minute", new JsonArray(), 60))
            : Future.succeededFuture(sent))
        .onSuccess(sent -> JsonBodies.ok(ctx, sent.toJson()))
        .onFailure(ctx::fail);
  }

  /** Whose contact points a route is about: the signed-in person's, or the person its path names. */
  @FunctionalInterface
  private interface Whose {
    Future<Person> person(RoutingContext ctx);
  }

  private static Future<Person> self(RoutingContext ctx) {
    return Future.succeededFuture(me(ctx));
  }

  private static Person me(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    return new Person(who.userId(), who.username(), who.language());
  }

  private Future<Person> named(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    return users.findByUsername(username).compose(found -> Requests.present(found.map(Person::of), "no user '" + username + "'"));
  }

  /** The person's contact point {@code id}: someone else's is 403 on one's own routes and 404 on an admin's. */
  private Future<ContactPoint> owned(Person person, long id, boolean self) {
    return points.find(id).compose(found -> {
      if (found.isPresent() && found.get().userId() == person.id()) {
        return Future.succeededFuture(found.get());
      }
      return Future.failedFuture(found.isPresent() && self
          ? Failure.forbidden("contact point " + id + " is someone else's")
          : Failure.notFound("no contact point " + id));
    });
  }

  /** 422 when this node cannot send on the channel: nobody could use the contact point from here. */
  private void usable(ChannelKind channel) {
    Optional<String> why = channels.get(channel).unavailable();
    if (why.isPresent()) {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "channel_unavailable", why.get(),
          Failure.field("channel", why.get()));
    }
  }

  /** A Telegram chat must be one the bot can see (the person has started a chat with it); other channels pass. */
  private Future<Void> reachable(ContactPoints.New wanted) {
    if (wanted.channel() != ChannelKind.TELEGRAM) {
      return Future.succeededFuture();
    }
    return telegram.check(wanted.address()).compose(chat -> switch (chat) {
      case KNOWN -> Future.succeededFuture();
      case UNKNOWN -> Future.failedFuture(Failure.unknownReference(
          "the Telegram bot cannot see this chat: open a chat with the bot (or add it to the group) first",
          "address", "the bot cannot see chat " + wanted.address()));
      case UNREACHABLE -> Future.failedFuture(Failure.unavailable("the Telegram Bot API did not answer; try again", 30));
    });
  }

  private static ContactPoints.New newContactPoint(JsonObject body) {
    ChannelKind channel = ChannelKind.of(body.getString("channel")).orElseThrow();
    JsonObject sub = body.getJsonObject("subscription");
    ContactRules.Subscription subscription = sub == null ? null : new ContactRules.Subscription(sub.getString("endpoint"),
        sub.getJsonObject("keys").getString("p256dh"), sub.getJsonObject("keys").getString("auth"));
    List<Problem> problems = new ArrayList<>(ContactRules.check(channel, body.getString("address"), subscription));
    QuietHours quiet = quietHours(body.getJsonObject("quietHours"), problems);
    invalidIf(problems);
    return subscription == null
        ? new ContactPoints.New(channel, body.getString("address"), null, null, body.getInteger("position"),
            body.getBoolean("fallbackOnly", false), quiet)
        : new ContactPoints.New(channel, subscription.endpoint(), subscription.p256dh(), subscription.auth(),
            body.getInteger("position"), body.getBoolean("fallbackOnly", false), quiet);
  }

  private static ContactPoints.Changes changes(JsonObject body) {
    List<Problem> problems = new ArrayList<>();
    QuietHours quiet = quietHours(body.getJsonObject("quietHours"), problems);
    invalidIf(problems);
    return new ContactPoints.Changes(body.getInteger("position"), body.getBoolean("fallbackOnly"),
        body.containsKey("quietHours"), quiet);
  }

  private static QuietHours quietHours(JsonObject json, List<Problem> problems) {
    if (json == null) {
      return null;
    }
    var from = QuietHours.parse(json.getString("from"));
    var to = QuietHours.parse(json.getString("to"));
    String rule = "must be a time of day HH:MM (local Hanoi time), 00:00 to 23:59";
    if (from.isEmpty()) {
      problems.add(new Problem("quietHours.from", rule));
    }
    if (to.isEmpty()) {
      problems.add(new Problem("quietHours.to", rule));
    }
    if (from.isEmpty() || to.isEmpty()) {
      return null;
    }
    if (from.get().equals(to.get())) {
      problems.add(new Problem("quietHours.to", "must differ from quietHours.from"));
      return null;
    }
    return new QuietHours(from.get(), to.get());
  }

  private static void invalidIf(List<Problem> problems) {
    if (!problems.isEmpty()) {
      JsonArray details = new JsonArray();
      problems.forEach(p -> details.add(new JsonObject().put("field", p.field()).put("reason", p.reason())));
      throw new Failure(Failure.Kind.INVALID, "validation_failed", "the contact point is not valid", details);
    }
  }

  private Future<Void> audited(RoutingContext ctx, String action, Person person, ContactPoint point, List<String> fields) {
    return audit.record(entry(ctx, action, person, point, "success", new JsonObject().put("fields", new JsonArray(fields))));
  }

  /** The address masked: the audit log says which contact point, not how to reach the person. */
  private static AuditLog.Entry entry(RoutingContext ctx, String action, Person person, ContactPoint point,
                                      String outcome, JsonObject more) {
    return new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, person.username(), outcome,
        ctx.request().remoteAddress().host(),
        more.put("id", point.id()).put("channel", point.channel().code()).put("address", point.maskedAddress()));
  }
}
