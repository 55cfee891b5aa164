package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Tasks assigned in meetings (giao nhiệm vụ): they live on after the meeting. Overdue = not done and past its
 * deadline, computed when read. Every update carries a note row (who, when, state, progress).
 */
public final class TaskRepository {
  static final String SELECT = """
      SELECT jsonb_build_object('id', t.id, 'meetingId', t.meeting_id, 'item', t.item_id, 'agency', t.agency_code,
             'description', t.description, 'deadline', t.deadline, 'priority', t.priority, 'state', t.state,
             'progress', t.progress, 'doneNote', t.done_note, 'doneAt', t.done_at, 'assignedBy', t.assigned_by,
             'createdAt', t.created_at, 'updatedAt', t.updated_at,
             'overdue', t.state <> 'done' AND t.deadline < now(),
             'notes', coalesce((SELECT jsonb_agg(jsonb_build_object('author', n.author, 'at', n.at, 'text', n.text,
                        'state', n.state, 'progress', n.progress) ORDER BY n.id) FROM task_note n WHERE n.task_id = t.id), '[]'))
      FROM meeting_task t""";

  private final Pool pool;

  public TaskRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the task in {@code conn}'s transaction; empty when the meeting is not in progress (or the item is not its). */
  static Future<Optional<Long>> create(SqlConnection conn, long meetingId, JsonObject body, String by) {
    return conn.preparedQuery("""
            INSERT INTO meeting_task (meeting_id, item_id, agency_code, description, deadline, priority, assigned_by)
            SELECT m.id, coalesce($2, m.current_item), $3, $4, $5, $6, $7 FROM meeting m
            WHERE m.id = $1 AND m.state = 'in_progress'
              AND ($2 IS NULL OR EXISTS (SELECT 1 FROM agenda_item a WHERE a.id = $2 AND a.meeting_id = m.id))
            RETURNING id""")
        .execute(Tuple.of(meetingId, body.getLong("item"), body.getString("agency"), body.getString("description"),
            OffsetDateTime.parse(body.getString("deadline")), body.getString("priority", "normal"), by))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  Future<Optional<JsonObject>> one(long id) {
    return pool.preparedQuery(SELECT + " WHERE t.id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(MeetingRepository.json(rows.iterator().next().getValue(0))));
  }

  /** {@code agencies}: only tasks of these (null: every agency). */
  Future<JsonArray> list(List<String> agencies, String state, Boolean overdue, int limit) {
    return pool.preparedQuery(SELECT + """
             WHERE ($1::text[] IS NULL OR t.agency_code = ANY($1))
              AND ($2::text IS NULL OR t.state = $2)
              AND ($3::boolean IS NULL OR (t.state <> 'done' AND t.deadline < now()) = $3)
            ORDER BY t.deadline, t.id LIMIT $4""")
        .execute(Tuple.of(agencies == null ? null : agencies.toArray(String[]::new), state, overdue, limit))
        .map(MeetingRepository::objects);
  }

  /** Applies an update in {@code conn}'s transaction unless the task is done (409); a note row records it. */
  static Future<Optional<Long>> update(SqlConnection conn, long id, String state, Integer progress, String note, String by) {
    return conn.preparedQuery("""
            UPDATE meeting_task SET state = coalesce($2, state),
                   progress = CASE WHEN $2 = 'done' THEN 100 ELSE coalesce($3, progress) END,
                   done_note = CASE WHEN $2 = 'done' THEN $4 ELSE done_note END,
                   done_at = CASE WHEN $2 = 'done' THEN now() ELSE done_at END, updated_at = now()
            WHERE id = $1 AND state <> 'done' RETURNING id""")
        .execute(Tuple.of(id, state, progress, note))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "illegal_transition", "task " + id + " is done; it cannot change"));
          }
          return conn.preparedQuery("INSERT INTO task_note (task_id, author, text, state, progress) VALUES ($1, $2, $3, $4, $5)")
              .execute(Tuple.of(id, by, note == null ? "" : note, state, progress)).map(x -> Optional.of(id));
        });
  }

  /**
   * The {@code previous-tasks} panel's figures: a meeting's tasks with state, progress, deadline and whether each is
   * overdue at {@code asOf}, and their counts; 422 when there is no such meeting.
   */
  Future<JsonObject> ofMeeting(long meetingId, Instant asOf) {
    return pool.preparedQuery("""
            SELECT jsonb_build_object('id', m.id, 'title', m.title, 'scheduledAt', m.scheduled_at, 'endedAt', m.ended_at,
                   'tasks', coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'agency', t.agency_code,
                        'description', t.description, 'deadline', t.deadline, 'priority', t.priority, 'state', t.state,
                        'progress', t.progress, 'doneNote', t.done_note, 'overdue', t.state <> 'done' AND t.deadline < $2)
                        ORDER BY t.deadline, t.id) FROM meeting_task t WHERE t.meeting_id = m.id), '[]'))
            FROM meeting m WHERE m.id = $1""")
        .execute(Tuple.of(meetingId, asOf.atOffset(ZoneOffset.UTC)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "no meeting " + meetingId + " to show the tasks of",
                new JsonArray().add(new JsonObject().put("field", "meeting").put("reason", "is not a known meeting"))));
          }
          JsonObject found = MeetingRepository.json(rows.iterator().next().getValue(0));
          JsonArray tasks = found.getJsonArray("tasks");
          found.remove("tasks");
          long done = tasks.stream().filter(t -> "done".equals(((JsonObject) t).getString("state"))).count();
          long overdue = tasks.stream().filter(t -> ((JsonObject) t).getBoolean("overdue")).count();
          return Future.succeededFuture(new JsonObject().put("meeting", found).put("tasks", tasks)
              .put("summary", new JsonObject().put("total", tasks.size()).put("done", done).put("overdue", overdue)));
        });
  }
}
