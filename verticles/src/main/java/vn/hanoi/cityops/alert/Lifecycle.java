package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of an alert's life: {@code firing} → {@code acknowledged} → {@code resolved}, and what else can happen
 * to it (re-fired, reopened, escalated, silenced, regrouped). For each action, the states it starts from and the
 * state it leads to; how escalation raises the severity; which group a firing joins; and the words a person is
 * told when a change is refused. PostgreSQL still decides under concurrency: its conditional updates apply these
 * rules under the row lock ({@code sql/alert/acknowledge.sql}, {@code resolve.sql}, {@code escalate.sql} take them as
 * parameters), so of two simultaneous changes one wins and the other is refused with these messages. Pure: no
 * Vert.x runtime, no I/O (JSON only for the details of a refusal).
 */
public final class Lifecycle {
  public static final String FIRING = "firing";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";
  private static final Set<String> OPEN = Set.of(FIRING, ACKNOWLEDGED);

  /** The severities, lowest first: escalation moves an alert one step up, the top stays the top. */
  public static final List<String> SEVERITIES = List.of("info", "warning", "critical");
  /** An unacknowledged alert escalates at most this many times. */
  public static final int MAX_ESCALATIONS = 3;

  /** What happens to an alert; {@link #code()} is how the transitions, the audit log and the webhooks name it. */
  public enum Action {
    /** A new alert, firing: the rule's condition began to hold. */
    FIRE(Set.of()),
    /** The condition came back while its alert was still open: counted again, state kept. */
    REFIRE(OPEN),
    /** A resolved alert fires again within its rule's reopen window: firing again, unacknowledged. */
    REOPEN(Set.of(RESOLVED)),
    /** An outage upstream gathered the open alert into its group, state kept. */
    REGROUP(OPEN),
    /** Someone looks into it: firing → acknowledged. */
    ACKNOWLEDGE(Set.of(FIRING)),
    /** By a person, or by itself when the condition cleared (or its rule was deleted or disabled): → resolved. */
    RESOLVE(OPEN),
    /** Left firing, unacknowledged and unsilenced, past its rule's escalation time: one severity up, state kept. */
    ESCALATE(Set.of(FIRING)),
    /** A silence now covers the open alert, state kept. */
    SILENCE(OPEN),
    /** No silence covers the open alert any more, state kept. */
    UNSILENCE(OPEN);

    private final Set<String> from;

    Action(Set<String> from) {
      this.from = from;
    }

    /** The states this action applies to (none: it makes a new alert). */
    public Set<String> from() {
      return from;
    }

    /** {@code from()} as an array, the parameter of the statement that applies the action under the row lock. */
    String[] fromStates() {
      return from.stream().sorted().toArray(String[]::new);
    }

    public String code() {
      return name().toLowerCase();
    }
  }

  private Lifecycle() {
  }

  /** Whether an alert in {@code state} is open: anything but resolved. */
  public static boolean open(String state) {
    return !RESOLVED.equals(state);
  }

  /** {@link #SEVERITIES} as an array, the parameter of the escalation statement. */
  static String[] severityLadder() {
    return SEVERITIES.toArray(new String[0]);
  }

  /**
   * The group a firing of {@code rule} on {@code subject} joins: the group of an open outage of a system it depends
   * on ({@code upstreamGroup}, the common cause), else its own ({@code system:<code>}, or {@code subject:<code>} for a
   * KPI).
   */
  public static String group(Rule rule, String subject, String upstreamGroup) {
    if (upstreamGroup != null) {
      return upstreamGroup;
    }
    return (rule.kind().system() ? "system:" : "subject:") + subject;
  }

  /**
   * Why {@code action} by a person on alert {@code id} was refused: it does not exist ({@code 404}), or its state
   * does not allow it ({@code 409 illegal_transition}, saying who got there first).
   */
  public static Failure refusal(long id, Action action, Optional<Alert> current) {
    if (current.isEmpty()) {
      return Failure.notFound("no alert " + id);
    }
    Alert c = current.get();
    String message = RESOLVED.equals(c.state())
        ? "alert " + id + " is already resolved (by " + c.resolvedBy() + " at " + iso(c.resolvedAt()) + "); it cannot be "
            + (action == Action.ACKNOWLEDGE ? "acknowledged" : "resolved again")
        : "alert " + id + " is already acknowledged by " + c.acknowledgedBy() + " at " + iso(c.acknowledgedAt());
    return new Failure(Failure.Kind.CONFLICT, "illegal_transition", message, new JsonArray()
        .add(new JsonObject().put("state", c.state()).put("action", action.code())
            .put("acknowledgedBy", c.acknowledgedBy())
            .put("resolvedBy", c.resolvedBy())));
  }

  /**
   * Why a person may not resolve alert {@code id}: its condition still holds (since {@code since}, at {@code value}),
   * and an alert resolved by hand while it holds would not fire again until the condition cleared, hiding the
   * outage ({@code 409 condition_holds}). It resolves by itself when the condition clears; to quiet it meanwhile,
   * acknowledge or silence it.
   */
  public static Failure stillHolds(long id, OffsetDateTime since, Double value) {
    return new Failure(Failure.Kind.CONFLICT, "condition_holds", "alert " + id + " cannot be resolved by hand: its condition "
        + "still holds (since " + iso(since) + (value == null ? "" : ", value " + value) + "); it resolves by itself when "
        + "the condition clears; acknowledge or silence it to quiet it meanwhile", new JsonArray()
        .add(new JsonObject().put("holdingSince", iso(since)).put("value", value)));
  }

  /** Why ending silence {@code id} was refused: there is none ({@code 404}), or it already ended ({@code 409}). */
  public static Failure silenceRefusal(long id, boolean exists) {
    return exists
        ? Failure.illegalTransition("silence " + id + " has already ended")
        : Failure.notFound("no silence " + id);
  }

  private static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
