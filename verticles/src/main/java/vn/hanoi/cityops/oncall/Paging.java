package vn.hanoi.cityops.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is owed which message, by when: the pages of an outage's escalation policy that are due (each step's target
 * resolved to a person: the rotation's engineer at the step's time, the team lead, a named person), the latest
 * reminder due to whoever acknowledged, the all-clear to everyone paged, the handoff messages of a rotation. The
 * engine claims each {@link Intent} in PostgreSQL by its key (outage or rotation, kind, round, step, person), so
 * asking again, or on every node, sends nothing twice: targets are resolved at the step's due time, not at the
 * time of asking, so every node names the same person. Pure: no Vert.x, no I/O.
 */
public final class Paging {
  /** What a message is. */
  public enum Kind {
    PAGE, REMINDER, ALL_CLEAR, HANDOFF;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** A handoff message's {@code step}: to the engineer going off call, and to the one coming on. */
  public static final int OUTGOING = 0;
  public static final int INCOMING = 1;

  /**
   * One message owed: {@code round}/{@code step} of a page; for a reminder {@code round} is its number (1, 2, …);
   * for a handoff {@code step} is {@link #OUTGOING} or {@link #INCOMING}.
   */
  public record Intent(Kind kind, int round, int step, String username, Instant dueAt) {
  }

  /** Who a team pages: its lead, its escalation policy, its rotations (null when it has none in that layer). */
  public record Roster(String lead, Escalation.Policy policy, Rotation primary, Rotation secondary) {
  }

  private Paging() {
  }

  /**
   * The pages due by {@code now} for an outage that is neither acknowledged nor over (those are
   * {@link Escalation}'s to stop), each step's target resolved at its due time; a step whose target nobody fills
   * (no secondary rotation, nobody on call yet) pages nobody. And, once acknowledged by {@code acknowledgedBy}, the
   * latest reminder due: one that fell due while nothing could be sent is not sent late.
   */
  public static List<Intent> due(Roster roster, Escalation.Episode episode, String acknowledgedBy, Instant now) {
    List<Intent> intents = new ArrayList<>();
    Escalation.Policy policy = roster.policy();
    for (Escalation.Page page : Escalation.due(policy, episode, now)) {
      target(roster, policy.steps().get(page.step()), page.at())
          .ifPresent(person -> intents.add(new Intent(Kind.PAGE, page.round(), page.step(), person, page.at())));
    }
    List<Instant> reminders = Escalation.reminders(policy, episode, now);
    if (!reminders.isEmpty() && acknowledgedBy != null) {
      intents.add(new Intent(Kind.REMINDER, reminders.size(), 0, acknowledgedBy, reminders.get(reminders.size() - 1)));
    }
    return intents;
  }

  /** The person a step pages at {@code at}, if anyone fills that role then. */
  public static Optional<String> target(Roster roster, Escalation.Step step, Instant at) {
    return switch (step.target()) {
      case PRIMARY -> onCall(roster.primary(), at);
      case SECONDARY -> onCall(roster.secondary(), at);
      case LEAD -> Optional.ofNullable(roster.lead());
      case USER -> Optional.of(step.username());
    };
  }

  /** One all-clear to each person paged, once each, at {@code at} (when the outage was over). */
  public static List<Intent> allClear(Collection<String> paged, Instant at) {
    return new TreeSet<>(paged).stream().map(person -> new Intent(Kind.ALL_CLEAR, 0, 0, person, at)).toList();
  }

  /**
   * The handoff messages of {@code rotation} in {@code (after, until]}: at each change of the person on call, one to
   * the engineer going off call and one to the one coming on.
   */
  public static List<Intent> handoffs(Rotation rotation, Instant after, Instant until) {
    List<Intent> intents = new ArrayList<>();
    for (Instant at : rotation.handoffs(after, until)) {
      Optional<Rotation.Shift> outgoing = rotation.at(at.minusNanos(1));
      Optional<Rotation.Shift> incoming = rotation.at(at);
      outgoing.ifPresent(s -> intents.add(new Intent(Kind.HANDOFF, 0, OUTGOING, s.username(), at)));
      incoming.ifPresent(s -> intents.add(new Intent(Kind.HANDOFF, 0, INCOMING, s.username(), at)));
    }
    return intents;
  }

  private static Optional<String> onCall(Rotation rotation, Instant at) {
    return rotation == null ? Optional.empty() : rotation.at(at).map(Rotation.Shift::username);
  }
}
