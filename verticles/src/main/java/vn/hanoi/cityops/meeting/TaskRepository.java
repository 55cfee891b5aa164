package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks assigned in meetings (giao nhiệm vụ), in PostgreSQL ({@code sql/meeting/*task*.sql}, read once), as records:
 * they live on after the meeting. Overdue = not done and past the deadline, as PostgreSQL sees it when it reads them.
 * Every update carries a note (who, when, state, progress). Assigning and updating run inside a meeting's change
 * ({@link MeetingRepository#record}, {@link MeetingRepository#recordTaskChange}), so they take its connection.
 */
public final class TaskRepository {
  private static final String TASK = Sql.load("meeting/task.sql");
  private static final String TASKS = Sql.load("meeting/tasks.sql");
  private static final String TASKS_OF_MEETING = Sql.load("meeting/tasks-of-meeting.sql");
  private static final String NOTES = Sql.load("meeting/task-notes.sql");
  private static final String PREVIOUS_TASKS = Sql.load("meeting/previous-tasks.sql");
  private static final String ASSIGN = Sql.load("meeting/assign-task.sql");
  private static final String UPDATE = Sql.load("meeting/update-task.sql");
  private static final String ADD_NOTE = Sql.load("meeting/add-task-note.sql");

  /** A task to assign, on agenda item {@code item} (the current one when null). */
  record NewTask(Long item, String agency, String description, OffsetDateTime deadline, String priority) {
  }

  /** An update of a task: the state and progress it sets (null: unchanged) and its note (null: none). */
  record Update(String state, Integer progress, String note) {
  }

  private final Pool pool;

  public TaskRepository(Pool pool) {
    this.pool = pool;
  }

  /** Task {@code id} with its notes; empty when there is no such task. */
  Future<Optional<Task.Noted>> one(long id) {
    return pool.withConnection(conn -> {
      Future<Optional<Task>> task = conn.preparedQuery(TASK).execute(Tuple.of(id))
          .map(rows -> rows.size() == 0 ? Optional.<Task>empty() : Optional.of(task(rows.iterator().next())));
      Future<Map<Long, List<Task.Note>>> notes = notes(conn, List.of(id));
      return Future.all(task, notes).map(x -> task.result()
          .map(t -> new Task.Noted(t, notes.result().getOrDefault(id, List.of()))));
    });
  }

  /** {@code agencies}: only tasks of these (null: every agency); soonest deadline first, with their notes. */
  Future<List<Task.Noted>> list(List<String> agencies, String state, Boolean overdue, int limit) {
    return pool.withConnection(conn -> conn.preparedQuery(TASKS)
        .execute(Tuple.of(agencies == null ? null : agencies.toArray(String[]::new), state, overdue, limit))
        .compose(rows -> noted(conn, MeetingRepository.list(rows, TaskRepository::task))));
  }

  /**
   * The {@code previous-tasks} panel's figures: meeting {@code meetingId} and its tasks, each overdue or not at
   * {@code asOf}, soonest deadline first; {@code unknown_reference} when there is no such meeting.
   */
  Future<Task.OfMeeting> ofMeeting(long meetingId, Instant asOf) {
    return pool.preparedQuery(PREVIOUS_TASKS).execute(Tuple.of(meetingId, asOf.atOffset(ZoneOffset.UTC))).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Failure.unknownReference("no meeting " + meetingId + " to show the tasks of",
            "meeting", "is not a known meeting"));
      }
      Row first = rows.iterator().next();
      List<Task> tasks = new ArrayList<>();
      rows.forEach(r -> {
        if (r.getLong("id") != null) {
          tasks.add(task(r));
        }
      });
      return Future.succeededFuture(new Task.OfMeeting(first.getLong("m_id"), first.getString("m_title"),
          first.getOffsetDateTime("m_scheduled_at"), first.getOffsetDateTime("m_ended_at"), tasks));
    });
  }

  /** The tasks meeting {@code meetingId} assigned, in the order assigned, overdue or not now. */
  static Future<List<Task>> ofMeeting(SqlClient client, long meetingId) {
    return client.preparedQuery(TASKS_OF_MEETING).execute(Tuple.of(meetingId))
        .map(rows -> MeetingRepository.list(rows, TaskRepository::task));
  }

  /** {@code tasks} with their notes. */
  static Future<List<Task.Noted>> noted(SqlClient client, List<Task> tasks) {
    if (tasks.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return notes(client, tasks.stream().map(Task::id).toList())
        .map(notes -> tasks.stream().map(t -> new Task.Noted(t, notes.getOrDefault(t.id(), List.of()))).toList());
  }

  /** Inserts the task in {@code conn}'s transaction; empty when the meeting is not in progress (or the item is not its). */
  static Future<Optional<Long>> assign(SqlConnection conn, long meetingId, NewTask task, String by) {
    return conn.preparedQuery(ASSIGN)
        .execute(Tuple.of(meetingId, task.item(), task.agency(), task.description(), task.deadline(), task.priority(), by))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  /** Applies {@code update} in {@code conn}'s transaction, with its note, unless the task is done ({@code illegal_transition}). */
  static Future<Long> update(SqlConnection conn, long id, Update update, String by) {
    return conn.preparedQuery(UPDATE).execute(Tuple.of(id, update.state(), update.progress(), update.note()))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(Failure.illegalTransition("task " + id + " is done; it cannot change"))
            : conn.preparedQuery(ADD_NOTE).execute(Tuple.of(id, by, update.note() == null ? "" : update.note(),
                update.state(), update.progress())).map(id));
  }

  private static Future<Map<Long, List<Task.Note>>> notes(SqlClient client, List<Long> taskIds) {
    return client.preparedQuery(NOTES).execute(Tuple.of(taskIds.toArray(Long[]::new))).map(rows -> {
      Map<Long, List<Task.Note>> byTask = new HashMap<>();
      rows.forEach(r -> byTask.computeIfAbsent(r.getLong("task_id"), k -> new ArrayList<>()).add(new Task.Note(
          r.getString("author"), r.getOffsetDateTime("at"), r.getString("text"), r.getString("state"),
          r.getInteger("progress"))));
      return byTask;
    });
  }

  private static Task task(Row r) {
    return new Task(r.getLong("id"), r.getLong("meeting_id"), r.getLong("item_id"), r.getString("agency_code"),
        r.getString("description"), r.getOffsetDateTime("deadline"), r.getString("priority"), r.getString("state"),
        r.getInteger("progress"), r.getString("done_note"), r.getOffsetDateTime("done_at"), r.getString("assigned_by"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"), r.getBoolean("overdue"));
  }
}
