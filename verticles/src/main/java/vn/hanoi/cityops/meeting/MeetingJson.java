package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one JSON shape of a briefing, for the REST answers, the {@code meeting} event's payload and the
 * {@code meeting.<id>} topic's values. It is the shape PostgreSQL's {@code jsonb_build_object} gave these answers when
 * SQL assembled them, to the byte: each object's keys in jsonb's order (shorter keys first, then bytewise), timestamps
 * as jsonb writes a {@code timestamptz} in a UTC session ({@code 2026-12-03T08:21:29.123456+00:00}, trailing zeros of
 * the fraction dropped), so the pages and every client read what they read before.
 */
final class MeetingJson {
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
      .appendOffset("+HH:MM", "+00:00")
      .toFormatter();
  private static final Comparator<String> JSONB_KEY_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
  /** The keys of the topic's {@code meeting} value, in the order the pages have always received them. */
  private static final List<String> HEADER = List.of("id", "version", "title", "level", "state", "scheduledAt",
      "chair", "secretary", "startedAt", "endedAt", "invitedAgencies", "invitedPeople");

  private MeetingJson() {
  }

  /** The live state: what the topic shows (but the panel's data) and what the meeting's event carries. */
  static JsonObject live(Meeting m) {
    return ordered(new JsonObject()
        .put("id", m.id()).put("version", m.version()).put("title", m.title()).put("level", m.level())
        .put("state", m.phase().code()).put("scheduledAt", time(m.scheduledAt()))
        .put("chair", m.chair()).put("secretary", m.secretary())
        .put("startedAt", time(m.startedAt())).put("endedAt", time(m.endedAt()))
        .put("invitedAgencies", strings(m.invitedAgencies())).put("invitedPeople", strings(m.invitedPeople()))
        .put("currentItem", m.currentItem() == null ? null : currentItem(m.currentItem()))
        .put("panel", copy(m.panel())).put("highlight", copy(m.highlight())).put("hands", strings(m.hands())).put("floor", m.floor())
        .put("presence", array(m.presence(), MeetingJson::presence))
        .put("decisions", array(m.decisions(), MeetingJson::decision))
        .put("tasks", array(m.tasks(), TaskJson::live)));
  }

  /** The live state with the whole record: decisions with their panels, tasks with their notes, agenda, every stay. */
  static JsonObject full(Meeting.Full f) {
    return live(f.meeting())
        .put("decisions", array(f.decisions(), MeetingJson::decision))
        .put("tasks", array(f.tasks(), TaskJson::full))
        .put("agenda", array(f.agenda(), MeetingJson::item))
        .put("attendance", array(f.attendance(), MeetingJson::stay))
        .put("durationMinutes", f.schedule().durationMinutes()).put("videoUrl", f.schedule().videoUrl())
        .put("invitationSequence", f.schedule().invitationSequence());
  }

  /** A meeting in a list. */
  static JsonObject listed(Meeting.Listed m) {
    return ordered(new JsonObject()
        .put("id", m.id()).put("title", m.title()).put("level", m.level()).put("state", m.phase().code())
        .put("scheduledAt", time(m.scheduledAt())).put("chair", m.chair())
        .put("startedAt", time(m.startedAt())).put("endedAt", time(m.endedAt()))
        .put("durationMinutes", m.schedule().durationMinutes()).put("videoUrl", m.schedule().videoUrl())
        .put("invitationSequence", m.schedule().invitationSequence()));
  }

  /** A decision as recorded, with the panel on screen then. */
  static JsonObject decision(Decision.Recorded r) {
    Decision d = r.decision();
    return ordered(new JsonObject()
        .put("id", d.id()).put("item", d.item()).put("text", d.text())
        .put("recordedBy", d.recordedBy()).put("recordedAt", time(d.recordedAt())).put("panel", copy(r.panel())));
  }

