package vn.hanoi.cityops.meeting;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.TestNodes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hanoi.cityops.meeting.Meetings.example;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/**
 * The JSON of a briefing, its tasks and the previous-tasks panel is, to the byte, what PostgreSQL's
 * {@code jsonb_build_object} wrote when SQL assembled it: the statements below are those the meeting code ran before
 * its repositories returned records, run here on the same database as the records' mapper.
 */
@ExtendWith(VertxExtension.class)
class MeetingJsonIT {
  private static Node node;
  private static Api api;
  private static Pool pool;

  @BeforeAll
  static void start(Vertx vertx) {
    node = TestNodes.start(Map.of());
    api = new Api(vertx, node);
    pool = node.database().pool();
  }

  @AfterAll
  static void stop() {
    api.close();
    TestNodes.stop(node);
  }

  @Test
  void aBriefingItsTasksAndThePreviousTasksPanelAreWrittenAsJsonbBuildObjectWroteThem() {
    String leader = api.token("leader");
    String officer = api.token("cg-officer");
    String operator = api.token("operator");
    JsonObject district = example("CG", "DA").put("level", "district");

    long previous = ok(api, leader, "POST", "/api/v1/meetings", district.copy()).getLong("id");
    ok(api, leader, "POST", "/api/v1/meetings/" + previous + "/start", null);
    long late = ok(api, leader, "POST", "/api/v1/meetings/" + previous + "/tasks", new JsonObject().put("agency", "CG-02")
        .put("description", "Giải quyết hồ sơ quá hạn").put("deadline", Instant.now().plus(Duration.ofDays(1)).toString())
        .put("priority", "urgent")).getLong("id");
    ok(api, leader, "POST", "/api/v1/meetings/" + previous + "/tasks", new JsonObject().put("agency", "CG")
        .put("description", "Báo cáo <phản ánh> \"môi trường\"").put("deadline", "2031-01-01T17:00:00.5+07:00"));
    ok(api, officer, "PATCH", "/api/v1/tasks/" + late, new JsonObject().put("progress", 40));
    ok(api, officer, "PATCH", "/api/v1/tasks/" + late, new JsonObject().put("state", "done").put("note", "Đã xong"));
    ok(api, leader, "POST", "/api/v1/meetings/" + previous + "/end", null);

    JsonObject body = district.copy().put("carryOverTasks", true).put("secretary", "sre")
        .put("invitedPeople", new JsonArray().add("operator").add("admin"));
    long id = ok(api, leader, "POST", "/api/v1/meetings", body).getLong("id");
    String base = "/api/v1/meetings/" + id;
    ok(api, officer, "POST", base + "/join", null);
    ok(api, leader, "POST", base + "/start", null);
    ok(api, operator, "POST", base + "/join", null);
    JsonObject second = ok(api, leader, "GET", base, null).getJsonArray("agenda").getJsonObject(1);
    ok(api, leader, "POST", base + "/agenda/" + second.getLong("id") + "/activate", null);
    ok(api, leader, "POST", base + "/panel", new JsonObject().put("kind", "district-dossiers").put("district", "CG"));
    ok(api, leader, "POST", base + "/highlight", new JsonObject().put("target", "agency").put("code", "CG-02").put("note", "xem"));
    ok(api, officer, "POST", base + "/hand", new JsonObject().put("raised", true));
    ok(api, operator, "POST", base + "/hand", new JsonObject().put("raised", true));
    ok(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "Cầu Giấy xử lý dứt điểm"));
    ok(api, leader, "POST", base + "/decisions", new JsonObject().put("text", "Đông Anh báo cáo").put("item", second.getLong("id")));
    long task = ok(api, leader, "POST", base + "/tasks", new JsonObject().put("agency", "CG-02").put("description", "Rà soát")
        .put("deadline", "2030-06-01T10:00:00+07:00").put("priority", "high")).getLong("id");
    ok(api, officer, "PATCH", "/api/v1/tasks/" + task, new JsonObject().put("state", "in_progress").put("progress", 30)
        .put("note", "Đã rà soát 3/10"));
    ok(api, operator, "POST", base + "/leave", null);
    ok(api, operator, "POST", base + "/join", null);

    MeetingRepository meetings = new MeetingRepository(pool);
    TaskRepository tasks = new TaskRepository(pool);
    sameAsBefore(id, meetings, tasks);
    sameAsBefore(previous, meetings, tasks);

    Instant asOf = Instant.now().truncatedTo(ChronoUnit.MICROS);
    assertEquals(Legacy.previousTasks(previous, asOf).encode(),
        TaskJson.ofMeeting(Api.await(tasks.ofMeeting(previous, asOf))).encode(), "the previous-tasks panel");
    assertEquals(Legacy.tasks().encode(), MeetingJson.array(Api.await(tasks.list(null, null, null, 500)), TaskJson::full).encode(),
        "GET /api/v1/tasks");
    assertEquals(Legacy.list().encode(), MeetingJson.array(Api.await(meetings.list(null, null, null, 200)), MeetingJson::listed).encode(),
        "GET /api/v1/meetings");

