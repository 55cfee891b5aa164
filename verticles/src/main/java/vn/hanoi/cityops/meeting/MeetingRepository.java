package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.meeting.MeetingState.Phase;
import vn.hanoi.cityops.meeting.MeetingState.Step;
import vn.hanoi.cityops.store.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Meetings, their agenda, attendance and decisions in PostgreSQL ({@code sql/meeting/*.sql}, read once), as records.
 * Every change of what participants see is one transaction: a conditional write that applies only when the change is
 * legal (PostgreSQL decides, whichever node asks) and bumps {@code meeting.version}, then an event of type
 * {@code meeting} whose payload is the meeting's live state ({@link MeetingJson#live}), so every node's topic numbers
 * it the same. A write that does not apply fails as {@link MeetingState#illegal} says, or {@code not_found}.
 */
public final class MeetingRepository {
  private static final String MEETING = Sql.load("meeting/meeting.sql");
  private static final String PRESENCE = Sql.load("meeting/presence.sql");
  private static final String ATTENDANCE = Sql.load("meeting/attendance.sql");
  private static final String DECISIONS = Sql.load("meeting/decisions.sql");
  private static final String DECISIONS_WITH_PANELS = Sql.load("meeting/decisions-with-panels.sql");
  private static final String AGENDA = Sql.load("meeting/agenda.sql");
  private static final String AGENDA_ITEM = Sql.load("meeting/agenda-item.sql");
  private static final String LIST = Sql.load("meeting/list.sql");
  private static final String CURRENT = Sql.load("meeting/current.sql");
  private static final String LAST_ENDED = Sql.load("meeting/last-ended.sql");
  private static final String STATE = Sql.load("meeting/state.sql");
  private static final String ACTIVE_USERS = Sql.load("meeting/active-users.sql");
  private static final String CREATE = Sql.load("meeting/create.sql");
  private static final String INVITE_AGENCY = Sql.load("meeting/invite-agency.sql");
  private static final String INVITE_PERSON = Sql.load("meeting/invite-person.sql");
  private static final String ADD_AGENDA_ITEM = Sql.load("meeting/add-agenda-item.sql");
  private static final String RECORD_EVENT = Sql.load("meeting/record-event.sql");
  private static final String VERSION = Sql.load("meeting/version.sql");
  private static final String START = Sql.load("meeting/start.sql");
  private static final String ACTIVATE_ITEM = Sql.load("meeting/activate-item.sql");
  private static final String SHARE_PANEL = Sql.load("meeting/share-panel.sql");
  private static final String HIGHLIGHT = Sql.load("meeting/highlight.sql");
  private static final String HAND = Sql.load("meeting/hand.sql");
  private static final String FLOOR = Sql.load("meeting/floor.sql");
  private static final String PEOPLE = Sql.load("meeting/people.sql");
  private static final String SECRETARY = Sql.load("meeting/secretary.sql");
  private static final String JOIN = Sql.load("meeting/join.sql");
  private static final String LEAVE = Sql.load("meeting/leave.sql");
  private static final String LEAVE_HAND = Sql.load("meeting/leave-hand.sql");
  private static final String END = Sql.load("meeting/end.sql");
  private static final String END_STAYS = Sql.load("meeting/end-stays.sql");
  private static final String DECIDE = Sql.load("meeting/decide.sql");
  private static final String INVITATION = Sql.load("meeting/invitation.sql");
  private static final String INVITEES = Sql.load("meeting/invitees.sql");
  private static final String CANCEL = Sql.load("meeting/cancel.sql");
  private static final String LOCK_SCHEDULED = Sql.load("meeting/lock-scheduled.sql");
  private static final String UPDATE = Sql.load("meeting/update.sql");
  private static final String CLEAR_INVITATIONS = Sql.load("meeting/clear-invitations.sql");
  private static final String REMINDER_CLAIM = Sql.load("meeting/reminder-claim.sql");
  private static final String REMINDER_FINISH = Sql.load("meeting/reminder-finish.sql");
  private static final String SWEEP_LOCK_SQL = Sql.load("meeting/sweep-lock.sql");
  private static final String EXPIRE_STAYS = Sql.load("meeting/expire-stays.sql");
  private static final String EXPIRE_HANDS = Sql.load("meeting/expire-hands.sql");
  /** Only one node sweeps presence at a time; the conditional update keeps it right even if two did. */
  private static final long SWEEP_LOCK = 0x6d656574_70726573L;

  /**
   * A briefing to create (or what an edit makes of it): its agenda in order; the invitations may repeat (each is
   * stored once); its length in minutes and video-room link (or null).
   */
  record NewMeeting(String title, String level, OffsetDateTime scheduledAt, String chair, String secretary,
                    String createdBy, List<String> invitedAgencies, List<String> invitedPeople, List<NewItem> agenda,
                    int durationMinutes, String videoUrl) {
    /** The agenda as a calendar compares it: titles and presenters in order. */
    List<AgendaItem> items() {
      List<AgendaItem> items = new ArrayList<>();
      for (int i = 0; i < agenda.size(); i++) {
        items.add(new AgendaItem(0, i + 1, agenda.get(i).title(), agenda.get(i).presenter(), agenda.get(i).panel()));
      }
      return items;
    }
  }

  /** An edit done: the meeting's live state after it, and its invitation as it stood before (read under its lock). */
  record Edited(Meeting live, Invitation before) {
  }

  /** A reminder a node claimed: to {@code username}, of meeting {@code meetingId} starting at {@code startsAt}. */
  record Reminder(long meetingId, String username, OffsetDateTime startsAt) {
  }

  /** An agenda item to create, with its prepared panel's spec (or null). */
  record NewItem(String title, String presenter, JsonObject panel) {
  }

  private final Pool pool;

  public MeetingRepository(Pool pool) {
    this.pool = pool;
  }

  /** Creates a meeting with its invitations and agenda, and its first event; answers its live state. */
  Future<Meeting> create(NewMeeting m) {
    return pool.withTransaction(conn -> conn.preparedQuery(CREATE)
        .execute(Tuple.from(new Object[]{m.title(), m.level(), m.scheduledAt(), m.chair(), m.secretary(), m.createdBy(),
            m.durationMinutes(), m.videoUrl()}))
        .compose(rows -> {
          long id = rows.iterator().next().getLong(0);
          return invite(conn, id, m).compose(x -> recordEvent(conn, id, null));
        }));
  }

  /** Stores the meeting's invited agencies and people and its agenda. */
  private static Future<Void> invite(SqlConnection conn, long id, NewMeeting m) {
    List<Tuple> agencies = m.invitedAgencies().stream().distinct().map(a -> Tuple.of(id, a)).toList();
    List<Tuple> people = m.invitedPeople().stream().distinct().map(p -> Tuple.of(id, p)).toList();
    List<Tuple> items = new ArrayList<>();
    for (int i = 0; i < m.agenda().size(); i++) {
      NewItem item = m.agenda().get(i);
      items.add(Tuple.of(id, i + 1, item.title(), item.presenter(), item.panel()));
    }
    return batch(conn, INVITE_AGENCY, agencies)
        .compose(x -> batch(conn, INVITE_PERSON, people))
        .compose(x -> batch(conn, ADD_AGENDA_ITEM, items));
  }

  /**
   * Changes a scheduled meeting to {@code m} (all of it: title, level, time, length, video link, chair, secretary,
   * invitations, agenda) in one transaction under the meeting's row lock; when what a calendar shows changed, its
   * invitation's sequence moves. {@code not_found} or {@code illegal_transition} (started, ended, cancelled).
   */
  Future<Edited> update(long id, NewMeeting m) {
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_SCHEDULED).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(Failure.notFound("no meeting " + id));
      }
      Phase phase = Phase.of(rows.iterator().next().getString(0));
      if (!Step.EDIT.legalIn(phase)) {
        return Future.failedFuture(MeetingState.illegal(Step.EDIT, phase));
      }
      return invitation(conn, id).map(Optional::orElseThrow).compose(before -> {
        boolean bump = before.calendarDiffers(m.title(), m.scheduledAt(), m.durationMinutes(), m.videoUrl(), m.chair(),
            m.items());
        return conn.preparedQuery(UPDATE).execute(Tuple.from(new Object[]{id, m.title(), m.level(), m.scheduledAt(),
                m.chair(), m.secretary(), m.durationMinutes(), m.videoUrl(), bump}))
            .compose(x -> conn.preparedQuery(CLEAR_INVITATIONS).execute(Tuple.of(id)))
            .compose(x -> invite(conn, id, m))
            .compose(x -> recordEvent(conn, id, null))
            .map(live -> new Edited(live, before));
      });
    }));
  }

  /** Cancels a scheduled meeting: its invitation's sequence moves; a meeting started, ended or cancelled is 409. */
  Future<Meeting> cancel(long id) {
    return change(id, Step.CANCEL, CANCEL, Tuple.of(id), null);
  }

  /** What the meeting's calendar invitation says, and whom it reaches; empty when there is no such meeting. */
  Future<Optional<Invitation>> invitation(long id) {
    return pool.withConnection(conn -> invitation(conn, id));
  }

  private static Future<Optional<Invitation>> invitation(SqlClient client, long id) {
    Future<RowSet<Row>> row = client.preparedQuery(INVITATION).execute(Tuple.of(id));
    Future<List<AgendaItem>> agenda = client.preparedQuery(AGENDA).execute(Tuple.of(id))
        .map(rows -> list(rows, MeetingRepository::item));
    Future<List<Invitation.Invitee>> people = client.preparedQuery(INVITEES).execute(Tuple.of(id))
        .map(rows -> list(rows, r -> new Invitation.Invitee(r.getString("username"), r.getString("display_name"),
            r.getString("language"), r.getString("email"), r.getBoolean("invited"))));
    return Future.all(row, agenda, people).map(all -> {
      if (row.result().size() == 0) {
        return Optional.empty();
      }
      Row r = row.result().iterator().next();
      return Optional.of(new Invitation(r.getLong("id"), r.getString("title"), r.getString("level"),
          Phase.of(r.getString("state")), r.getOffsetDateTime("scheduled_at"), r.getInteger("duration_minutes"),
          r.getString("video_url"), r.getString("chair"), r.getString("secretary"), r.getInteger("invitation_sequence"),
          r.getOffsetDateTime("invitation_changed_at"), agenda.result(), people.result()));
    });
  }

  /**
   * Claims for {@code node} the reminders owed now ({@code leadMs} before a scheduled meeting's start, once per
   * meeting, person and start time, whichever node asks first).
   */
  Future<List<Reminder>> claimReminders(String node, long leadMs) {
    return pool.preparedQuery(REMINDER_CLAIM).execute(Tuple.of(node, leadMs))
        .map(rows -> list(rows, r -> new Reminder(r.getLong("meeting_id"), r.getString("username"),
            r.getOffsetDateTime("starts_at"))));
  }

  /** A claimed reminder is done: {@code sent} or {@code failed}, with its notification. */
  Future<Void> finishReminder(Reminder r, String node, boolean sent, Long notificationId) {
    return pool.preparedQuery(REMINDER_FINISH).execute(Tuple.from(new Object[]{r.meetingId(), r.username(), r.startsAt(),
        node, sent ? "sent" : "failed", notificationId})).mapEmpty();
  }

  /** The meeting's live state; empty when there is no such meeting. */
  Future<Optional<Meeting>> live(long id) {
    return pool.withConnection(conn -> live(conn, id));
  }

  /** The meeting with its agenda, every stay, the decisions with their panels and the tasks with their notes. */
  Future<Optional<Meeting.Full>> full(long id) {
    return pool.withConnection(conn -> {
      Future<RowSet<Row>> row = conn.preparedQuery(MEETING).execute(Tuple.of(id));
      Future<List<Stay>> attendance = conn.preparedQuery(ATTENDANCE).execute(Tuple.of(id))
          .map(rows -> list(rows, MeetingRepository::stay));
      Future<List<AgendaItem>> agenda = conn.preparedQuery(AGENDA).execute(Tuple.of(id))
          .map(rows -> list(rows, MeetingRepository::item));
      Future<List<Decision.Recorded>> decisions = conn.preparedQuery(DECISIONS_WITH_PANELS).execute(Tuple.of(id))
          .map(rows -> list(rows, r -> new Decision.Recorded(decision(r), r.getJsonObject("panel"))));
      Future<List<Task.Noted>> tasks = TaskRepository.ofMeeting(conn, id).compose(list -> TaskRepository.noted(conn, list));
      return Future.all(row, attendance, agenda, decisions, tasks).map(all -> {
        if (row.result().size() == 0) {
          return Optional.<Meeting.Full>empty();
        }
        List<Stay> presence = attendance.result().stream().filter(s -> s.leftAt() == null).toList();
        Meeting live = meeting(row.result().iterator().next(), presence,
            decisions.result().stream().map(Decision.Recorded::decision).toList(),
            tasks.result().stream().map(Task.Noted::task).toList());
        return Optional.of(new Meeting.Full(live, agenda.result(), attendance.result(), decisions.result(), tasks.result(),
            schedule(row.result().iterator().next())));
      });
    });
  }

  /** Every meeting not ended (and those ended in the last day), for a node's topics at start. */
  Future<List<Meeting>> current() {
    return pool.query(CURRENT).execute().compose(rows -> {
      List<Future<Optional<Meeting>>> all = new ArrayList<>();
      rows.forEach(r -> all.add(live(r.getLong(0))));
      return Future.all(all).map(x -> all.stream().map(Future::result).flatMap(Optional::stream).toList());
    });
  }

  /** Meetings newest first; {@code username}/{@code agencies}: only those this person is part of (null: all). */
  Future<List<Meeting.Listed>> list(String state, String username, List<String> agencies, int limit) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(state, username, agencies == null ? new String[0] : agencies.toArray(String[]::new), limit))
        .map(rows -> list(rows, r -> new Meeting.Listed(r.getLong("id"), r.getString("title"), r.getString("level"),
            Phase.of(r.getString("state")), r.getOffsetDateTime("scheduled_at"), r.getString("chair"),
            r.getOffsetDateTime("started_at"), r.getOffsetDateTime("ended_at"),
            schedule(r))));
  }

  private static Meeting.Schedule schedule(Row r) {
    return new Meeting.Schedule(r.getInteger("duration_minutes"), r.getString("video_url"), r.getInteger("invitation_sequence"));
  }

  /** The first item of the meeting's agenda, if it has one. */
  Future<Optional<AgendaItem>> firstItem(long meetingId) {
    return pool.preparedQuery(AGENDA).execute(Tuple.of(meetingId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(item(rows.iterator().next())));
  }

  /** Item {@code itemId} of the meeting's agenda, if it is one of its items. */
  Future<Optional<AgendaItem>> agendaItem(long meetingId, long itemId) {
    return pool.preparedQuery(AGENDA_ITEM).execute(Tuple.of(meetingId, itemId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(item(rows.iterator().next())));
  }

  /** The last meeting of this level and chair that ended: the one whose tasks the next briefing opens with. */
  Future<Optional<Long>> lastEnded(String level, String chair) {
    return pool.preparedQuery(LAST_ENDED).execute(Tuple.of(level, chair))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  /** The people of the meeting as the pages name them: username, display name, agency (see people.sql). */
  Future<List<JsonObject>> people(long meetingId) {
    return pool.preparedQuery(PEOPLE).execute(Tuple.of(meetingId)).map(rows -> list(rows, r -> new JsonObject()
        .put("username", r.getString("username")).put("displayName", r.getString("display_name"))
        .put("agency", r.getString("agency_code"))));
  }

  /** Which of {@code usernames} are active users. */
  Future<Set<String>> activeUsers(Collection<String> usernames) {
    return pool.preparedQuery(ACTIVE_USERS).execute(Tuple.of(usernames.toArray(String[]::new))).map(rows -> {
      Set<String> found = new HashSet<>();
      rows.forEach(r -> found.add(r.getString(0)));
      return found;
    });
  }

  /** Starts the meeting on its first item, sharing that item's prepared {@code panel} (with its data) or none. */
  Future<Meeting> start(long id, JsonObject panel, JsonObject panelData) {
    return change(id, Step.START, START, Tuple.of(id, panel), panelData);
  }

  /** Moves the meeting to agenda item {@code item}, sharing its prepared {@code panel} (with its data) when it has one. */
  Future<Meeting> activate(long id, long item, JsonObject panel, JsonObject panelData) {
    return change(id, Step.ACTIVATE_ITEM, ACTIVATE_ITEM, Tuple.of(id, item, panel), panelData);
  }

  Future<Meeting> sharePanel(long id, JsonObject spec, JsonObject panelData) {
    return change(id, Step.SHARE_PANEL, SHARE_PANEL, Tuple.of(id, spec), panelData);
  }

  /** Highlights {@code highlight} for everyone, or clears it (null). */
  Future<Meeting> highlight(long id, JsonObject highlight) {
    return change(id, Step.HIGHLIGHT, HIGHLIGHT, Tuple.of(id, highlight), null);
  }

  /** Raises {@code username}'s hand (last in line) or lowers it. */
  Future<Meeting> hand(long id, String username, boolean raised) {
    return change(id, Step.HAND, HAND, Tuple.of(id, raised, username), null);
  }

  /** Gives the floor to {@code username} (lowering their hand), or to nobody (null). */
  Future<Meeting> floor(long id, String username) {
    return change(id, Step.FLOOR, FLOOR, Tuple.of(id, username), null);
  }

  /** Designates {@code username} the secretary, or none (null). */
  Future<Meeting> designateSecretary(long id, String username) {
    return change(id, Step.DESIGNATE_SECRETARY, SECRETARY, Tuple.of(id, username), null);
  }

  /** A participant joins, or renews an open stay (no event then: nobody sees a renewal). */
  Future<Meeting> join(long id, String username, String agency) {
    return pool.withTransaction(conn -> conn.preparedQuery(JOIN).execute(Tuple.of(id, username, agency)).compose(rows -> {
      if (rows.size() == 0) {
        return explain(conn, id, Step.JOIN);
      }
      if (rows.iterator().next().getBoolean("inserted")) {
        return conn.preparedQuery(VERSION).execute(Tuple.of(id)).compose(x -> recordEvent(conn, id, null));
      }
      return live(conn, id).map(Optional::orElseThrow);
    }));
  }

  /** A participant leaves: their stay ends and their hand is lowered. */
  Future<Meeting> leave(long id, String username) {
    return pool.withTransaction(conn -> conn.preparedQuery(LEAVE).execute(Tuple.of(id, username))
        .compose(x -> conn.preparedQuery(LEAVE_HAND).execute(Tuple.of(id, username)))
        .compose(rows -> rows.rowCount() > 0 ? recordEvent(conn, id, null) : explain(conn, id, Step.LEAVE)));
  }

  /** Ends the meeting: its panel, highlight and hands leave the screens, every open stay ends. */
  Future<Meeting> end(long id) {
    return pool.withTransaction(conn -> conn.preparedQuery(END).execute(Tuple.of(id)).compose(rows -> rows.rowCount() == 0
        ? explain(conn, id, Step.END)
        : conn.preparedQuery(END_STAYS).execute(Tuple.of(id)).compose(x -> recordEvent(conn, id, null))));
  }

  /** Records a decision on {@code item} (the current one when null) with the panel on screen now (or null). */
  Future<Decision.Recorded> decide(long id, Long item, String text, String by, JsonObject panel) {
    return record(id, Step.DECIDE, conn -> conn.preparedQuery(DECIDE).execute(Tuple.of(id, item, text, by, panel))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Decision.Recorded(decision(rows.iterator().next()), rows.iterator().next().getJsonObject("panel")))));
  }

  /**
   * Runs {@code work} (a {@code step} recorded in another table: a decision, a task) in a transaction; when it answers
   * a value, the meeting's version moves and its event is stored, so the change reaches the topic; when it answers
   * nothing, the step was not legal now.
   */
  <T> Future<T> record(long id, Step step, Function<SqlConnection, Future<Optional<T>>> work) {
    return pool.withTransaction(conn -> work.apply(conn).compose(done -> done.isEmpty()
        ? MeetingRepository.<T>explain(conn, id, step)
        : conn.preparedQuery(VERSION).execute(Tuple.of(id))
            .compose(x -> recordEvent(conn, id, null)).map(x -> done.get())));
  }

  /**
   * Runs {@code work}, a change of one of the meeting's tasks that fails by itself when it is not legal, in a
   * transaction with the meeting's event: its topic and the previous-tasks panels showing the task move at once.
   */
  <T> Future<T> recordTaskChange(long id, Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(conn -> work.apply(conn).compose(done -> conn.preparedQuery(VERSION).execute(Tuple.of(id))
        .compose(x -> recordEvent(conn, id, null)).map(x -> done)));
  }

  /**
   * Marks left whoever was not seen for {@code timeoutMs} in a meeting not ended (their hands lowered), one event
   * per meeting touched; answers those meetings' ids. A node that finds another sweeping skips this round.
   */
  Future<List<Long>> expireStale(long timeoutMs) {
    return pool.withTransaction(conn -> conn.preparedQuery(SWEEP_LOCK_SQL).execute(Tuple.of(SWEEP_LOCK))
        .compose(locked -> !locked.iterator().next().getBoolean(0) ? Future.succeededFuture(List.<Long>of())
            : conn.preparedQuery(EXPIRE_STAYS).execute(Tuple.of(timeoutMs)).compose(rows -> {
              SortedMap<Long, List<String>> gone = new TreeMap<>();
              rows.forEach(r -> gone.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getString(1)));
              Future<Void> chain = Future.succeededFuture();
              for (Map.Entry<Long, List<String>> e : gone.entrySet()) {
                chain = chain.compose(x -> conn.preparedQuery(EXPIRE_HANDS)
                    .execute(Tuple.tuple().addLong(e.getKey()).addArrayOfString(e.getValue().toArray(String[]::new)))
                    .compose(y -> recordEvent(conn, e.getKey(), null)).mapEmpty());
              }
              return chain.map(x -> List.copyOf(gone.keySet()));
            })));
  }

  /**
   * Applies {@code update} (it changes a row only when {@code step} is legal now, and bumps the version), then stores
   * the meeting's event, with {@code panelData} when the shared panel changed.
   */
  private Future<Meeting> change(long id, Step step, String update, Tuple params, JsonObject panelData) {
    return pool.withTransaction(conn -> conn.preparedQuery(update).execute(params)
        .compose(rows -> rows.rowCount() > 0 ? recordEvent(conn, id, panelData) : explain(conn, id, step)));
  }

  /** Why a change did not apply: there is no such meeting, or its state does not allow {@code step}. */
  private static <T> Future<T> explain(SqlConnection conn, long id, Step step) {
    return conn.preparedQuery(STATE).execute(Tuple.of(id)).compose(rows -> Future.failedFuture(rows.size() == 0
        ? Failure.notFound("no meeting " + id)
        : MeetingState.illegal(step, Phase.of(rows.iterator().next().getString(0)))));
  }

  /** Stores the meeting's event: its live state, with {@code panelData} when given. Answers the live state. */
  private static Future<Meeting> recordEvent(SqlConnection conn, long id, JsonObject panelData) {
    return live(conn, id).map(Optional::orElseThrow).compose(m -> {
      JsonObject payload = MeetingJson.live(m);
      if (panelData != null) {
        payload.put("panelData", panelData);
      }
      return conn.preparedQuery(RECORD_EVENT).execute(Tuple.of(id, m.version(), m.phase().code(), payload)).map(m);
    });
  }

  /** The live state, read through one connection: its statements are pipelined, one round trip in all. */
  private static Future<Optional<Meeting>> live(SqlClient client, long id) {
    Future<RowSet<Row>> row = client.preparedQuery(MEETING).execute(Tuple.of(id));
    Future<List<Stay>> presence = client.preparedQuery(PRESENCE).execute(Tuple.of(id))
        .map(rows -> list(rows, MeetingRepository::stay));
    Future<List<Decision>> decisions = client.preparedQuery(DECISIONS).execute(Tuple.of(id))
        .map(rows -> list(rows, MeetingRepository::decision));
    Future<List<Task>> tasks = TaskRepository.ofMeeting(client, id);
    return Future.all(row, presence, decisions, tasks).map(all -> row.result().size() == 0 ? Optional.empty()
        : Optional.of(meeting(row.result().iterator().next(), presence.result(), decisions.result(), tasks.result())));
  }

  private static Meeting meeting(Row r, List<Stay> presence, List<Decision> decisions, List<Task> tasks) {
    AgendaItem current = r.getLong("item_id") == null ? null : new AgendaItem(r.getLong("item_id"),
        r.getInteger("item_position"), r.getString("item_title"), r.getString("item_presenter"), r.getJsonObject("item_panel"));
    return new Meeting(r.getLong("id"), r.getInteger("version"), r.getString("title"), r.getString("level"),
        Phase.of(r.getString("state")), r.getOffsetDateTime("scheduled_at"), r.getString("chair"), r.getString("secretary"),
        r.getOffsetDateTime("started_at"), r.getOffsetDateTime("ended_at"), strings(r, "invited_agencies"),
        strings(r, "invited_people"), current, r.getJsonObject("panel"), r.getJsonObject("highlight"),
        strings(r, "raised_hands"), r.getString("floor"), presence, decisions, tasks);
  }

  private static AgendaItem item(Row r) {
    return new AgendaItem(r.getLong("id"), r.getInteger("position"), r.getString("title"), r.getString("presenter"),
        r.getJsonObject("panel"));
  }

  private static Stay stay(Row r) {
    return new Stay(r.getString("username"), r.getString("agency"), r.getOffsetDateTime("joined_at"),
        r.getOffsetDateTime("left_at"), r.getBoolean("late"));
  }

  private static Decision decision(Row r) {
    return new Decision(r.getLong("id"), r.getLong("item_id"), r.getString("text"), r.getString("recorded_by"),
        r.getOffsetDateTime("recorded_at"));
  }

  private static List<String> strings(Row r, String column) {
    String[] values = r.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }

  static <T> List<T> list(RowSet<Row> rows, Function<Row, T> read) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(read.apply(r)));
    return out;
  }

  private static Future<Void> batch(SqlConnection conn, String sql, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }
}
