package vn.hanoi.cityops.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule would have done over a stretch of the past ("test a rule against the last hour"): its observations
 * replayed through {@link Conditions}, per subject and in time order, with time acting between them as the sweep
 * would ({@code forSeconds} before firing, {@code clearSeconds} before resolving). Answers each alert the rule would
 * have had: when it fired, the value then, the worst value while it held, and when it would have resolved (null: still
 * firing at the end). Nothing is stored and no alert is raised. Pure: no Vert.x, no I/O.
 */
final class RuleReplay {
  /** One observation of a subject: a health event's value, or a KPI's value at a minute. */
  record Sample(String subject, double value, Instant at) {
  }

  /** The observations of a KPI rule at one instant: a value per subject. */
  record Tick(Instant at, Map<String, Double> values) {
  }

  /**
   * An alert the rule would have had on {@code subject}: fired at {@code firedAt} with {@code value}; {@code worst}
   * the highest value while it held (the lowest for a rule whose condition is "below"); resolved at
   * {@code clearedAt}, null when it was still firing at the end.
   */
  record Firing(String subject, Instant firedAt, double value, double worst, Instant clearedAt) {
    Firing worse(double seen, boolean above) {
      return new Firing(subject, firedAt, value, above ? Math.max(worst, seen) : Math.min(worst, seen), clearedAt);
    }

    Firing cleared(Instant at) {
      return new Firing(subject, firedAt, value, worst, at);
    }
  }

  private RuleReplay() {
  }

  /**
   * The firings of {@code rule} given {@code samples} (any order; those before {@code from} only set the state at the
   * start, such as a system already down), up to {@code to}. A firing that resolved before {@code from} is left out.
   */
  static List<Firing> replay(Rule rule, List<Sample> samples, Instant from, Instant to) {
    Map<String, List<Sample>> bySubject = new LinkedHashMap<>();
    samples.stream().sorted(Comparator.comparing(Sample::at))
        .forEach(s -> bySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s));
    List<Firing> firings = new ArrayList<>();
    bySubject.forEach((subject, list) -> firings.addAll(subject(rule, subject, list, to)));
    return firings.stream()
        .filter(f -> f.clearedAt() == null || !f.clearedAt().isBefore(from))
        .sorted(Comparator.comparing(Firing::firedAt).thenComparing(Firing::subject))
        .toList();
  }

  /**
   * A KPI rule's ticks as samples: a subject a tick no longer lists (too few completions, nothing overdue) gets the
   * value that clears its condition, as the live evaluation gives it.
   */
  static List<Sample> samples(Rule rule, List<Tick> ticks) {
    double clear = rule.kind().above() ? 0 : 100;
    List<Sample> samples = new ArrayList<>();
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (Tick tick : ticks.stream().sorted(Comparator.comparing(Tick::at)).toList()) {
      tick.values().forEach((subject, value) -> samples.add(new Sample(subject, value, tick.at())));
      seen.addAll(tick.values().keySet());
      seen.stream().filter(s -> !tick.values().containsKey(s)).forEach(s -> samples.add(new Sample(s, clear, tick.at())));
    }
    return samples;
  }

  private static List<Firing> subject(Rule rule, String subject, List<Sample> samples, Instant to) {
    boolean above = rule.kind().above();
    List<Firing> firings = new ArrayList<>();
    Firing open = null;
    Conditions.State state = Conditions.State.NONE;
    for (Sample s : samples) {
      open = elapse(rule, state, s.at(), subject, open, firings);
      state = elapsed(rule, state, s.at());
      Conditions.Step step = Conditions.observe(rule, state, s.value(), s.at());
      switch (step.effect()) {
        case FIRE -> open = new Firing(subject, s.at(), s.value(), s.value(), null);
        case REFIRE, TOUCH -> open = open == null ? null : open.worse(s.value(), above);
        case RESOLVE -> {
          if (open != null) {
            firings.add(open.cleared(s.at()));
          }
          open = null;
        }
        case NONE -> {
        }
      }
      state = step.next();
    }
    open = elapse(rule, state, to, subject, open, firings);
    if (open != null) {
      firings.add(open);
    }
    return firings;
  }

  /** What time alone did before {@code now}: a pending condition fired, a clearing one resolved, at the due time. */
  private static Firing elapse(Rule rule, Conditions.State state, Instant now, String subject, Firing open,
                               List<Firing> firings) {
    Conditions.Step step = Conditions.elapse(rule, state, now);
    if (step.effect() == Conditions.Effect.FIRE) {
      double value = state.value() == null ? 0 : state.value();
      return new Firing(subject, state.since().plus(Duration.ofSeconds(rule.forSeconds())), value, value, null);
    }
    if (step.effect() == Conditions.Effect.RESOLVE && open != null) {
      firings.add(open.cleared(state.since().plus(Duration.ofSeconds(rule.clearSeconds()))));
      return null;
    }
    return open;
  }

  private static Conditions.State elapsed(Rule rule, Conditions.State state, Instant now) {
    return Conditions.elapse(rule, state, now).next();
  }
}
