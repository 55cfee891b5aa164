package vn.hanoi.cityops.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * The state machine behind every alert, one per rule and subject: whether the rule's condition holds (with
 * hysteresis), for how long, and whether this episode has an open alert. Flapping is damped twice: a condition
 * must hold {@code forSeconds} before it fires and stay clear {@code clearSeconds} before its alert resolves
 * (coming back meanwhile re-fires the open alert instead: its count goes up). Pure: no Vert.x, no I/O.
 */
public final class Conditions {
  /** A condition as stored ({@code alert_condition}); {@link #NONE} before the rule ever saw its subject. */
  public record State(boolean active, Instant since, boolean alerting, Double value) {
    public static final State NONE = new State(false, Instant.EPOCH, false, null);
  }

  /** What a step does to the alert of the rule and subject. */
  public enum Effect {
    /** Open an alert (or reopen the one resolved within the rule's reopen window). */
    FIRE,
    /** The condition came back while its alert was still open (waiting to clear): count it. */
    REFIRE,
    /** The condition cleared (and stayed clear long enough): resolve the open alert. */
    RESOLVE,
    /** The condition still holds and its alert is open: note that it was evaluated. */
    TOUCH,
    NONE
  }

  public record Step(State next, Effect effect) {
    /** Whether the stored condition must change (a touch alone does not). */
    public boolean changes(State before) {
      return next.active() != before.active() || next.alerting() != before.alerting()
          || !next.since().equals(before.since());
    }
  }

  private Conditions() {
  }

  /**
   * Whether {@code value} satisfies the rule, given whether the condition held before: an active condition
   * clears only past the clear threshold (hysteresis). Down and degraded rules see 1 (that status) or 0.
   */
  public static boolean holds(Rule rule, double value, boolean wasActive) {
    if (rule.kind() == Rule.Kind.SYSTEM_DOWN || rule.kind() == Rule.Kind.SYSTEM_DEGRADED) {
      return value >= 1;
    }
    double threshold = rule.threshold() == null ? 0 : rule.threshold();
    double limit = wasActive && rule.clearThreshold() != null ? rule.clearThreshold() : threshold;
    return rule.kind().above() ? value > limit : value < limit;
  }

  /** One observation at {@code now}. */
  public static Step observe(Rule rule, State current, double value, Instant now) {
    boolean holds = holds(rule, value, current.active());
    if (holds && !current.active()) {
      if (current.alerting()) {
        return new Step(new State(true, now, true, value), Effect.REFIRE);
      }
      boolean fireNow = rule.forSeconds() == 0;
      return new Step(new State(true, now, fireNow, value), fireNow ? Effect.FIRE : Effect.NONE);
    }
    if (!holds && current.active()) {
      if (current.alerting() && rule.clearSeconds() == 0) {
        return new Step(new State(false, now, false, value), Effect.RESOLVE);
      }
      return new Step(new State(false, now, current.alerting(), value), Effect.NONE);
    }
    return new Step(new State(current.active(), current.since(), current.alerting(), value),
        holds && current.alerting() ? Effect.TOUCH : Effect.NONE);
  }

  /** What time alone does: a pending condition fires after {@code forSeconds}, a clearing one resolves after {@code clearSeconds}. */
  public static Step elapse(Rule rule, State current, Instant now) {
    if (current.active() && !current.alerting()
        && !current.since().plus(Duration.ofSeconds(rule.forSeconds())).isAfter(now)) {
      return new Step(new State(true, current.since(), true, current.value()), Effect.FIRE);
    }
    if (!current.active() && current.alerting()
        && !current.since().plus(Duration.ofSeconds(rule.clearSeconds())).isAfter(now)) {
      return new Step(new State(false, current.since(), false, current.value()), Effect.RESOLVE);
    }
    return new Step(current, Effect.NONE);
  }
}
