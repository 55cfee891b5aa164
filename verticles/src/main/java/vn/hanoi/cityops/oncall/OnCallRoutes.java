package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.notify.Notification;
import vn.hanoi.cityops.notify.Notifier;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Routes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.present;

/**
 * Who is on call now and next for every system ({@code GET /api/v1/oncall/now}); the outages of an alert or a group
 * with every page and each page's delivery attempts, for the console's timeline ({@code GET /api/v1/oncall/pages});
 * and the one-tap acknowledge link: {@code GET /api/v1/oncall/ack?t=} says what it acknowledges and acts on nothing
 * (link previewers fetch GETs), {@code POST /api/v1/oncall/ack {"token"}} acknowledges every firing alert of the
 * outage's group as the person the link was sent to, through alert/'s lifecycle. The link is the credential of the
 * two ack routes: none or an unknown one is {@code 401}, a used one {@code 409}, an expired one {@code 410}, an
 * outage already over {@code 409}. Reading the rest needs city data.
 */
final class OnCallRoutes implements Routes {
  private static final String ONCALL = "/api/v1/oncall";

  private final TeamRepository teams;
  private final Ledger ledger;
  private final AckLinks links;
  private final AlertGroups alerts;
  private final Notifier notifier;
  private final AuditLog audit;
  private final Guard guard;

  /** Which outages the timeline is asked for: an alert's, or a group's. */
  private record Subject(Long alert, String group) {
  }

