package vn.hanoi.cityops.bus;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * Every live topic a screen can follow over {@code /ws}, with who may follow it: the one list the access decision,
 * the publishers and the pages use (the pages read it from {@code GET /api/v1/live/topics}). A topic is either one
 * name ({@code systems}) or a family of names, a prefix and a key ({@code kpi.district.CG}, {@code meeting.42}).
 */
public enum Topics {
  /** Every city system: status, latency, message, when it last reported. */
  SYSTEMS("systems", Access.CITY_DATA, Key.NONE),
  /** Today's dossier KPIs of the city. */
  KPI_CITY("kpi.city", Access.CITY_DATA, Key.NONE),
  /** Today's dossier KPIs of a district with its communes; key: the district's code. */
  KPI_DISTRICT("kpi.district.", Access.AGENCY_DATA, Key.DISTRICT),
  /** Today's dossier KPIs of one agency; key: its code. */
  KPI_AGENCY("kpi.agency.", Access.AGENCY_DATA, Key.AGENCY),
  /** Today's citizen feedback of the city. */
  FEEDBACK("feedback", Access.CITY_DATA, Key.NONE),
  /** Open alerts and their groups. */
  ALERTS("alerts", Access.CITY_DATA, Key.NONE),
  /** A briefing's shared screen; key: the meeting's id. */
  MEETING("meeting.", Access.PARTICIPANTS, Key.OWNED),
  /** Every agency's tasks given in briefings (the tasks page of a city-wide reader). */
  TASKS("tasks", Access.CITY_DATA, Key.NONE),
  /** The tasks of one agency and, for a district, of its communes; key: the agency's code. */
  TASKS_AGENCY("tasks.agency.", Access.AGENCY_DATA, Key.AGENCY);

  /** Who may follow a topic. */
  public enum Access {
    /** Whoever may read city-wide data. */
    CITY_DATA,
    /** Whoever may read the data of the agency the key names (its officers, a district's for its communes). */
    AGENCY_DATA,
    /** The people the capability that owns the topic says take part (a meeting's participants). */
    PARTICIPANTS
  }

  /** What the key of a family names; a topic whose key names nothing that exists is refused as unknown. */
  public enum Key {
    /** A single topic: no key. */
    NONE,
    /** A district's code (not a commune's, not a department's). */
    DISTRICT,
    /** Any agency's code: a department, a district or a commune. */
    AGENCY,
    /** Whatever the capability that owns the topic says (a meeting's id: its audience decides). */
    OWNED
  }

  /** A topic name read back: which topic, and the key of a family ({@code null} for a single name). */
  public record Match(Topics topic, String key) {
  }

  private final String name;
  private final Access access;
  private final Key key;

  Topics(String name, Access access, Key key) {
    this.name = name;
    this.access = access;
    this.key = key;
  }

  public Access access() {
    return access;
  }

  public Key key() {
    return key;
  }

  /** True for a family of names ({@code kpi.district.<code>}), false for one name. */
  public boolean family() {
    return name.endsWith(".");
  }

  /** The name of a single topic. */
  public String topic() {
    if (family()) {
      throw new IllegalStateException(name() + " is a family of topics: name one with topic(key)");
    }
    return name;
  }

  /** The name of one topic of a family. */
  public String topic(Object key) {
    if (!family()) {
      throw new IllegalStateException(name() + " is a single topic");
    }
    return name + key;
  }

  /** The topic a name belongs to, or empty for a name no topic has (a family needs a non-empty key). */
  public static Optional<Match> match(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    for (Topics t : values()) {
      if (t.family() ? topic.startsWith(t.name) && topic.length() > t.name.length() : topic.equals(t.name)) {
        return Optional.of(new Match(t, t.family() ? topic.substring(t.name.length()) : null));
      }
    }
    return Optional.empty();
  }

  /** For the pages: {@code {"SYSTEMS": "systems", "KPI_DISTRICT": "kpi.district.", ...}}. */
  public static JsonObject catalogue() {
    JsonObject names = new JsonObject();
    for (Topics t : values()) {
      names.put(t.name(), t.name);
    }
    return names;
  }
}
