package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.meeting.MeetingState.Phase;
import vn.hanoi.cityops.meeting.MeetingState.Step;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Briefings: {@code /api/v1/meetings} (create, list, one, change and cancel before the start, the calendar, start,
 * activate an agenda item, share a panel, highlight, raise a hand, give the floor, the people's names, join, leave,
 * end, the secretary, decisions, tasks, the shared panel's data, the minutes);
 * {@link TaskRoutes} serves {@code /api/v1/tasks}. Creating needs {@link Action#RUN_MEETINGS}; for the rest,
 * {@link MeetingState} says who may take each step (403 otherwise) and in which phase (409 {@code illegal_transition}
 * otherwise), and the repository's conditional writes decide again when two requests race.
 */
public final class MeetingRoutes implements Routes {
  private static final String MEETINGS = "/api/v1/meetings";
  private static final Set<String> STATES = Set.of("scheduled", "in_progress", "ended", "cancelled");
  /** A briefing may be scheduled from this long ago (one starting now, its form filled in a minute or two). */
  static final Duration PAST_GRACE = Duration.ofMinutes(5);
  private static final int DEFAULT_DURATION_MINUTES = 60;
  private static final Logger LOG = LoggerFactory.getLogger(MeetingRoutes.class);

  private final FeedSignal signal;
  private final Guard guard;
  private final MeetingRepository meetings;
  private final TaskRepository tasks;
  private final Panels panels;
  private final AuditLog audit;
  private final ReferenceData reference;
  private final AccessControl access;
  private final SchemaCheck createSchema = SchemaCheck.of("meeting-create.schema.json");
  private final SchemaCheck taskSchema = SchemaCheck.of("meeting-task.schema.json");
  private final SchemaCheck decisionSchema = SchemaCheck.of("meeting-decision.schema.json");
  private final SchemaCheck panelSchema = SchemaCheck.of("meeting-panel.schema.json");
  private final SchemaCheck highlightSchema = SchemaCheck.of("meeting-highlight.schema.json");
  private final SchemaCheck handSchema = SchemaCheck.of("meeting-hand.schema.json");
  private final SchemaCheck secretarySchema = SchemaCheck.of("meeting-secretary.schema.json");
  private final SchemaCheck floorSchema = SchemaCheck.of("meeting-floor.schema.json");
  private final long presenceTimeoutMs;
  private final Invitations invitations;

  MeetingRoutes(MeetingRepository meetings, TaskRepository tasks, Panels panels, ReferenceData reference,
                AuditLog audit, Guard guard, FeedSignal signal, long presenceTimeoutMs, Invitations invitations) {
    this.invitations = invitations;
    this.signal = signal;
    this.meetings = meetings;
    this.tasks = tasks;
    this.panels = panels;
    this.audit = audit;
    this.reference = reference;
    this.guard = guard;
    this.access = guard.access();
    this.presenceTimeoutMs = presenceTimeoutMs;
  }

  @Override
  public void mount(Router router) {
    MeetingRoutes r = this;
    ApiDoc.on(router.post(MEETINGS), "Schedule a briefing: level, time, invited agencies and people, agenda").body(createSchema).created().errors(422)
        .access(guard.may(Action.RUN_MEETINGS)).handler(r::create);
    ApiDoc.on(router.get(MEETINGS), "Briefings the caller may see: upcoming, running, past").errors(400)
        .access(guard.signedIn()).handler(r::list);
    ApiDoc.on(router.get(MEETINGS + "/:id"), "One briefing with its agenda and invitations").errors(400, 403)
        .access(guard.signedIn()).handler(r::one);
    ApiDoc.on(router.put(MEETINGS + "/:id"), "Change a scheduled briefing (chair or leader); invitations follow").body(createSchema).errors(403, 409, 422)
        .access(guard.signedIn()).handler(r::update);
    ApiDoc.on(router.post(MEETINGS + "/:id/cancel"), "Cancel a scheduled briefing (chair or leader); everyone invited is told").errors(403, 409)
        .access(guard.signedIn()).handler(r::cancel);
    ApiDoc.on(router.get(MEETINGS + "/:id/invite.ics"), "The briefing as an iCalendar file").produces("text/calendar").errors(400, 403)
        .access(guard.signedIn()).handler(r::calendar);
    ApiDoc.on(router.post(MEETINGS + "/:id/start"), "Start a briefing (the chair)").errors(403, 409)
        .access(guard.signedIn()).handler(r::start);
    ApiDoc.on(router.post(MEETINGS + "/:id/agenda/:item/activate"), "Move the briefing to an agenda item").errors(403, 409)
        .access(guard.signedIn()).handler(r::activate);
    ApiDoc.on(router.post(MEETINGS + "/:id/panel"), "Share a data panel with everyone in the briefing").body(panelSchema).errors(403, 409, 422)
        .access(guard.signedIn()).handler(r::sharePanel);
    ApiDoc.on(router.get(MEETINGS + "/:id/panel"), "The panel shared now").errors(403)
        .access(guard.signedIn()).handler(r::panel);
    ApiDoc.on(router.post(MEETINGS + "/:id/highlight"), "Highlight a point of the shared panel").body(highlightSchema).errors(403, 409)
        .access(guard.signedIn()).handler(r::highlight);
    ApiDoc.on(router.post(MEETINGS + "/:id/hand"), "Raise or lower a hand").body(handSchema).errors(403, 409)
        .access(guard.signedIn()).handler(r::hand);
    ApiDoc.on(router.post(MEETINGS + "/:id/floor"), "Give or take the floor (the chair)").body(floorSchema).errors(403, 409)
        .access(guard.signedIn()).handler(r::floor);
    ApiDoc.on(router.get(MEETINGS + "/:id/people"), "Who is in the briefing now").errors(403)
        .access(guard.signedIn()).handler(r::people);
    ApiDoc.on(router.post(MEETINGS + "/:id/join"), "Join a running briefing").errors(403, 409)
        .access(guard.signedIn()).handler(r::join);
    ApiDoc.on(router.post(MEETINGS + "/:id/leave"), "Leave a briefing").errors(403)
        .access(guard.signedIn()).handler(r::leave);
    ApiDoc.on(router.post(MEETINGS + "/:id/end"), "End a briefing (the chair): the minutes are closed").errors(403, 409)
        .access(guard.signedIn()).handler(r::end);
    ApiDoc.on(router.put(MEETINGS + "/:id/secretary"), "Designate the secretary").body(secretarySchema).errors(403, 409, 422)
        .access(guard.signedIn()).handler(r::secretary);
    ApiDoc.on(router.post(MEETINGS + "/:id/decisions"), "Record a decision").body(decisionSchema).created().errors(403, 409)
        .access(guard.signedIn()).handler(r::decide);
    ApiDoc.on(router.post(MEETINGS + "/:id/tasks"), "Assign a task to an agency, with a deadline").body(taskSchema).created().errors(403, 409, 422)
        .access(guard.signedIn()).handler(r::assign);
    ApiDoc.on(router.get(MEETINGS + "/:id/minutes"), "The minutes: decisions, tasks, who attended").errors(403)
        .access(guard.signedIn()).handler(r::minutes);
  }

  private void create(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    Requests.checked(() -> createBody(ctx))
        .compose(body -> {
          String chair = body.getString("chair", who.username());
          return referencesKnown(body, chair)
              .compose(x -> carriedOver(body, chair))
              .compose(x -> meetings.create(newMeeting(body, chair, who.username())));
        })
        .compose(live -> audited(ctx, "meeting.create", live.id(), new JsonObject())
            .compose(x -> meetings.full(live.id())).map(found -> found.orElseThrow()))
        .onSuccess(full -> {
          announce();
          JsonObject m = MeetingJson.full(full);
          ctx.response().setStatusCode(201).putHeader(HttpHeaders.LOCATION, MEETINGS + "/" + m.getLong("id"))
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(m.encode());
          inBackground("scheduled", full.meeting().id(), invitations.scheduled(full.meeting().id()));
        })
        .onFailure(ctx::fail);
  }

  /**
   * What a briefing's body names must exist, as when creating it and when changing it: the meetings whose tasks an
   * agenda item shows, and the chair, the secretary and the invited people as active users.
   */
  private Future<Void> referencesKnown(JsonObject body, String chair) {
    List<String> people = new ArrayList<>();
    people.add(chair);
    if (body.getString("secretary") != null) {
      people.add(body.getString("secretary"));
    }
    body.getJsonArray("invitedPeople", new JsonArray()).forEach(p -> people.add((String) p));
    return Future.all(previousTasksShown(body)).compose(x -> requireUsers(people, "invitedPeople")).mapEmpty();
  }

  /** The last briefing's tasks carried over when the body asks for it ({@code carryOverTasks}). */
  private Future<?> carriedOver(JsonObject body, String chair) {
    return body.getBoolean("carryOverTasks", false) ? carryOver(body, chair) : Future.succeededFuture();
  }

  /**
   * Changes a scheduled briefing (the chair or a leader): the body is a whole briefing, checked as when creating it
   * ({@code chair} defaults to the current chair); then the invitations follow the change.
   */
  private void update(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    meeting(ctx, Step.EDIT).compose(m -> Requests.checked(() -> createBody(ctx)).compose(body -> {
      String chair = body.getString("chair", m.chair());
      return referencesKnown(body, chair)
          .compose(x -> Requests.checked(() -> m.state().require(Step.EDIT)))
          .compose(x -> carriedOver(body, chair))
          .compose(x -> meetings.update(m.id(), newMeeting(body, chair, who.username())));
    }))
        .compose(edited -> meetings.full(edited.live().id()).map(found -> found.orElseThrow())
            .compose(full -> audited(ctx, "meeting.update", full.meeting().id(), new JsonObject()
                .put("invitationSequence", full.schedule().invitationSequence())).map(full))
            .onSuccess(full -> {
              announce();
              JsonBodies.ok(ctx, MeetingJson.full(full));
              inBackground("changed", full.meeting().id(), invitations.changed(edited.before(), full.meeting().id()));
            }))
        .onFailure(ctx::fail);
  }

  /** Cancels a scheduled briefing (the chair or a leader): everyone invited gets a CANCEL. */
  private void cancel(RoutingContext ctx) {
    meeting(ctx, Step.CANCEL).compose(m -> Requests.checked(() -> m.state().require(Step.CANCEL)))
        .compose(m -> meetings.cancel(m.id()).compose(live -> audited(ctx, "meeting.cancel", m.id(), new JsonObject())
            .map(live)))
        .onSuccess(live -> {
          changed(ctx, live);
          inBackground("cancelled", live.id(), invitations.cancelled(live.id()));
        })
        .onFailure(ctx::fail);
  }

  /** The briefing's calendar (METHOD:PUBLISH) in the reader's language ({@code ?lang=en|vi}, else their own). */
  private void calendar(RoutingContext ctx) {
    String lang = ctx.request().getParam("lang");
    String language = lang != null ? lang : Guard.principal(ctx).language();
    meeting(ctx, Step.READ).compose(m -> invitations.download(m.id(), language)
            .map(found -> found.orElseThrow(() -> Failure.notFound("no meeting " + m.id())))
            .onSuccess(ics -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, BriefingCalendar.Method.PUBLISH.contentType())
                .putHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + Invitations.FILE + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(ics)))
        .onFailure(ctx::fail);
  }

  /** Invitations go after the answer: a failure (PostgreSQL down) is logged; each person's outcome is recorded. */
  private static void inBackground(String what, long id, Future<Void> sending) {
    sending.onFailure(e -> LOG.warn("meeting=invitations_failed id={} on={} reason={}", id, what, e.getMessage()));
  }

  /**
   * The body, its time (not in the past), video link, invited agencies, agenda presenters and prepared panels
   * checked (each panel as stored).
   */
  private JsonObject createBody(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, createSchema);
    OffsetDateTime at = OffsetDateTime.parse(body.getString("scheduledAt"));
    if (at.toInstant().isBefore(Instant.now().minus(PAST_GRACE))) {
      throw Failure.invalidField("scheduledAt " + body.getString("scheduledAt") + " is in the past", "scheduledAt",
          "must not be in the past");
    }
    String video = body.getString("videoUrl");
    if (video != null && !httpUrl(video)) {
      throw Failure.invalidField("videoUrl must be an absolute http or https URL", "videoUrl",
          "is not an absolute http(s) URL");
    }
    for (Object a : body.getJsonArray("invitedAgencies", new JsonArray())) {
      requireAgency("invitedAgencies", (String) a);
    }
    JsonArray agenda = body.getJsonArray("agenda", new JsonArray());
    for (int i = 0; i < agenda.size(); i++) {
      JsonObject item = agenda.getJsonObject(i);
      if (item.getString("presenter") != null) {
        requireAgency("agenda[" + i + "].presenter", item.getString("presenter"));
      }
      if (item.getJsonObject("panel") != null) {
        item.put("panel", preparedPanel(i, item.getJsonObject("panel")));
      }
    }
    return body;
  }

  /**
   * Agenda item {@code i}'s prepared panel as stored; its refusal names the field within the item
   * ({@code agenda[1].panel.district}), so the form shows it beside that item's picker.
   */
  private JsonObject preparedPanel(int i, JsonObject panel) {
    try {
      return panels.validate(panel);
    } catch (Failure f) {
      String prefix = "agenda[" + i + "].panel.";
      JsonArray details = new JsonArray();
      for (Object o : f.details() == null ? new JsonArray() : f.details()) {
        JsonObject d = ((JsonObject) o).copy();
        if (d.getString("field") != null) {
          d.put("field", prefix + d.getString("field"));
        }
        details.add(d);
      }
      throw new Failure(f.kind(), f.code(), f.getMessage(), details);
    }
  }

  /** A prepared panel that names a meeting (previous-tasks) must name one that exists: computing it tells (422). */
  private List<Future<JsonObject>> previousTasksShown(JsonObject body) {
    List<Future<JsonObject>> shown = new ArrayList<>();
    for (Object o : body.getJsonArray("agenda", new JsonArray())) {
      JsonObject panel = ((JsonObject) o).getJsonObject("panel");
      if (panel != null && PreviousTasksPanel.KIND.equals(panel.getString("kind"))) {
        shown.add(panels.compute(panel, Instant.now()));
      }
    }
    return shown;
  }

  private static MeetingRepository.NewMeeting newMeeting(JsonObject body, String chair, String createdBy) {
    List<MeetingRepository.NewItem> agenda = new ArrayList<>();
    for (Object o : body.getJsonArray("agenda", new JsonArray())) {
      JsonObject item = (JsonObject) o;
      agenda.add(new MeetingRepository.NewItem(item.getString("title"), item.getString("presenter"), item.getJsonObject("panel")));
    }
    return new MeetingRepository.NewMeeting(body.getString("title"), body.getString("level"),
        OffsetDateTime.parse(body.getString("scheduledAt")), chair, body.getString("secretary"), createdBy,
        strings(body.getJsonArray("invitedAgencies", new JsonArray())), strings(body.getJsonArray("invitedPeople", new JsonArray())),
        agenda, body.getInteger("durationMinutes", DEFAULT_DURATION_MINUTES), body.getString("videoUrl"));
  }

  /**
   * Opens the agenda with "tasks from the last briefing": an item whose prepared panel shows the tasks of the last
   * meeting of this level and chair that ended; 422 when there is none.
   */
  private Future<Void> carryOver(JsonObject body, String chair) {
    return meetings.lastEnded(body.getString("level"), chair).compose(previous -> {
      if (previous.isEmpty()) {
        return Future.failedFuture(Failure.unknownReference("no " + body.getString("level") + " briefing chaired by "
            + chair + " has ended: there are no tasks to carry over", "carryOverTasks",
            "needs an ended meeting of the same level and chair"));
      }
      JsonArray agenda = new JsonArray().add(new JsonObject().put("title", Minutes.PREVIOUS_TASKS_TITLE)
          .put("panel", new JsonObject().put("kind", PreviousTasksPanel.KIND).put("meeting", previous.get())));
      body.getJsonArray("agenda", new JsonArray()).forEach(agenda::add);
      body.put("agenda", agenda);
      return Future.succeededFuture();
    });
  }

  /** 422 unless every one of {@code usernames} is an active user. */
  private Future<Void> requireUsers(List<String> usernames, String field) {
    return meetings.activeUsers(usernames).compose(found -> {
      for (String p : usernames) {
        if (!found.contains(p)) {
          return Future.failedFuture(Failure.unknownReference("no active user '" + p + "'", field, "names an unknown user"));
        }
      }
      return Future.succeededFuture();
    });
  }

  /** The chair designates, changes or removes ({@code "username": null}) the secretary, who drives at once. */
  private void secretary(RoutingContext ctx) {
    meeting(ctx, Step.DESIGNATE_SECRETARY).compose(m -> Requests.checked(() -> JsonBodies.object(ctx, secretarySchema)).compose(body -> {
      String username = body.getString("username");
      return (username == null ? Future.<Void>succeededFuture() : requireUsers(List.of(username), "username"))
          .compose(x -> Requests.checked(() -> m.state().require(Step.DESIGNATE_SECRETARY)))
          .compose(x -> meetings.designateSecretary(m.id(), username))
          .compose(live -> audited(ctx, "meeting.secretary", m.id(), new JsonObject()
              .put("from", m.secretary()).put("to", username)).map(live));
    })).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String state = ctx.request().getParam("state");
    if (state != null && !STATES.contains(state)) {
      ctx.fail(Failure.invalid("invalid_parameter", "state must be scheduled, in_progress or ended"));
      return;
    }
    Principal who = Guard.principal(ctx);
    boolean all = access.allows(who, Action.READ_CITY_DATA);
    List<String> mine = reference.agencies().keySet().stream().filter(a -> access.coversAgency(who.agency(), a)).toList();
    meetings.list(state, all ? null : who.username(), all ? null : mine, 200)
        .onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", MeetingJson.array(items, MeetingJson::listed))))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    // the page renews its presence three times within the timeout, so one lost renewal does not mark it left
    meeting(ctx, Step.READ).compose(m -> meetings.full(m.id()))
        .onSuccess(m -> JsonBodies.ok(ctx, MeetingJson.full(m.orElseThrow()).put("presenceRenewMs", presenceTimeoutMs / 3)))
        .onFailure(ctx::fail);
  }

  private void start(RoutingContext ctx) {
    meeting(ctx, Step.START)
        .compose(m -> Requests.checked(() -> m.state().require(Step.START)))
        .compose(m -> meetings.firstItem(m.id()).compose(first -> {
          JsonObject panel = first.map(AgendaItem::panel).orElse(null);
          return withData(panel).compose(data -> meetings.start(m.id(), panel, data));
        }))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void activate(RoutingContext ctx) {
    meeting(ctx, Step.ACTIVATE_ITEM).compose(m -> Requests.checked(() -> JsonBodies.longParam(ctx, "item"))
        .compose(itemId -> meetings.agendaItem(m.id(), itemId).compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(Failure.notFound("meeting " + m.id() + " has no agenda item " + itemId));
          }
          AgendaItem item = found.get();
          return Requests.checked(() -> m.state().require(Step.ACTIVATE_ITEM))
              .compose(x -> withData(item.panel()))
              .compose(data -> meetings.activate(m.id(), item.id(), item.panel(), data));
        })))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void sharePanel(RoutingContext ctx) {
    meeting(ctx, Step.SHARE_PANEL).compose(m -> Requests.checked(() -> panels.validate(JsonBodies.object(ctx, panelSchema)))
        .compose(spec -> panels.compute(spec, Instant.now())
            .compose(data -> Requests.checked(() -> m.state().require(Step.SHARE_PANEL))
                .compose(x -> meetings.sharePanel(m.id(), spec, data)))
            // Sharing is an explicit grant: the participants may see this panel's data until the meeting ends.
            .compose(live -> audited(ctx, "meeting.panel_share", m.id(), new JsonObject().put("panel", spec)
                .put("grantedTo", new JsonObject().put("agencies", new JsonArray(new ArrayList<>(live.invitedAgencies())))
                    .put("people", new JsonArray(new ArrayList<>(live.invitedPeople()))))
                .put("until", "the end of the meeting")).map(live))))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  /** The shared panel with its data now: for the participants while the meeting is in progress (the grant). */
  private void panel(RoutingContext ctx) {
    meeting(ctx, Step.READ).compose(m -> {
      JsonObject spec = m.panel();
      if (m.phase() != Phase.IN_PROGRESS || spec == null) {
        return Future.failedFuture(Failure.notFound("no panel is shared in meeting " + m.id() + " now"));
      }
      return panels.compute(spec, Instant.now()).map(data -> new JsonObject().put("panel", spec).put("data", data));
    }).onSuccess(json -> JsonBodies.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void highlight(RoutingContext ctx) {
    meeting(ctx, Step.HIGHLIGHT).compose(m -> Requests.checked(() -> JsonBodies.object(ctx, highlightSchema)).compose(body -> {
      JsonObject highlight = body.isEmpty() || body.getValue("code") == null ? null : body;
      return Requests.checked(() -> m.state().require(Step.HIGHLIGHT)).compose(x -> meetings.highlight(m.id(), highlight));
    })).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void hand(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    meeting(ctx, Step.HAND).compose(m -> Requests.checked(() -> JsonBodies.object(ctx, handSchema)).compose(body -> {
      boolean raised = body.getBoolean("raised", true);
      String whose = body.getString("username", who.username());
      return Requests.checked(() -> m.state().authorizeHand(whose, raised, who).require(Step.HAND))
          .compose(x -> meetings.hand(m.id(), whose, raised));
    })).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  /** The chair (or secretary) gives the floor to a participant, lowering their hand; {@code "username": null} takes it back. */
  private void floor(RoutingContext ctx) {
    meeting(ctx, Step.FLOOR).compose(m -> Requests.checked(() -> JsonBodies.object(ctx, floorSchema)).compose(body -> {
      String username = body.getString("username");
      return (username == null ? Future.<Void>succeededFuture() : requireUsers(List.of(username), "username"))
          .compose(x -> Requests.checked(() -> m.state().require(Step.FLOOR)))
          .compose(x -> meetings.floor(m.id(), username));
    })).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  /**
   * Who the meeting's usernames are ({@code items}: username, display name, agency) and the names of its agencies
   * ({@code agencies}: the invited ones, their communes, those of its tasks and people), for the pages to name people
   * and agencies rather than show codes.
   */
  private void people(RoutingContext ctx) {
    meeting(ctx, Step.READ).compose(m -> meetings.people(m.id()).map(items -> {
      java.util.Set<String> codes = new java.util.TreeSet<>(m.invitedAgencies());
      reference.agencies().values().stream().filter(a -> a.parentCode() != null && m.invitedAgencies().contains(a.parentCode()))
          .forEach(a -> codes.add(a.code()));
      m.tasks().forEach(t -> codes.add(t.agency()));
      items.forEach(p -> { if (p.getString("agency") != null) codes.add(p.getString("agency")); });
      JsonObject agencies = new JsonObject();
      codes.forEach(code -> {
        ReferenceData.Agency a = reference.agencies().get(code);
        if (a != null) {
          agencies.put(code, new JsonObject().put("nameVi", a.nameVi()).put("nameEn", a.nameEn()));
        }
      });
      return new JsonObject().put("items", new JsonArray(new ArrayList<>(items))).put("agencies", agencies);
    })).onSuccess(json -> JsonBodies.ok(ctx, json)).onFailure(ctx::fail);
  }

  /** Joins, or renews presence (the page calls it every {@code presenceRenewMs}; a stay not renewed expires). */
  private void join(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    meeting(ctx, Step.JOIN).compose(m -> Requests.checked(() -> m.state().require(Step.JOIN)))
        .compose(m -> meetings.join(m.id(), who.username(), who.agency()))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void leave(RoutingContext ctx) {
    meeting(ctx, Step.LEAVE).compose(m -> Requests.checked(() -> m.state().require(Step.LEAVE)))
        .compose(m -> meetings.leave(m.id(), Guard.principal(ctx).username()))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    meeting(ctx, Step.END).compose(m -> Requests.checked(() -> m.state().require(Step.END)))
        .compose(m -> meetings.end(m.id()).compose(live -> audited(ctx, "meeting.end", m.id(), new JsonObject()
            .put("note", "panel grants of this meeting end")).map(live)))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    meeting(ctx, Step.DECIDE).compose(m -> Requests.checked(() -> JsonBodies.object(ctx, decisionSchema)).compose(body -> {
      JsonObject spec = m.panel();
      // The snapshot: the numbers as they are now, from the repositories the live panel uses.
      Future<JsonObject> snapshot = spec == null ? Future.succeededFuture(null)
          : panels.compute(spec, Instant.now()).map(data -> spec.copy().put("data", data));
      return snapshot.compose(panel -> Requests.checked(() -> m.state().require(Step.DECIDE))
          .compose(x -> meetings.decide(m.id(), body.getLong("item"), body.getString("text"),
              Guard.principal(ctx).username(), panel)));
    })).onSuccess(d -> {
      announce();
      JsonBodies.send(ctx, 201, MeetingJson.decision(d));
    }).onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    meeting(ctx, Step.ASSIGN_TASK).compose(m -> Requests.checked(() -> newTask(ctx)).compose(task -> Requests.checked(() -> m.state().require(Step.ASSIGN_TASK))
        .compose(x -> meetings.record(m.id(), Step.ASSIGN_TASK,
            conn -> TaskRepository.assign(conn, m.id(), task, Guard.principal(ctx).username())))
        .compose(tasks::one).map(found -> found.orElseThrow())
        .compose(t -> audited(ctx, "meeting.task_assign", m.id(), new JsonObject().put("task", t.task().id())
            .put("agency", t.task().agency())).map(t))))
        .onSuccess(t -> {
          announce();
          JsonBodies.send(ctx, 201, TaskJson.full(t));
        }).onFailure(ctx::fail);
  }

  /** The task in the body, its agency known (422 otherwise), its deadline not in the past (400 naming the field). */
  private TaskRepository.NewTask newTask(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, taskSchema);
    requireAgency("agency", body.getString("agency"));
    OffsetDateTime deadline = OffsetDateTime.parse(body.getString("deadline"));
    if (deadline.toInstant().isBefore(Instant.now())) {
      throw Failure.invalidField("the deadline " + body.getString("deadline") + " is in the past", "deadline",
          "must not be in the past");
    }
    return new TaskRepository.NewTask(body.getLong("item"), body.getString("agency"), body.getString("description"),
        deadline, body.getString("priority", "normal"));
  }

  private void minutes(RoutingContext ctx) {
    meeting(ctx, Step.READ).compose(m -> meetings.full(m.id())).map(found -> MeetingJson.full(found.orElseThrow()))
        .compose(this::withPreviousTasks)
        .onSuccess(m -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
            .end(Minutes.html(m, "en".equals(ctx.request().getParam("lang")) ? "en" : "vi", reference, origin(ctx))))
        .onFailure(ctx::fail);
  }

  /** This node as the caller reached it, {@code scheme://host:port}: where the minutes load their print script from. */
  private static String origin(RoutingContext ctx) {
    java.net.URI uri = java.net.URI.create(ctx.request().absoluteURI());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** For the minutes: the tasks of the last briefing, when the agenda opened with them, with their status now. */
  private Future<JsonObject> withPreviousTasks(JsonObject m) {
    return m.getJsonArray("agenda").stream().map(JsonObject.class::cast).map(i -> i.getJsonObject("panel"))
        .filter(p -> p != null && PreviousTasksPanel.KIND.equals(p.getString("kind"))).findFirst()
        .map(p -> panels.compute(p, Instant.now()).map(data -> m.put("previousTasks", data)))
        .orElse(Future.succeededFuture(m));
  }

  /**
   * The meeting the path names, when the caller may take {@code step} in it (403 otherwise, 404 when there is no such
   * meeting, 400 for an id that is not a number). Whether the step is legal in its phase is checked by each route
   * where the write would have refused it, so a request's other failures come first as they always did.
   */
  private Future<Meeting> meeting(RoutingContext ctx, Step step) {
    return Requests.checked(() -> JsonBodies.longParam(ctx, "id"))
        .compose(id -> meetings.live(id).map(found -> found.orElseThrow(() -> Failure.notFound("no meeting " + id))))
        .compose(m -> Requests.checked(() -> m.state().authorize(step, Guard.principal(ctx), access)).map(m));
  }

  private Future<JsonObject> withData(JsonObject spec) {
    return spec == null ? Future.succeededFuture(null) : panels.compute(spec, Instant.now());
  }

  /** Every node's feed reads the meeting's event within a frame; the answer is the meeting's live state. */
  private void changed(RoutingContext ctx, Meeting live) {
    announce();
    JsonBodies.ok(ctx, MeetingJson.live(live));
  }

  private void announce() {
    signal.changed();
  }

  private Future<Void> audited(RoutingContext ctx, String action, long meetingId, JsonObject details) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, "meeting:" + meetingId, "success",
        ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), details));
  }

  private void requireAgency(String name, String code) {
    if (!reference.isAgency(code)) {
      throw Failure.unknownReference("no agency has the code '" + code + "'", name, "is not a known agency");
    }
  }

  private static boolean httpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<String> strings(JsonArray values) {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add((String) v));
    return out;
  }

}