  /** A decision as every screen shows it: the snapshot stays in the record. */
  private static JsonObject decision(Decision d) {
    return ordered(new JsonObject()
        .put("id", d.id()).put("item", d.item()).put("text", d.text())
        .put("recordedBy", d.recordedBy()).put("recordedAt", time(d.recordedAt())));
  }

  private static JsonObject item(AgendaItem i) {
    return ordered(new JsonObject()
        .put("id", i.id()).put("position", i.position()).put("title", i.title()).put("presenter", i.presenter())
        .put("panel", copy(i.panel())));
  }

  private static JsonObject currentItem(AgendaItem i) {
    return ordered(new JsonObject()
        .put("id", i.id()).put("position", i.position()).put("title", i.title()).put("presenter", i.presenter()));
  }

  private static JsonObject presence(Stay s) {
    return ordered(new JsonObject()
        .put("username", s.username()).put("agency", s.agency()).put("joinedAt", time(s.joinedAt()))
        .put("late", s.late()));
  }

  private static JsonObject stay(Stay s) {
    return ordered(new JsonObject()
        .put("username", s.username()).put("agency", s.agency()).put("joinedAt", time(s.joinedAt()))
        .put("leftAt", time(s.leftAt())).put("late", s.late()));
  }

  /**
   * The topic's keys for a live state: {@code meeting} (its header), {@code item}, {@code panel}, {@code panelData}
   * (only when the state carries it, or null when no panel is shared), {@code highlight}, {@code hands}, {@code floor},
   * {@code presence}, {@code decisions}, {@code tasks}.
   */
  static Map<String, Object> values(JsonObject live) {
    Map<String, Object> v = new LinkedHashMap<>();
    JsonObject meeting = new JsonObject();
    for (String k : HEADER) {
      meeting.put(k, live.getValue(k));
    }
    v.put("meeting", meeting.getMap());
    v.put("item", map(live.getJsonObject("currentItem")));
    v.put("panel", map(live.getJsonObject("panel")));
    if (live.getJsonObject("panel") == null) {
      v.put("panelData", null);
    } else if (live.containsKey("panelData")) {
      v.put("panelData", map(live.getJsonObject("panelData")));
    }
    v.put("highlight", map(live.getJsonObject("highlight")));
    v.put("hands", live.getJsonArray("hands", new JsonArray()).getList());
    v.put("floor", live.getString("floor"));
    v.put("presence", live.getJsonArray("presence", new JsonArray()).getList());
    v.put("decisions", live.getJsonArray("decisions", new JsonArray()).getList());
    v.put("tasks", live.getJsonArray("tasks", new JsonArray()).getList());
    return v;
  }

  /** The phase and roster of a live state as an event carried it. */
  static MeetingState state(JsonObject live) {
    return new MeetingState(live.getLong("id"), MeetingState.Phase.of(live.getString("state")), live.getString("chair"),
        live.getString("secretary"), strings(live.getJsonArray("invitedPeople", new JsonArray())),
        strings(live.getJsonArray("invitedAgencies", new JsonArray())));
  }

  /** {@code t} as jsonb writes a {@code timestamptz} in a UTC session; null stays null. */
  static String time(OffsetDateTime t) {
    return t == null ? null : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** {@code o}'s keys in jsonb's order (shorter first, then bytewise); nested objects are left as they are. */
  static JsonObject ordered(JsonObject o) {
    Map<String, Object> sorted = new TreeMap<>(JSONB_KEY_ORDER);
    sorted.putAll(o.getMap());
    return new JsonObject(new LinkedHashMap<>(sorted));
  }

  static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> json) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(json.apply(i)));
    return out;
  }

  private static JsonArray strings(List<String> values) {
    return new JsonArray(new ArrayList<>(values));
  }

  private static List<String> strings(JsonArray values) {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add((String) v));
    return out;
  }

  private static JsonObject copy(JsonObject o) {
    return o == null ? null : o.copy();
  }

  private static Map<String, Object> map(JsonObject o) {
    return o == null ? null : o.getMap();
  }
}