  OnCallRoutes(TeamRepository teams, Ledger ledger, AckLinks links, AlertGroups alerts, Notifier notifier,
               AuditLog audit, Guard guard) {
    this.teams = teams;
    this.ledger = ledger;
    this.links = links;
    this.alerts = alerts;
    this.notifier = notifier;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(ONCALL + "/now"), "Who is on call now, per team and system")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::now);
    ApiDoc.on(router.get(ONCALL + "/pages"), "The pages sent for an alert or group: who, how, when, acknowledged").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::pages);
    ApiDoc.on(router.get(ONCALL + "/ack"), "What a page's acknowledgement link would acknowledge").errors(400, 404, 410).signedLink()
        .handler(this::peek);
    ApiDoc.on(router.post(ONCALL + "/ack"), "Acknowledge a page from its link").errors(400, 404, 409, 410).signedLink()
        .handler(this::acknowledge);
  }

  private void now(RoutingContext ctx) {
    Instant now = Instant.now();
    Future.all(teams.teams(), teams.rotations(null), ledger.systemNames())
        .onSuccess(all -> JsonBodies.ok(ctx, whoIsOnCall(all.resultAt(0), all.resultAt(1), all.resultAt(2), now)))
        .onFailure(ctx::fail);
  }

  private static JsonObject whoIsOnCall(List<Team> all, List<TeamRotation> rotations, Map<String, SystemName> systems,
                                        Instant now) {
    JsonArray items = new JsonArray();
    for (SystemName system : systems.values()) {
      Optional<Team> owner = all.stream().filter(t -> t.systems().contains(system.code())).findFirst();
      JsonObject item = new JsonObject().put("system", system.code()).put("nameVi", system.nameVi())
          .put("nameEn", system.nameEn());
      item.put("team", owner.map(t -> new JsonObject().put("code", t.code()).put("nameVi", t.nameVi())
          .put("nameEn", t.nameEn()).put("lead", t.lead()).put("policy", t.policy())).orElse(null));
      for (TeamRotation.Layer layer : TeamRotation.Layer.values()) {
        item.put(layer.code(), owner.flatMap(t -> rotations.stream()
                .filter(r -> r.teamId() == t.id() && r.layer() == layer).findFirst())
            .map(r -> {
              JsonObject json = OnCallJson.rotation(r, now);
              return new JsonObject().put("rotation", r.id()).put("now", json.getValue("now"))
                  .put("next", json.getValue("next"));
            }).orElse(null));
      }
      items.add(item);
    }
    return new JsonObject().put("at", now.toString()).put("items", items);
  }

  private void pages(RoutingContext ctx) {
    checked(() -> subject(ctx))
        .compose(s -> s.alert() != null
            ? alerts.groupOf(s.alert()).compose(found -> present(found, "no alert " + s.alert()))
                .compose(group -> ledger.episodesOf(s.alert(), null))
            : ledger.episodesOf(null, s.group()))
        .compose(this::timeline)
        .onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", items)))
        .onFailure(ctx::fail);
  }

  private static Subject subject(RoutingContext ctx) {
    String alert = QueryParams.filter(ctx, "alert");
    String group = QueryParams.filter(ctx, "group");
    if ((alert == null) == (group == null)) {
      throw QueryParams.invalid("alert", "or group: give exactly one (an alert's id, or a group such as system:WAN)");
    }
    if (alert == null) {
      return new Subject(null, group);
    }
    try {
      return new Subject(Long.parseLong(alert.trim()), null);
    } catch (NumberFormatException e) {
      throw QueryParams.invalid("alert", "must be an alert's id, a whole number");
    }
  }

  /** Each outage with its pages (oldest first, each with the notifications that carried it) and its holds. */
  private Future<JsonArray> timeline(List<Episode> episodes) {
    List<Long> ids = episodes.stream().map(Episode::id).toList();
    return Future.all(ledger.pagesOf(ids), ledger.holdsOf(ids), teams.teams()).compose(read -> {
      List<Page> pages = read.resultAt(0);
      List<Ledger.Hold> holds = read.resultAt(1);
      List<Team> all = read.resultAt(2);
      Map<Long, String> teamCodes = all.stream().collect(Collectors.toMap(Team::id, Team::code));
      List<Future<List<Notification>>> sent = pages.stream().map(p -> notifier.byRef(p.ref())).toList();
      return Future.all(sent).map(done -> {
        JsonArray items = new JsonArray();
        for (Episode e : episodes) {
          JsonArray own = new JsonArray();
          for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            if (p.episodeId() == e.id()) {
              own.add(OnCallJson.page(p, sent.get(i).result()));
            }
          }
          items.add(OnCallJson.episode(e, e.teamId() == null ? null : teamCodes.get(e.teamId()))
              .put("pages", own)
              .put("holds", OnCallJson.array(holds.stream().filter(h -> h.episodeId() == e.id()).toList(),
                  OnCallJson::hold)));
        }
        return items;
      });
    });
  }

  private void peek(RoutingContext ctx) {
    checked(() -> token(ctx.request().getParam("t")))
        .compose(links::peek)
        .compose(link -> ledger.systemNames().map(names -> OnCallJson.link(link,
            names.getOrDefault(link.system(), new SystemName(link.system(), link.system(), link.system())))))
        .onSuccess(json -> JsonBodies.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    checked(() -> token(bodyToken(ctx)))
        .compose(token -> links.peek(token).compose(link -> link.closedAt() != null
            ? Future.failedFuture(Failure.illegalTransition("the outage this link is about is over (at "
                + link.closedAt() + "): nothing to acknowledge"))
            : links.use(token).compose(used -> alerts.acknowledge(used.group(), used.username(),
                    "acknowledged with the one-tap link of a page")
                .recover(failure -> links.release(token).transform(v -> Future.failedFuture(failure)))
                .compose(ids -> audited(ctx, used, ids).map(ids)
                    .map(acknowledged -> new JsonObject().put("group", used.group()).put("by", used.username())
                        .put("acknowledged", new JsonArray(acknowledged)).put("at", Instant.now().toString()))))))
        .onSuccess(json -> JsonBodies.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, AckLinks.Link link, List<Long> ids) {
    return audit.record(new AuditLog.Entry(link.username(), "user", "oncall.ack", "oncall_episode:" + link.episodeId(),
        "success", ctx.request().remoteAddress().host(), new JsonObject().put("group", link.group())
            .put("acknowledged", new JsonArray(ids)).put("via", "acknowledge link of page " + link.pageId())));
  }

  /** The token of the POST body {@code {"token"}}; null when there is none (or no readable body). */
  private static String bodyToken(RoutingContext ctx) {
    try {
      Object body = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonValue();
      return body instanceof JsonObject json && json.getValue("token") instanceof String s ? s : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  private static String token(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      throw AckLinks.unknown();
    }
    return token;
  }
}
