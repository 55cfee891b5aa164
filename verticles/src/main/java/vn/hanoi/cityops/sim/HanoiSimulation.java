package vn.hanoi.cityops.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The Hanoi simulation: system heartbeats, dossiers and citizen feedback at about {@code rate} events a
 * second. Pure and single-threaded; {@link #tick(Instant)} returns the events due since the previous tick.
 * The same seed and the same sequence of instants give the same events.
 * <p>
 * Heartbeats keep their schedule whatever the rate. The rest of the rate is a budget, refilled continuously,
 * spent first on stage changes that are due (oldest first; those over budget wait for the next tick) and then
 * on new dossiers and feedback, started at the pace that makes their whole lifecycles add up to the budget.
 */
public final class HanoiSimulation {
  /** An agency as the simulation needs it: {@code level} is {@code city}, {@code district} or {@code commune}. */
  public record Agency(String code, String level, String parentCode) {
  }

  static final int DEFAULT_MAX_IN_FLIGHT = 200_000;
  private static final double DOSSIER_SHARE = 0.75;
  /** Events a started case produces over its life: dossiers 3, feedback 4. */
  private static final double EVENTS_PER_START = DOSSIER_SHARE * 3 + (1 - DOSSIER_SHARE) * 4;
  /** Spare budget so that random bunching of due stage changes does not push the long-run rate below target. */
  private static final double HEADROOM = 1.15;
  private static final double BURST_SECONDS = 2;

  private record Pending(Instant due, long order, SimCase item, int step) {
  }

  private final SimEvents events;
  private final SystemHealthModel health;
  private final DossierModel dossiers;
  private final FeedbackModel feedback;
  private final SplittableRandom rng;
  private final double budgetPerSecond;
  private final double startsPerSecond;
  private final int maxInFlight;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::order));
  private Instant last;
  private long order;
  private double tokens;
  private double startCredit;
  private long skippedStarts;

  public HanoiSimulation(long seed, double rate, int daySeconds, List<Agency> agencies, List<String> systems,
                         Instant start, String runId) {
    this(seed, rate, daySeconds, agencies, systems, start, runId, DEFAULT_MAX_IN_FLIGHT);
  }

  HanoiSimulation(long seed, double rate, int daySeconds, List<Agency> agencies, List<String> systems,
                  Instant start, String runId, int maxInFlight) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a finite number of events per second >= 0, got " + rate);
    }
    // Sorted copies: the draws must not depend on the order (or hash order) the caller's collections had.
    List<Agency> sortedAgencies = agencies.stream().sorted(Comparator.comparing(Agency::code)).toList();
    List<String> sortedSystems = systems.stream().sorted().toList();
    SplittableRandom root = new SplittableRandom(seed);
    SimDay day = new SimDay(daySeconds);
    this.events = new SimEvents(runId);
    this.health = new SystemHealthModel(sortedSystems, start, root.split());
    this.dossiers = new DossierModel(sortedAgencies, day, runId, root.split(), root.split());
    this.feedback = new FeedbackModel(sortedAgencies, day, runId, root.split());
    this.rng = root.split();
    this.budgetPerSecond = Math.max(0, rate - health.beatsPerSecond());
    this.startsPerSecond = budgetPerSecond / EVENTS_PER_START;
    this.maxInFlight = maxInFlight;
    this.last = start.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The events due since the previous tick, all occurring at {@code now} (a clock going back counts as no time). */
  public List<Map<String, Object>> tick(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    if (at.isBefore(last)) {
      at = last;
    }
    double seconds = Duration.between(last, at).toMillis() / 1000.0;
    last = at;
    List<Map<String, Object>> out = new ArrayList<>();
    health.beats(at, events, out);
    double burst = Math.max(1, budgetPerSecond * HEADROOM * BURST_SECONDS);
    tokens = Math.min(burst, tokens + budgetPerSecond * HEADROOM * seconds);
    advanceDueCases(at, out);
    startCases(at, seconds, out);
    return out;
  }

  private void advanceDueCases(Instant at, List<Map<String, Object>> out) {
    while (tokens >= 1 && !pending.isEmpty() && !pending.peek().due().isAfter(at)) {
      Pending p = pending.poll();
      emit(p.item(), p.step(), at, out);
    }
  }

  private void startCases(Instant at, double seconds, List<Map<String, Object>> out) {
    // After a long pause, do not start a burst of cases for the whole gap.
    startCredit += startsPerSecond * Math.min(seconds, BURST_SECONDS);
    int starts = (int) startCredit;
    startCredit -= starts;
    for (int i = 0; i < starts; i++) {
      boolean dossier = rng.nextDouble() < DOSSIER_SHARE;
      if (tokens < 1 || pending.size() >= maxInFlight || !(dossiers.available() || feedback.available())) {
        skippedStarts++;
        continue;
      }
      SimCase item = dossier && dossiers.available() || !feedback.available() ? dossiers.start(at) : feedback.start(at);
      emit(item, 0, at, out);
    }
  }

  private void emit(SimCase item, int step, Instant at, List<Map<String, Object>> out) {
    out.add(item.event(step, at, events));
    tokens -= 1;
    if (step + 1 < item.steps()) {
      // At least a millisecond later, so one case never has two events in the same tick.
      Instant planned = item.plannedAt(step + 1);
      Instant due = planned.isAfter(at) ? planned : at.plusMillis(1);
      pending.add(new Pending(due, order++, item, step + 1));
    }
  }

  /** Dossiers and feedback started and not yet finished. */
  public int inFlight() {
    return pending.size();
  }

  /** New cases not started because the budget was spent or too many were in flight. */
  public long skippedStarts() {
    return skippedStarts;
  }

  /** The chance that a dossier of {@code agency} is completed by its due date, before any overload delay. */
  double onTimeProbability(String agency) {
    return dossiers.onTimeProbability(agency);
  }
}
