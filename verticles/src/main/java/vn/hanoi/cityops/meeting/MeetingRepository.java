package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Meetings, their agenda, attendance, decisions and tasks in PostgreSQL. Every change of what participants see
 * ({@link #change}) is one transaction: a conditional update that bumps {@code meeting.version}, then an event
 * of type {@code meeting} carrying the meeting's live state ({@link #LIVE}), so every node's topic numbers it the
 * same. A condition that does not hold (wrong state) is {@code 409 illegal_transition}.
 */
public final class MeetingRepository {
  /** The live state of a meeting: what its topic shows (but the panel's data) and what the event carries. */
  static final String LIVE = """
      SELECT jsonb_build_object(
        'id', m.id, 'version', m.version, 'title', m.title, 'level', m.level, 'state', m.state,
        'scheduledAt', m.scheduled_at, 'chair', m.chair, 'secretary', m.secretary,
        'startedAt', m.started_at, 'endedAt', m.ended_at,
        'invitedAgencies', coalesce((SELECT jsonb_agg(agency_code ORDER BY agency_code) FROM meeting_agency WHERE meeting_id = m.id), '[]'),
        'invitedPeople', coalesce((SELECT jsonb_agg(username ORDER BY username) FROM meeting_person WHERE meeting_id = m.id), '[]'),
        'currentItem', (SELECT jsonb_build_object('id', a.id, 'position', a.position, 'title', a.title, 'presenter', a.presenter)
                        FROM agenda_item a WHERE a.id = m.current_item),
        'panel', m.panel, 'highlight', m.highlight, 'hands', to_jsonb(m.raised_hands),
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
  /** Opens a stay, or renews the open one ({@code inserted} false): a renewal changes nothing participants see. */
  private static final String JOIN = """
      INSERT INTO meeting_attendance (meeting_id, username, agency)
      SELECT id, $2, $3 FROM meeting WHERE id = $1 AND state <> 'ended'
      ON CONFLICT (meeting_id, username) WHERE left_at IS NULL DO UPDATE SET last_seen = now()
      RETURNING (xmax = 0) AS inserted""";
  /** Closes every open stay of a meeting not ended that was not renewed for $1 milliseconds, as of when last seen. */
  private static final String EXPIRE = """
      UPDATE meeting_attendance t SET left_at = t.last_seen FROM meeting m
      WHERE m.id = t.meeting_id AND m.state <> 'ended' AND t.left_at IS NULL
        AND t.last_seen < now() - make_interval(secs => $1::bigint / 1000.0)
      RETURNING t.meeting_id, t.username""";
  /** Only one node sweeps at a time; the conditional update above keeps it right even if two did. */
  private static final long SWEEP_LOCK = 0x6d656574_70726573L;
  private static final String RECORD_EVENT = """
      INSERT INTO event (source, event_id, type, occurred_at, status, payload)
      VALUES ('cityops-meetings', 'meeting-' || $1::bigint || '-v' || $2::integer, 'meeting', now(), $3, $4::jsonb)
      ON CONFLICT ON CONSTRAINT event_source_id_unique DO NOTHING""";

  private final Pool pool;

  public MeetingRepository(Pool pool) {
    this.pool = pool;
  }

  /** Creates a meeting with its invitations and agenda; answers its live state (the event is stored too). */
  Future<JsonObject> create(JsonObject body, String chair, String secretary, String createdBy) {
    return pool.withTransaction(conn -> conn.preparedQuery("""
            INSERT INTO meeting (title, level, scheduled_at, chair, secretary, created_by)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""")
        .execute(Tuple.of(body.getString("title"), body.getString("level"),
            OffsetDateTime.parse(body.getString("scheduledAt")), chair, secretary, createdBy))
        .compose(rows -> {
          long id = rows.iterator().next().getLong(0);
          List<Tuple> agencies = new ArrayList<>();
          body.getJsonArray("invitedAgencies", new JsonArray()).stream().distinct()
              .forEach(a -> agencies.add(Tuple.of(id, a)));
          List<Tuple> people = new ArrayList<>();
          body.getJsonArray("invitedPeople", new JsonArray()).stream().distinct()
              .forEach(p -> people.add(Tuple.of(id, p)));
          List<Tuple> items = new ArrayList<>();
          JsonArray agenda = body.getJsonArray("agenda", new JsonArray());
          for (int i = 0; i < agenda.size(); i++) {
            JsonObject item = agenda.getJsonObject(i);
            items.add(Tuple.of(id, i + 1, item.getString("title"), item.getString("presenter"), item.getJsonObject("panel")));
          }
          Future<?> a = agencies.isEmpty() ? Future.succeededFuture()
              : conn.preparedQuery("INSERT INTO meeting_agency (meeting_id, agency_code) VALUES ($1, $2)").executeBatch(agencies);
          return a.compose(x -> people.isEmpty() ? Future.succeededFuture()
                  : conn.preparedQuery("INSERT INTO meeting_person (meeting_id, username) VALUES ($1, $2)").executeBatch(people))
              .compose(x -> items.isEmpty() ? Future.succeededFuture()
                  : conn.preparedQuery("INSERT INTO agenda_item (meeting_id, position, title, presenter, panel) VALUES ($1, $2, $3, $4, $5)")
                  .executeBatch(items))
              .compose(x -> recordEvent(conn, id, null));
        }));
  }

  /**
   * Applies {@code update} (parameters: $1 = meeting id, then {@code params}) inside a transaction; it must answer a
   * row only when the change is legal (and bump {@code version}). Then stores the meeting's event, with
   * {@code panelData} when the shared panel changed. Answers the live state; 404 or 409 when nothing changed.
   */
  Future<JsonObject> change(long id, String update, List<Object> params, JsonObject panelData, String illegal) {
    List<Object> all = new ArrayList<>();
    all.add(id);
    all.addAll(params);
    return pool.withTransaction(conn -> conn.preparedQuery(update).execute(Tuple.from(all))
        .compose(rows -> rows.rowCount() > 0 ? recordEvent(conn, id, panelData) : explain(conn, id, illegal)));
  }

  /** Like {@link #change}, for a change made of several statements. */
  Future<JsonObject> changeWith(long id, Function<SqlConnection, Future<Boolean>> work, JsonObject panelData, String illegal) {
    return pool.withTransaction(conn -> work.apply(conn)
        .compose(done -> done ? recordEvent(conn, id, panelData) : explain(conn, id, illegal)));
  }

  private Future<JsonObject> explain(SqlConnection conn, long id, String illegal) {
    return conn.preparedQuery("SELECT state FROM meeting WHERE id = $1").execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Failure.notFound("no meeting " + id));
      }
      String state = rows.iterator().next().getString(0);
      return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "illegal_transition", illegal + " (the meeting is " + state + ")"));
    });
  }

  private Future<JsonObject> recordEvent(SqlConnection conn, long id, JsonObject panelData) {
    return conn.preparedQuery(LIVE).execute(Tuple.of(id)).compose(rows -> {
      JsonObject live = live(rows);
      JsonObject payload = live.copy();
      if (panelData != null) {
        payload.put("panelData", panelData);
      }
      return conn.preparedQuery(RECORD_EVENT)
          .execute(Tuple.of(id, live.getInteger("version"), live.getString("state"), payload))
          .map(payload);
    });
  }

  Future<Optional<JsonObject>> live(long id) {
    return pool.preparedQuery(LIVE).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(live(rows)));
  }

  /** Every meeting not ended (and those ended in the last day), for a node's topics at start. */
  Future<List<JsonObject>> current() {
    return pool.query("SELECT id FROM meeting WHERE state <> 'ended' OR ended_at > now() - interval '1 day'").execute()
        .compose(rows -> {
          List<Future<Optional<JsonObject>>> all = new ArrayList<>();
          rows.forEach(r -> all.add(live(r.getLong(0))));
          return Future.all(all).map(x -> all.stream().map(f -> f.result()).filter(Optional::isPresent).map(Optional::get).toList());
        });
  }

  /** The meeting with its agenda, attendance (every stay), decisions and tasks. */
  Future<Optional<JsonObject>> full(long id) {
    return live(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.<JsonObject>empty());
      }
      JsonObject m = found.get();
      Future<JsonArray> agenda = array("""
          SELECT jsonb_build_object('id', id, 'position', position, 'title', title, 'presenter', presenter, 'panel', panel)
          FROM agenda_item WHERE meeting_id = $1 ORDER BY position""", id);
      Future<JsonArray> attendance = array("""
          SELECT jsonb_build_object('username', t.username, 'agency', t.agency, 'joinedAt', t.joined_at, 'leftAt', t.left_at,
                 'late', m.started_at IS NOT NULL AND t.joined_at > m.started_at)
          FROM meeting_attendance t JOIN meeting m ON m.id = t.meeting_id WHERE t.meeting_id = $1 ORDER BY t.joined_at, t.id""", id);
      Future<JsonArray> decisions = array("""
          SELECT jsonb_build_object('id', id, 'item', item_id, 'text', text, 'recordedBy', recorded_by, 'recordedAt', recorded_at, 'panel', panel)
          FROM meeting_decision WHERE meeting_id = $1 ORDER BY id""", id);
      Future<JsonArray> tasks = array(TaskRepository.SELECT + " WHERE t.meeting_id = $1 ORDER BY t.id", id);
      return Future.all(agenda, attendance, decisions, tasks).map(x -> Optional.of(m.put("agenda", agenda.result())
          .put("attendance", attendance.result()).put("decisions", decisions.result()).put("tasks", tasks.result())));
    });
  }

  /** Meetings newest first; {@code username}/{@code agencies}: only those this person is part of (null: all). */
  Future<JsonArray> list(String state, String username, List<String> agencies, int limit) {
    return pool.preparedQuery("""
            SELECT jsonb_build_object('id', m.id, 'title', m.title, 'level', m.level, 'state', m.state,
                   'scheduledAt', m.scheduled_at, 'chair', m.chair, 'startedAt', m.started_at, 'endedAt', m.ended_at)
            FROM meeting m
            WHERE ($1::text IS NULL OR m.state = $1)
              AND ($2::text IS NULL OR m.chair = $2 OR m.secretary = $2
                   OR EXISTS (SELECT 1 FROM meeting_person p WHERE p.meeting_id = m.id AND p.username = $2)
                   OR EXISTS (SELECT 1 FROM meeting_agency a WHERE a.meeting_id = m.id AND a.agency_code = ANY($3::text[])))
            ORDER BY m.scheduled_at DESC, m.id DESC LIMIT $4""")
        .execute(Tuple.of(state, username, agencies == null ? new String[0] : agencies.toArray(String[]::new), limit))
        .map(MeetingRepository::objects);
  }

  Future<JsonObject> addDecision(long id, Long item, String text, String by, JsonObject panel) {
    return record(id, conn -> conn.preparedQuery("""
            INSERT INTO meeting_decision (meeting_id, item_id, text, recorded_by, panel)
            SELECT m.id, coalesce($2, m.current_item), $3, $4, $5 FROM meeting m
            WHERE m.id = $1 AND m.state = 'in_progress' AND ($2 IS NULL OR EXISTS (SELECT 1 FROM agenda_item a WHERE a.id = $2 AND a.meeting_id = m.id))
            RETURNING jsonb_build_object('id', id, 'item', item_id, 'text', text, 'recordedBy', recorded_by, 'recordedAt', recorded_at, 'panel', panel)""")
        .execute(Tuple.of(id, item, text, by, panel))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next().getValue(0)))),
        "decisions are recorded while the meeting is in progress, on one of its agenda items");
  }

  /**
   * Runs {@code work} in a transaction; when it answers a value (a decision, a task…), bumps the meeting's version
   * and stores its event, so the change reaches the topic; when it answers nothing, 404 or 409 ({@code illegal}).
   */
  <T> Future<T> record(long id, Function<SqlConnection, Future<Optional<T>>> work, String illegal) {
    return pool.withTransaction(conn -> work.apply(conn).compose(done -> done.isEmpty()
        ? explain(conn, id, illegal).transform(failed -> Future.<T>failedFuture(failed.cause()))
        : conn.preparedQuery("UPDATE meeting SET version = version + 1 WHERE id = $1").execute(Tuple.of(id))
            .compose(x -> recordEvent(conn, id, null)).map(x -> done.get())));
  }

  /** A participant joins, or renews an open stay (no event then); 409 once the meeting ended. */
  Future<JsonObject> join(long id, String username, String agency) {
    return pool.withTransaction(conn -> conn.preparedQuery(JOIN).execute(Tuple.of(id, username, agency)).compose(rows -> {
      if (rows.size() == 0) {
        return explain(conn, id, "a meeting that ended cannot be joined");
      }
      if (rows.iterator().next().getBoolean(0)) {
        return conn.preparedQuery("UPDATE meeting SET version = version + 1 WHERE id = $1").execute(Tuple.of(id))
            .compose(x -> recordEvent(conn, id, null));
      }
      return conn.preparedQuery(LIVE).execute(Tuple.of(id)).map(MeetingRepository::live);
    }));
  }

  /**
   * Marks left whoever was not seen for {@code timeoutMs} in a meeting not ended (their hands lowered), one event
   * per meeting touched; answers those meetings' ids. A node that finds another sweeping skips this round.
   */
  Future<List<Long>> expireStale(long timeoutMs) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(SWEEP_LOCK))
        .compose(locked -> !locked.iterator().next().getBoolean(0) ? Future.succeededFuture(List.<Long>of())
            : conn.preparedQuery(EXPIRE).execute(Tuple.of(timeoutMs)).compose(rows -> {
              java.util.SortedMap<Long, List<String>> gone = new java.util.TreeMap<>();
              rows.forEach(r -> gone.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getString(1)));
              Future<Void> chain = Future.succeededFuture();
              for (var e : gone.entrySet()) {
                chain = chain.compose(x -> conn.preparedQuery("""
                        UPDATE meeting SET raised_hands = ARRAY(SELECT h FROM unnest(raised_hands) h WHERE h <> ALL($2::text[])),
                               version = version + 1 WHERE id = $1""")
                    .execute(Tuple.tuple().addLong(e.getKey()).addArrayOfString(e.getValue().toArray(String[]::new)))
                    .compose(y -> recordEvent(conn, e.getKey(), null)).mapEmpty());
              }
              return chain.map(x -> List.copyOf(gone.keySet()));
            })));
  }

  /** The last meeting of this level and chair that ended: the one whose tasks the next briefing opens with. */
  Future<Optional<Long>> lastEnded(String level, String chair) {
    return pool.preparedQuery("""
            SELECT id FROM meeting WHERE level = $1 AND chair = $2 AND state = 'ended' ORDER BY ended_at DESC, id DESC LIMIT 1""")
        .execute(Tuple.of(level, chair))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  Future<JsonArray> array(String sql, Object... params) {
    return pool.preparedQuery(sql).execute(Tuple.from(params)).map(MeetingRepository::objects);
  }

  static JsonArray objects(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(json(r.getValue(0))));
    return out;
  }

  private static JsonObject live(RowSet<Row> rows) {
    return json(rows.iterator().next().getValue(0));
  }

  static JsonObject json(Object value) {
    return value instanceof JsonObject j ? j : new JsonObject(String.valueOf(value));
  }
}