    ok(api, leader, "POST", base + "/end", null);
    sameAsBefore(id, meetings, tasks);
    assertEquals(Legacy.liveText(id), lastEventPayload(id), "the event's payload is the live state, as jsonb stores it");
  }

  private static void sameAsBefore(long id, MeetingRepository meetings, TaskRepository tasks) {
    assertEquals(Legacy.live(id).encode(), MeetingJson.live(Api.await(meetings.live(id)).orElseThrow()).encode(), "live state");
    assertEquals(Legacy.full(id).encode(), MeetingJson.full(Api.await(meetings.full(id)).orElseThrow()).encode(), "full record");
    for (Object o : Legacy.full(id).getJsonArray("tasks")) {
      long task = ((JsonObject) o).getLong("id");
      assertEquals(Legacy.task(task).encode(), TaskJson.full(Api.await(tasks.one(task)).orElseThrow()).encode(), "task " + task);
    }
  }

  private static String lastEventPayload(long id) {
    return Api.await(pool.preparedQuery("SELECT payload::text FROM event WHERE type = 'meeting' AND payload->>'id' = $1 "
        + "ORDER BY (payload->>'version')::int DESC LIMIT 1").execute(Tuple.of(String.valueOf(id)))).iterator().next().getString(0);
  }

  /** The statements the meeting code ran when SQL assembled its JSON (commit 837f024), and how it put them together. */
  private static final class Legacy {
    static final String LIVE = """
        SELECT jsonb_build_object(
          'id', m.id, 'version', m.version, 'title', m.title, 'level', m.level, 'state', m.state,
          'scheduledAt', m.scheduled_at, 'chair', m.chair, 'secretary', m.secretary,
          'startedAt', m.started_at, 'endedAt', m.ended_at,
          'invitedAgencies', coalesce((SELECT jsonb_agg(agency_code ORDER BY agency_code) FROM meeting_agency WHERE meeting_id = m.id), '[]'),
          'invitedPeople', coalesce((SELECT jsonb_agg(username ORDER BY username) FROM meeting_person WHERE meeting_id = m.id), '[]'),
          'currentItem', (SELECT jsonb_build_object('id', a.id, 'position', a.position, 'title', a.title, 'presenter', a.presenter)
                          FROM agenda_item a WHERE a.id = m.current_item),
          'panel', m.panel, 'highlight', m.highlight, 'hands', to_jsonb(m.raised_hands), 'floor', m.floor,
          'presence', coalesce((SELECT jsonb_agg(jsonb_build_object('username', t.username, 'agency', t.agency,
                          'joinedAt', t.joined_at, 'late', m.started_at IS NOT NULL AND t.joined_at > m.started_at) ORDER BY t.joined_at)
                          FROM meeting_attendance t WHERE t.meeting_id = m.id AND t.left_at IS NULL), '[]'),
          'decisions', coalesce((SELECT jsonb_agg(jsonb_build_object('id', d.id, 'item', d.item_id, 'text', d.text,
                          'recordedBy', d.recorded_by, 'recordedAt', d.recorded_at) ORDER BY d.id)
                          FROM meeting_decision d WHERE d.meeting_id = m.id), '[]'),
          'tasks', coalesce((SELECT jsonb_agg(jsonb_build_object('id', k.id, 'item', k.item_id, 'agency', k.agency_code,
                          'description', k.description, 'deadline', k.deadline, 'priority', k.priority, 'state', k.state,
                          'progress', k.progress, 'overdue', k.state <> 'done' AND k.deadline < now()) ORDER BY k.id)
                          FROM meeting_task k WHERE k.meeting_id = m.id), '[]'))
        FROM meeting m WHERE m.id = $1""";
    static final String TASK = """
        SELECT jsonb_build_object('id', t.id, 'meetingId', t.meeting_id, 'item', t.item_id, 'agency', t.agency_code,
               'description', t.description, 'deadline', t.deadline, 'priority', t.priority, 'state', t.state,
               'progress', t.progress, 'doneNote', t.done_note, 'doneAt', t.done_at, 'assignedBy', t.assigned_by,
               'createdAt', t.created_at, 'updatedAt', t.updated_at,
               'overdue', t.state <> 'done' AND t.deadline < now(),
               'notes', coalesce((SELECT jsonb_agg(jsonb_build_object('author', n.author, 'at', n.at, 'text', n.text,
                          'state', n.state, 'progress', n.progress) ORDER BY n.id) FROM task_note n WHERE n.task_id = t.id), '[]'))
        FROM meeting_task t""";

    static JsonObject live(long id) {
      return objects(LIVE, id).getJsonObject(0);
    }

    static String liveText(long id) {
      return Api.await(pool.preparedQuery("SELECT (" + LIVE + ")::text")
          .execute(Tuple.of(id))).iterator().next().getString(0);
    }

    static JsonObject full(long id) {
      JsonObject m = live(id);
      JsonArray agenda = objects("""
          SELECT jsonb_build_object('id', id, 'position', position, 'title', title, 'presenter', presenter, 'panel', panel)
          FROM agenda_item WHERE meeting_id = $1 ORDER BY position""", id);
      JsonArray attendance = objects("""
          SELECT jsonb_build_object('username', t.username, 'agency', t.agency, 'joinedAt', t.joined_at, 'leftAt', t.left_at,
                 'late', m.started_at IS NOT NULL AND t.joined_at > m.started_at)
          FROM meeting_attendance t JOIN meeting m ON m.id = t.meeting_id WHERE t.meeting_id = $1 ORDER BY t.joined_at, t.id""", id);
      JsonArray decisions = objects("""
          SELECT jsonb_build_object('id', id, 'item', item_id, 'text', text, 'recordedBy', recorded_by, 'recordedAt', recorded_at, 'panel', panel)
          FROM meeting_decision WHERE meeting_id = $1 ORDER BY id""", id);
      JsonArray tasks = objects(TASK + " WHERE t.meeting_id = $1 ORDER BY t.id", id);
      // issue 17 added the calendar's facts after the record
      JsonObject schedule = objects("""
          SELECT jsonb_build_object('durationMinutes', duration_minutes, 'videoUrl', video_url,
                 'invitationSequence', invitation_sequence) FROM meeting WHERE id = $1""", id).getJsonObject(0);
      return m.put("agenda", agenda).put("attendance", attendance).put("decisions", decisions).put("tasks", tasks)
          .put("durationMinutes", schedule.getInteger("durationMinutes")).put("videoUrl", schedule.getString("videoUrl"))
          .put("invitationSequence", schedule.getInteger("invitationSequence"));
    }

    static JsonObject task(long id) {
      return objects(TASK + " WHERE t.id = $1", id).getJsonObject(0);
    }

    static JsonArray tasks() {
      return objects(TASK + """
           WHERE ($1::text[] IS NULL OR t.agency_code = ANY($1))
            AND ($2::text IS NULL OR t.state = $2)
            AND ($3::boolean IS NULL OR (t.state <> 'done' AND t.deadline < now()) = $3)
          ORDER BY t.deadline, t.id LIMIT $4""", null, null, null, 500);
    }

    static JsonArray list() {
      return objects("""
          SELECT jsonb_build_object('id', m.id, 'title', m.title, 'level', m.level, 'state', m.state,
                 'scheduledAt', m.scheduled_at, 'chair', m.chair, 'startedAt', m.started_at, 'endedAt', m.ended_at,
                 'durationMinutes', m.duration_minutes, 'videoUrl', m.video_url, 'invitationSequence', m.invitation_sequence)
          FROM meeting m
          WHERE ($1::text IS NULL OR m.state = $1)
            AND ($2::text IS NULL OR m.chair = $2 OR m.secretary = $2
                 OR EXISTS (SELECT 1 FROM meeting_person p WHERE p.meeting_id = m.id AND p.username = $2)
                 OR EXISTS (SELECT 1 FROM meeting_agency a WHERE a.meeting_id = m.id AND a.agency_code = ANY($3::text[])))
          ORDER BY m.scheduled_at DESC, m.id DESC LIMIT $4""", null, null, new String[0], 200);
    }

    static JsonObject previousTasks(long meetingId, Instant asOf) {
      JsonObject found = objects("""
          SELECT jsonb_build_object('id', m.id, 'title', m.title, 'scheduledAt', m.scheduled_at, 'endedAt', m.ended_at,
                 'tasks', coalesce((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'agency', t.agency_code,
                      'description', t.description, 'deadline', t.deadline, 'priority', t.priority, 'state', t.state,
                      'progress', t.progress, 'doneNote', t.done_note, 'overdue', t.state <> 'done' AND t.deadline < $2)
                      ORDER BY t.deadline, t.id) FROM meeting_task t WHERE t.meeting_id = m.id), '[]'))
          FROM meeting m WHERE m.id = $1""", meetingId, asOf.atOffset(ZoneOffset.UTC)).getJsonObject(0);
      JsonArray tasks = found.getJsonArray("tasks");
      found.remove("tasks");
      long done = tasks.stream().filter(t -> "done".equals(((JsonObject) t).getString("state"))).count();
      long overdue = tasks.stream().filter(t -> ((JsonObject) t).getBoolean("overdue")).count();
      return new JsonObject().put("meeting", found).put("tasks", tasks)
          .put("summary", new JsonObject().put("total", tasks.size()).put("done", done).put("overdue", overdue));
    }

    private static JsonArray objects(String sql, Object... params) {
      RowSet<Row> rows = Api.await(pool.preparedQuery(sql).execute(Tuple.from(params)));
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(r.getValue(0) instanceof JsonObject j ? j : new JsonObject(String.valueOf(r.getValue(0)))));
      return out;
    }
  }
}
