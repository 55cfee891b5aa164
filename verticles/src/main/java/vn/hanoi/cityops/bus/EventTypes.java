package vn.hanoi.cityops.bus;

/** The types of the events in the event log, as the {@code event.type} column and the feed name them. */
public final class EventTypes {
  /** Ingested: a city system's status and latency. */
  public static final String SYSTEM_HEALTH = "system.health";
  /** Ingested: a dossier's stage. */
  public static final String DOSSIER = "dossier";
  /** Ingested: a citizen's feedback. */
  public static final String FEEDBACK = "feedback";
  /** A clock tick stored by every node (figures that move with time alone recompute on it). */
  public static final String CLOCK = "clock";
  /** An alert changed (fired, acknowledged, escalated, resolved…): its payload is the alert. */
  public static final String ALERT = "alert";
  /** A briefing changed: its payload is the meeting's live state. */
  public static final String MEETING = "meeting";

  private EventTypes() {
  }
}
