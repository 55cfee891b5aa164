package vn.hanoi.cityops.meeting;

import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.failure.Failure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A briefing's state machine and roster: which {@link Phase} it is in, which {@link Step} is legal in which phase,
 * who drives it (its chair and secretary) and who takes part (those, the invited people, and the officers of an
 * invited agency or of its district). A route checks here before it writes and answers with these failures; the
 * repository's conditional writes decide again under concurrency (across nodes) and explain a refusal with
 * {@link #illegal}. Pure: no Vert.x, no I/O.
 */
public record MeetingState(long id, Phase phase, String chair, String secretary, List<String> invitedPeople,
                           List<String> invitedAgencies) {

  /** Where a briefing is: scheduled, then in progress, then ended; or cancelled before it started; never back. */
  public enum Phase {
    SCHEDULED("scheduled"),
    IN_PROGRESS("in_progress"),
    ENDED("ended"),
    CANCELLED("cancelled");

    private final String code;

    Phase(String code) {
      this.code = code;
    }

    /** As stored and as the API spells it. */
    public String code() {
      return code;
    }

    public static Phase of(String code) {
      for (Phase p : values()) {
        if (p.code.equals(code)) {
          return p;
        }
      }
      throw new IllegalArgumentException("no meeting state '" + code + "'");
    }
  }

  /** Who may take a step. */
  public enum Who {
    /** The chair and the secretary. */
    DRIVERS,
    /** The chair alone. */
    CHAIR,
    /** Whoever takes part ({@link #takesPart}) or may read city-wide data: who may read the meeting. */
    PARTICIPANTS,
    /**
     * Whoever takes part ({@link #takesPart}) or may run briefings (a city leader sits in on any): who may join,
     * leave and raise a hand. Reading city-wide data is no invitation.
     */
    ATTENDEES,
    /** The chair, or anyone who may schedule briefings (a leader). */
    ORGANIZERS
  }

  /** What can be done to a briefing: who may, in which phases, and what a refusal in another phase says. */
  public enum Step {
    START(Who.DRIVERS, "only a scheduled meeting can start", Phase.SCHEDULED),
    ACTIVATE_ITEM(Who.DRIVERS, "agenda items are activated while the meeting is in progress", Phase.IN_PROGRESS),
    SHARE_PANEL(Who.DRIVERS, "a panel is shared while the meeting is in progress", Phase.IN_PROGRESS),
    HIGHLIGHT(Who.DRIVERS, "highlights are shown while the meeting is in progress", Phase.IN_PROGRESS),
    FLOOR(Who.DRIVERS, "the floor is given while the meeting is in progress", Phase.IN_PROGRESS),
    HAND(Who.ATTENDEES, "hands are raised while the meeting is in progress", Phase.IN_PROGRESS),
    JOIN(Who.ATTENDEES, "a meeting that ended cannot be joined", Phase.SCHEDULED, Phase.IN_PROGRESS),
    LEAVE(Who.ATTENDEES, "the meeting ended", Phase.SCHEDULED, Phase.IN_PROGRESS),
    END(Who.DRIVERS, "only a meeting in progress can end", Phase.IN_PROGRESS),
    DECIDE(Who.DRIVERS, "decisions are recorded while the meeting is in progress, on one of its agenda items",
        Phase.IN_PROGRESS),
    ASSIGN_TASK(Who.DRIVERS, "tasks are assigned while the meeting is in progress, on one of its agenda items",
        Phase.IN_PROGRESS),
    DESIGNATE_SECRETARY(Who.CHAIR, "the secretary is designated until the meeting ends", Phase.SCHEDULED,
        Phase.IN_PROGRESS),
    /** Changing its title, time, length, video link, chair, secretary, invitations or agenda: before it starts. */
    EDIT(Who.ORGANIZERS, "only a scheduled meeting can be changed", Phase.SCHEDULED),
    CANCEL(Who.ORGANIZERS, "only a scheduled meeting can be cancelled", Phase.SCHEDULED),
    /** Reading the meeting, its shared panel's data, its minutes and its calendar: in every phase. */
    READ(Who.PARTICIPANTS, "", Phase.SCHEDULED, Phase.IN_PROGRESS, Phase.ENDED, Phase.CANCELLED);

    private final Who who;
    private final String illegal;
    private final Set<Phase> legalIn;

    Step(Who who, String illegal, Phase first, Phase... more) {
      this.who = who;
      this.illegal = illegal;
      this.legalIn = EnumSet.of(first, more);
    }

    public Who who() {
      return who;
    }

    public boolean legalIn(Phase phase) {
      return legalIn.contains(phase);
    }
  }

  public MeetingState {
    invitedPeople = List.copyOf(invitedPeople);
    invitedAgencies = List.copyOf(invitedAgencies);
  }

  /** The chair and the secretary drive the shared screen and record decisions and tasks. */
  public boolean drives(String username) {
    return username.equals(chair) || username.equals(secretary);
  }

  /**
   * The chair, the secretary, an invited person, or an officer of an invited agency (or of its district): who may
   * follow the meeting's topic. Reading city-wide data is no invitation.
   */
  public boolean takesPart(Principal who, AccessControl access) {
    if (drives(who.username()) || invitedPeople.contains(who.username())) {
      return true;
    }
    for (String agency : invitedAgencies) {
      if (access.coversAgency(who.agency(), agency)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code who} may take {@code step} (whatever the phase). */
  public boolean may(Step step, Principal who, AccessControl access) {
    return switch (step.who) {
      case DRIVERS -> drives(who.username());
      case CHAIR -> who.username().equals(chair);
      case PARTICIPANTS -> takesPart(who, access) || access.allows(who, Action.READ_CITY_DATA);
      case ATTENDEES -> takesPart(who, access) || access.allows(who, Action.RUN_MEETINGS);
      case ORGANIZERS -> who.username().equals(chair) || access.allows(who, Action.RUN_MEETINGS);
    };
  }

  /** This state, when {@code who} may take {@code step}; else {@code forbidden}, saying who may. */
  public MeetingState authorize(Step step, Principal who, AccessControl access) {
    if (!may(step, who, access)) {
      throw Failure.forbidden(switch (step.who) {
        case DRIVERS -> "only the chair and the secretary of meeting " + id + " drive it";
        case CHAIR -> "only the chair of meeting " + id + " designates its secretary";
        case PARTICIPANTS, ATTENDEES -> "you are not invited to meeting " + id;
        case ORGANIZERS -> "only the chair of meeting " + id + " or a leader changes or cancels it";
      });
    }
    return this;
  }

  /** This state, when {@code step} is legal in its phase; else {@link #illegal}. */
  public MeetingState require(Step step) {
    if (!step.legalIn(phase)) {
      throw illegal(step, phase);
    }
    return this;
  }

  /**
   * This state, when {@code who} may raise ({@code raised}) or lower the hand of {@code whose}: anyone their own, and
   * those who drive someone else's lowered; else {@code forbidden}.
   */
  public MeetingState authorizeHand(String whose, boolean raised, Principal who) {
    if (!whose.equals(who.username()) && (raised || !drives(who.username()))) {
      throw Failure.forbidden("only the chair lowers someone else's hand");
    }
    return this;
  }

  /** The refusal of {@code step} in {@code phase}: {@code illegal_transition}, saying when it is legal and where the meeting is. */
  public static Failure illegal(Step step, Phase phase) {
    return Failure.illegalTransition(step.illegal + " (the meeting is " + phase.code() + ")");
  }
}
