package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.auth.Role;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/tasks}: the tasks briefings assigned, as their assignee agencies see and update them after the
 * meeting. Each update is an event of the task's meeting, so its topic and the previous-tasks panels showing it move.
 */
final class TaskRoutes implements Routes {
  private static final String TASKS = "/api/v1/tasks";

  private final MeetingRepository meetings;
  private final TaskRepository tasks;
  private final ReferenceData reference;
  private final AccessControl access;
  private final Guard guard;
  private final FeedSignal signal;
  private final SchemaCheck taskUpdateSchema = SchemaCheck.of("task-update.schema.json");

  TaskRoutes(MeetingRepository meetings, TaskRepository tasks, ReferenceData reference, Guard guard, FeedSignal signal) {
    this.meetings = meetings;
    this.tasks = tasks;
    this.reference = reference;
    this.guard = guard;
    this.access = guard.access();
    this.signal = signal;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(TASKS), "Tasks the caller may see, by agency and state").errors(400)
        .access(guard.signedIn()).handler(this::listTasks);
    ApiDoc.on(router.patch(TASKS + "/:id"), "Report progress on a task (its agency) or close it").body(taskUpdateSchema).errors(403, 409)
        .access(guard.signedIn()).handler(this::updateTask);
  }

  private record Query(List<String> agencies, String state, Boolean overdue) {
  }

  private void listTasks(RoutingContext ctx) {
    Requests.checked(() -> query(ctx))
        .compose(q -> tasks.list(q.agencies(), q.state(), q.overdue(), 500))
        .onSuccess(items -> JsonBodies.ok(ctx, new JsonObject().put("items", MeetingJson.array(items, TaskJson::full))))
        .onFailure(ctx::fail);
  }

  /** The filters asked for and the agencies whose tasks the caller may read (400 for a bad filter, 403 when none). */
  private Query query(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    String agency = ctx.request().getParam("agency");
    String state = ctx.request().getParam("state");
    if (state != null && !Set.of("open", "in_progress", "done").contains(state)) {
      throw Failure.invalid("invalid_parameter", "state must be open, in_progress or done");
    }
    String overdueParam = ctx.request().getParam("overdue");
    if (overdueParam != null && !Set.of("true", "false").contains(overdueParam)) {
      throw Failure.invalid("invalid_parameter", "overdue must be true or false");
    }
    Boolean overdue = overdueParam == null ? null : Boolean.valueOf(overdueParam);
    List<String> scope;
    if (access.allows(who, Action.READ_CITY_DATA)) {
      scope = agency == null ? null : List.of(agency);
    } else if (who.has(Role.AGENCY)) {
      if (agency != null && !access.coversAgency(who.agency(), agency)) {
        throw Failure.forbidden("an agency officer sees the tasks of their agency (and a district's communes)");
      }
      scope = agency != null ? List.of(agency) : reference.agencies().keySet().stream()
          .filter(a -> access.coversAgency(who.agency(), a)).toList();
    } else {
      throw Failure.forbidden("your role does not allow reading tasks");
    }
    return new Query(scope, state, overdue);
  }

  private void updateTask(RoutingContext ctx) {
    Principal who = Guard.principal(ctx);
    Requests.checked(() -> JsonBodies.longParam(ctx, "id")).compose(id -> Requests.checked(() -> update(ctx))
        .compose(update -> tasks.one(id).compose(found -> {
          Task task = found.orElseThrow(() -> Failure.notFound("no task " + id)).task();
          if (!access.allows(who, Action.UPDATE_AGENCY_TASK, task.agency())) {
            return Future.failedFuture(Failure.forbidden("only the officers of " + task.agency() + " update this task"));
          }
          if ("done".equals(update.state()) && update.note() == null) {
            return Future.failedFuture(Failure.invalidField("a task is marked done with a note", "note",
                "is required with state done"));
          }
          // one event of the task's meeting: its topic and the previous-tasks panels showing it move at once
          return meetings.recordTaskChange(task.meetingId(), conn -> TaskRepository.update(conn, id, update, who.username()))
              .compose(x -> tasks.one(id)).map(again -> again.orElseThrow());
        })))
        .onSuccess(t -> {
          signal.changed();
          JsonBodies.ok(ctx, TaskJson.full(t));
        }).onFailure(ctx::fail);
  }

  private TaskRepository.Update update(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx, taskUpdateSchema);
    return new TaskRepository.Update(body.getString("state"), body.getInteger("progress"), body.getString("note"));
  }
}
