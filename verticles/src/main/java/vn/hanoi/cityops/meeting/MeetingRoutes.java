package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Briefings: {@code /api/v1/meetings} (create, list, one, start, activate an agenda item, share a panel, highlight,
 * raise a hand, join, leave, end, the secretary, decisions, tasks, the shared panel's data); {@link TaskRoutes} serves
 * {@code /api/v1/tasks}. Creating
 * needs {@link Action#RUN_MEETINGS}; driving (start, agenda, panel, highlight, end, decisions, tasks) is for the
 * meeting's chair and secretary only (403 otherwise), designating the secretary for the chair only; joining, hands and the shared panel's data for its
 * participants. An illegal change of state is {@code 409 illegal_transition}.
 */
public final class MeetingRoutes implements Routes {
  private static final String MEETINGS = "/api/v1/meetings";

  private final FeedSignal signal;
  private final Guard guard;
  private final Pool pool;
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
  private final long presenceTimeoutMs;

  MeetingRoutes(Pool pool, MeetingRepository meetings, Panels panels, ReferenceData reference, AuditLog audit,
                Guard guard, FeedSignal signal, long presenceTimeoutMs) {
    this.signal = signal;
    this.pool = pool;
    this.meetings = meetings;
    this.tasks = new TaskRepository(pool);
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
    router.post(MEETINGS).handler(guard.may(Action.RUN_MEETINGS)).handler(r::create);
    router.get(MEETINGS).handler(guard.signedIn()).handler(r::list);
    router.get(MEETINGS + "/:id").handler(guard.signedIn()).handler(r::one);
    router.post(MEETINGS + "/:id/start").handler(guard.signedIn()).handler(r::start);
    router.post(MEETINGS + "/:id/agenda/:item/activate").handler(guard.signedIn()).handler(r::activate);
    router.post(MEETINGS + "/:id/panel").handler(guard.signedIn()).handler(r::sharePanel);
    router.get(MEETINGS + "/:id/panel").handler(guard.signedIn()).handler(r::panel);
    router.post(MEETINGS + "/:id/highlight").handler(guard.signedIn()).handler(r::highlight);
    router.post(MEETINGS + "/:id/hand").handler(guard.signedIn()).handler(r::hand);
    router.post(MEETINGS + "/:id/join").handler(guard.signedIn()).handler(r::join);
    router.post(MEETINGS + "/:id/leave").handler(guard.signedIn()).handler(r::leave);
    router.post(MEETINGS + "/:id/end").handler(guard.signedIn()).handler(r::end);
    router.put(MEETINGS + "/:id/secretary").handler(guard.signedIn()).handler(r::secretary);
    router.post(MEETINGS + "/:id/decisions").handler(guard.signedIn()).handler(r::decide);
    router.post(MEETINGS + "/:id/tasks").handler(guard.signedIn()).handler(r::assign);
    router.get(MEETINGS + "/:id/minutes").handler(guard.signedIn()).handler(r::minutes);
  }

  private void create(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      JsonObject body = JsonBodies.object(ctx, createSchema);
      Principal who = Guard.principal(ctx);
      for (Object a : body.getJsonArray("invitedAgencies", new JsonArray())) {
        requireAgency("invitedAgencies", (String) a);
      }
      JsonArray agenda = body.getJsonArray("agenda", new JsonArray());
      List<Future<JsonObject>> prepared = new ArrayList<>();
      for (int i = 0; i < agenda.size(); i++) {
        JsonObject item = agenda.getJsonObject(i);
        if (item.getString("presenter") != null) {
          requireAgency("agenda[" + i + "].presenter", item.getString("presenter"));
        }
        if (item.getJsonObject("panel") != null) {
          item.put("panel", panels.validate(item.getJsonObject("panel")));
          // a panel that names a meeting (previous-tasks) must name one that exists: computing it tells (422)
          prepared.add(PreviousTasksPanel.KIND.equals(item.getJsonObject("panel").getString("kind"))
              ? panels.compute(item.getJsonObject("panel"), Instant.now()) : Future.succeededFuture());
        }
      }
      String chair = body.getString("chair", who.username());
      String secretary = body.getString("secretary");
      List<String> people = new ArrayList<>();
      people.add(chair);
      if (secretary != null) {
        people.add(secretary);
      }
      body.getJsonArray("invitedPeople", new JsonArray()).forEach(p -> people.add((String) p));
      return Future.all(prepared).compose(x -> requireUsers(people, "invitedPeople"))
          .compose(x -> body.getBoolean("carryOverTasks", false) ? carryOver(body, chair) : Future.succeededFuture())
          .compose(x -> meetings.create(body, chair, secretary, who.username()))
          .compose(live -> audited(ctx, "meeting.create", live.getLong("id"), new JsonObject()).compose(x -> meetings.full(live.getLong("id"))));
    }).onSuccess(found -> {
      announce();
      JsonObject m = found.orElseThrow();
      ctx.response().setStatusCode(201).putHeader(HttpHeaders.LOCATION, MEETINGS + "/" + m.getLong("id"))
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(m.encode());
    }).onFailure(ctx::fail);
  }

  /**
   * Opens the agenda with "tasks from the last briefing": an item whose prepared panel shows the tasks of the last
   * meeting of this level and chair that ended; 422 when there is none.
   */
  private Future<Void> carryOver(JsonObject body, String chair) {
    return meetings.lastEnded(body.getString("level"), chair).compose(previous -> {
      if (previous.isEmpty()) {
        return Future.failedFuture(new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "no " + body.getString("level")
            + " briefing chaired by " + chair + " has ended: there are no tasks to carry over",
            field("carryOverTasks", "needs an ended meeting of the same level and chair")));
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
    return pool.preparedQuery("SELECT username FROM app_user WHERE username = ANY($1) AND active")
        .execute(Tuple.of(usernames.toArray(String[]::new)))
        .compose(rows -> {
          Set<String> found = new java.util.HashSet<>();
          rows.forEach(row -> found.add(row.getString(0)));
          for (String p : usernames) {
            if (!found.contains(p)) {
              return Future.failedFuture(new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "no active user '" + p + "'",
                  field(field, "names an unknown user")));
            }
          }
          return Future.succeededFuture();
        });
  }

  /** The chair designates, changes or removes ({@code "username": null}) the secretary, who drives at once. */
  private void secretary(RoutingContext ctx) {
    live(ctx).compose(m -> {
      long id = m.getLong("id");
      if (!Guard.principal(ctx).username().equals(m.getString("chair"))) {
        throw Failure.forbidden("only the chair of meeting " + id + " designates its secretary");
      }
      String username = JsonBodies.object(ctx, secretarySchema).getString("username");
      return (username == null ? Future.<Void>succeededFuture() : requireUsers(List.of(username), "username"))
          .compose(x -> meetings.change(id, """
              UPDATE meeting SET secretary = $2, version = version + 1 WHERE id = $1 AND state <> 'ended'""",
              listOf(username), null, "the secretary is designated until the meeting ends"))
          .compose(live -> audited(ctx, "meeting.secretary", id, new JsonObject()
              .put("from", m.getString("secretary")).put("to", username)).map(live));
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Future.succeededFuture().compose(v -> {
      Principal who = Guard.principal(ctx);
      String state = ctx.request().getParam("state");
      if (state != null && !Set.of("scheduled", "in_progress", "ended").contains(state)) {
        throw Failure.invalid("invalid_parameter", "state must be scheduled, in_progress or ended");
      }
      boolean all = access.allows(who, Action.READ_CITY_DATA);
      List<String> mine = reference.agencies().keySet().stream().filter(a -> access.coversAgency(who.agency(), a)).toList();
      return meetings.list(state, all ? null : who.username(), all ? null : mine, 200);
    }).onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", items))).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    // the page renews its presence three times within the timeout, so one lost renewal does not mark it left
    participant(ctx).compose(m -> meetings.full(m.getLong("id")))
        .onSuccess(m -> JsonBodies.ok(ctx, m.orElseThrow().put("presenceRenewMs", presenceTimeoutMs / 3))).onFailure(ctx::fail);
  }

  private void start(RoutingContext ctx) {
    driver(ctx).compose(m -> firstItemPanel(m.getLong("id")).compose(panel -> withData(panel).compose(data ->
        meetings.change(m.getLong("id"), """
            UPDATE meeting SET state = 'in_progress', started_at = now(), version = version + 1,
                   current_item = (SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position LIMIT 1),
                   panel = $2::jsonb
            WHERE id = $1 AND state = 'scheduled'""", listOf(panel), data, "only a scheduled meeting can start"))))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void activate(RoutingContext ctx) {
    driver(ctx).compose(m -> {
      long item = JsonBodies.longParam(ctx, "item");
      return meetings.array("SELECT jsonb_build_object('panel', panel) FROM agenda_item WHERE id = $1 AND meeting_id = $2",
          item, m.getLong("id")).compose(rows -> {
        if (rows.isEmpty()) {
          return Future.failedFuture(Failure.notFound("meeting " + m.getLong("id") + " has no agenda item " + item));
        }
        JsonObject prepared = rows.getJsonObject(0).getJsonObject("panel");
        return withData(prepared).compose(data -> meetings.change(m.getLong("id"), """
            UPDATE meeting SET current_item = $2, panel = coalesce($3::jsonb, panel), version = version + 1
            WHERE id = $1 AND state = 'in_progress'""", listOf(item, prepared), data,
            "agenda items are activated while the meeting is in progress"));
      });
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void sharePanel(RoutingContext ctx) {
    driver(ctx).compose(m -> {
      JsonObject spec = panels.validate(JsonBodies.object(ctx, panelSchema));
      return panels.compute(spec, Instant.now()).compose(data -> meetings.change(m.getLong("id"), """
              UPDATE meeting SET panel = $2::jsonb, version = version + 1 WHERE id = $1 AND state = 'in_progress'""",
          listOf(spec), data, "a panel is shared while the meeting is in progress"))
          // Sharing is an explicit grant: the participants may see this panel's data until the meeting ends.
          .compose(live -> audited(ctx, "meeting.panel_share", m.getLong("id"), new JsonObject().put("panel", spec)
              .put("grantedTo", new JsonObject().put("agencies", live.getJsonArray("invitedAgencies"))
                  .put("people", live.getJsonArray("invitedPeople")))
              .put("until", "the end of the meeting")).map(live));
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  /** The shared panel with its data now: for the participants while the meeting is in progress (the grant). */
  private void panel(RoutingContext ctx) {
    participant(ctx).compose(m -> {
      JsonObject spec = m.getJsonObject("panel");
      if (!"in_progress".equals(m.getString("state")) || spec == null) {
        return Future.failedFuture(Failure.notFound("no panel is shared in meeting " + m.getLong("id") + " now"));
      }
      return panels.compute(spec, Instant.now()).map(data -> new JsonObject().put("panel", spec).put("data", data));
    }).onSuccess(json -> JsonBodies.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void highlight(RoutingContext ctx) {
    driver(ctx).compose(m -> {
      JsonObject body = JsonBodies.object(ctx, highlightSchema);
      JsonObject highlight = body.isEmpty() || body.getValue("code") == null ? null : body;
      return meetings.change(m.getLong("id"), """
          UPDATE meeting SET highlight = $2::jsonb, version = version + 1 WHERE id = $1 AND state = 'in_progress'""",
          listOf(highlight), null, "highlights are shown while the meeting is in progress");
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void hand(RoutingContext ctx) {
    participant(ctx).compose(m -> {
      JsonObject body = JsonBodies.object(ctx, handSchema);
      Principal who = Guard.principal(ctx);
      boolean raised = body.getBoolean("raised", true);
      String whose = body.getString("username", who.username());
      if (!whose.equals(who.username()) && (raised || !MeetingTopics.mayDrive(m, who))) {
        throw Failure.forbidden("only the chair lowers someone else's hand");
      }
      return meetings.change(m.getLong("id"), """
          UPDATE meeting SET raised_hands = CASE WHEN $2 THEN array_append(array_remove(raised_hands, $3), $3)
                                                 ELSE array_remove(raised_hands, $3) END, version = version + 1
          WHERE id = $1 AND state = 'in_progress'""", listOf(raised, whose), null, "hands are raised while the meeting is in progress");
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  /** Joins, or renews presence (the page calls it every {@code presenceRenewMs}; a stay not renewed expires). */
  private void join(RoutingContext ctx) {
    participant(ctx).compose(m -> meetings.join(m.getLong("id"), Guard.principal(ctx).username(), Guard.principal(ctx).agency()))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void leave(RoutingContext ctx) {
    participant(ctx).compose(m -> {
      Principal who = Guard.principal(ctx);
      return meetings.changeWith(m.getLong("id"), conn -> conn.preparedQuery("""
              UPDATE meeting_attendance SET left_at = now() WHERE meeting_id = $1 AND username = $2 AND left_at IS NULL""")
          .execute(Tuple.of(m.getLong("id"), who.username()))
          .compose(x -> conn.preparedQuery("UPDATE meeting SET raised_hands = array_remove(raised_hands, $2) WHERE id = $1")
              .execute(Tuple.of(m.getLong("id"), who.username())))
          .compose(x -> bump(conn, m.getLong("id"))), null, "the meeting ended");
    }).onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    driver(ctx).compose(m -> meetings.changeWith(m.getLong("id"), conn -> conn.preparedQuery("""
            UPDATE meeting SET state = 'ended', ended_at = now(), panel = NULL, highlight = NULL, raised_hands = '{}',
                   version = version + 1
            WHERE id = $1 AND state = 'in_progress'""").execute(Tuple.of(m.getLong("id"))).compose(rows -> rows.rowCount() == 0
            ? Future.succeededFuture(false)
            : conn.preparedQuery("UPDATE meeting_attendance SET left_at = now() WHERE meeting_id = $1 AND left_at IS NULL")
                .execute(Tuple.of(m.getLong("id"))).map(true)), null, "only a meeting in progress can end")
        .compose(live -> audited(ctx, "meeting.end", m.getLong("id"), new JsonObject()
            .put("note", "panel grants of this meeting end")).map(live)))
        .onSuccess(live -> changed(ctx, live)).onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    driver(ctx).compose(m -> {
      JsonObject body = JsonBodies.object(ctx, decisionSchema);
      JsonObject spec = m.getJsonObject("panel");
      // The snapshot: the numbers as they are now, from the repositories the live panel uses.
      Future<JsonObject> snapshot = spec == null ? Future.succeededFuture(null)
          : panels.compute(spec, Instant.now()).map(data -> spec.copy().put("data", data));
      return snapshot.compose(panel -> meetings.addDecision(m.getLong("id"), body.getLong("item"), body.getString("text"),
          Guard.principal(ctx).username(), panel));
    }).onSuccess(d -> {
      announce();
      JsonBodies.send(ctx, 201, d);
    }).onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    driver(ctx).compose(m -> {
      JsonObject body = JsonBodies.object(ctx, taskSchema);
      requireAgency("agency", body.getString("agency"));
      return meetings.record(m.getLong("id"), conn -> TaskRepository.create(conn, m.getLong("id"), body, Guard.principal(ctx).username()),
              "tasks are assigned while the meeting is in progress, on one of its agenda items")
          .compose(task -> tasks.one(task)).map(Optional::orElseThrow)
          .compose(t -> audited(ctx, "meeting.task_assign", m.getLong("id"), new JsonObject().put("task", t.getLong("id"))
              .put("agency", t.getString("agency"))).map(t));
    }).onSuccess(t -> {
      announce();
      JsonBodies.send(ctx, 201, t);
    }).onFailure(ctx::fail);
  }

  private void minutes(RoutingContext ctx) {
    participant(ctx).compose(m -> meetings.full(m.getLong("id"))).map(Optional::orElseThrow).compose(this::withPreviousTasks)
        .onSuccess(m -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
            .end(Minutes.html(m, "en".equals(ctx.request().getParam("lang")) ? "en" : "vi", reference)))
        .onFailure(ctx::fail);
  }

  /** For the minutes: the tasks of the last briefing, when the agenda opened with them, with their status now. */
  private Future<JsonObject> withPreviousTasks(JsonObject m) {
    return m.getJsonArray("agenda").stream().map(JsonObject.class::cast).map(i -> i.getJsonObject("panel"))
        .filter(p -> p != null && PreviousTasksPanel.KIND.equals(p.getString("kind"))).findFirst()
        .map(p -> panels.compute(p, Instant.now()).map(data -> m.put("previousTasks", data)))
        .orElse(Future.succeededFuture(m));
  }

  /** The meeting's live state, when the caller is its chair or secretary (403 otherwise, 404 when there is none). */
  private Future<JsonObject> driver(RoutingContext ctx) {
    return live(ctx).map(m -> {
      if (!MeetingTopics.mayDrive(m, Guard.principal(ctx))) {
        throw Failure.forbidden("only the chair and the secretary of meeting " + m.getLong("id") + " drive it");
      }
      return m;
    });
  }

  /** The meeting's live state, when the caller takes part in it (or reads city-wide data). */
  private Future<JsonObject> participant(RoutingContext ctx) {
    return live(ctx).map(m -> {
      Principal who = Guard.principal(ctx);
      if (!MeetingTopics.isParticipant(m, who, access) && !access.allows(who, Action.READ_CITY_DATA)) {
        throw Failure.forbidden("you are not invited to meeting " + m.getLong("id"));
      }
      return m;
    });
  }

  private Future<JsonObject> live(RoutingContext ctx) {
    return Future.succeededFuture().compose(v -> {
      long id = JsonBodies.longParam(ctx, "id");
      return meetings.live(id).map(found -> found.orElseThrow(() -> Failure.notFound("no meeting " + id)));
    });
  }

  private Future<JsonObject> firstItemPanel(long id) {
    return meetings.array("SELECT jsonb_build_object('panel', panel) FROM agenda_item WHERE meeting_id = $1 ORDER BY position LIMIT 1", id)
        .map(rows -> rows.isEmpty() ? null : rows.getJsonObject(0).getJsonObject("panel"));
  }

  private Future<JsonObject> withData(JsonObject spec) {
    return spec == null ? Future.succeededFuture(null) : panels.compute(spec, Instant.now());
  }

  private static Future<Boolean> bump(io.vertx.sqlclient.SqlConnection conn, long id) {
    return conn.preparedQuery("UPDATE meeting SET version = version + 1 WHERE id = $1 AND state <> 'ended'")
        .execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
  }

  /** Every node's feed reads the meeting's event within a frame; the answer is the meeting's live state. */
  private void changed(RoutingContext ctx, JsonObject live) {
    announce();
    JsonObject answer = live.copy();
    answer.remove("panelData");
    JsonBodies.ok(ctx, answer);
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
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "no agency has the code '" + code + "'", field(name, "is not a known agency"));
    }
  }

  private static List<Object> listOf(Object... values) {
    List<Object> list = new ArrayList<>();
    java.util.Collections.addAll(list, values);
    return list;
  }

  private static JsonArray field(String name, String reason) {
    return new JsonArray().add(new JsonObject().put("field", name).put("reason", reason));
  }
}
