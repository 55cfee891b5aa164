package vn.hanoi.cityops.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an escalation policy pages whom, for one outage (an alert group's episode): step 1 when it opens, each next
 * step after its delay while nobody has acknowledged, the whole policy again every {@code repeatEvery} (at most
 * {@code repeats} more times); once acknowledged and not resolved, a reminder to whoever acknowledged every
 * {@code remindEvery}. An acknowledgement or a resolution stops every page due after it. Pure: the engine asks
 * "what is due by now" on every node, and PostgreSQL's one claim per page makes each go out once.
 */
public final class Escalation {
  /** Who a step pages. */
  public enum Target { PRIMARY, SECONDARY, LEAD, USER }

  /** {@code after}: since the step before it (the first: since the outage opened). {@code username} for USER. */
  public record Step(Duration after, Target target, String username) {
    public Step {
      if (after.isNegative()) {
        throw new IllegalArgumentException("a step's delay is not negative");
      }
      if ((target == Target.USER) != (username != null)) {
        throw new IllegalArgumentException("a step names a user exactly when it pages a named user");
      }
    }
  }

  /** {@code repeatEvery}/{@code remindEvery}: null for never. */
  public record Policy(List<Step> steps, Duration repeatEvery, int repeats, Duration remindEvery) {
    public Policy {
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a policy has at least one step");
      }
      if (repeatEvery != null && (repeatEvery.isZero() || repeatEvery.isNegative())
          || remindEvery != null && (remindEvery.isZero() || remindEvery.isNegative())) {
        throw new IllegalArgumentException("repeat and reminder intervals are positive");
      }
      if (repeats < 0) {
        throw new IllegalArgumentException("repeats is not negative");
      }
    }

    /** From the outage's opening to the last step of one round. */
    Duration roundLength() {
      return steps.stream().map(Step::after).reduce(Duration.ZERO, Duration::plus);
    }
  }

  /** An outage as far as paging goes; {@code acknowledgedAt}/{@code resolvedAt} null while not. */
  public record Episode(Instant openedAt, Instant acknowledgedAt, Instant resolvedAt) {
    Instant stoppedAt() {
      if (acknowledgedAt == null) {
        return resolvedAt;
      }
      return resolvedAt == null || acknowledgedAt.isBefore(resolvedAt) ? acknowledgedAt : resolvedAt;
    }
  }

  /** A page that is due: {@code round} 0 is the first pass through the steps. */
  public record Page(int round, int step, Instant at) {
  }

  private Escalation() {
  }

  /** Every step page due by {@code now} (whether or not already sent): the engine claims the ones not sent yet. */
  public static List<Page> due(Policy policy, Episode episode, Instant now) {
    List<Page> pages = new ArrayList<>();
    Instant stop = episode.stoppedAt();
    int rounds = policy.repeatEvery() == null ? 1 : policy.repeats() + 1;
    for (int round = 0; round < rounds; round++) {
      Instant at = episode.openedAt().plus(roundStart(policy, round));
      for (int i = 0; i < policy.steps().size(); i++) {
        at = at.plus(policy.steps().get(i).after());
        if (at.isAfter(now) || stop != null && !at.isBefore(stop)) {
          return pages;
        }
        pages.add(new Page(round, i, at));
      }
    }
    return pages;
  }

  /** Reminders to whoever acknowledged, due by {@code now} (numbered from 1), while the outage is not resolved. */
  public static List<Instant> reminders(Policy policy, Episode episode, Instant now) {
    List<Instant> due = new ArrayList<>();
    if (policy.remindEvery() == null || episode.acknowledgedAt() == null) {
      return due;
    }
    Instant at = episode.acknowledgedAt().plus(policy.remindEvery());
    while (!at.isAfter(now) && (episode.resolvedAt() == null || at.isBefore(episode.resolvedAt()))) {
      due.add(at);
      at = at.plus(policy.remindEvery());
    }
    return due;
  }

  /** When the next page or reminder falls due after {@code now}; empty when nothing more will (so no timer). */
  public static Optional<Instant> next(Policy policy, Episode episode, Instant now) {
    if (episode.resolvedAt() != null) {
      return Optional.empty();
    }
    if (episode.acknowledgedAt() != null) {
      return policy.remindEvery() == null ? Optional.empty()
          : Optional.of(episode.acknowledgedAt().plus(policy.remindEvery().multipliedBy(
              reminders(policy, episode, now).size() + 1L)));
    }
    int rounds = policy.repeatEvery() == null ? 1 : policy.repeats() + 1;
    for (int round = 0; round < rounds; round++) {
      Instant at = episode.openedAt().plus(roundStart(policy, round));
      for (Step step : policy.steps()) {
        at = at.plus(step.after());
        if (at.isAfter(now)) {
          return Optional.of(at);
        }
      }
    }
    return Optional.empty();
  }

  /** A round starts when the one before ended plus the repeat interval. */
  private static Duration roundStart(Policy policy, int round) {
    return round == 0 ? Duration.ZERO : policy.roundLength().plus(policy.repeatEvery()).multipliedBy(round);
  }
}
