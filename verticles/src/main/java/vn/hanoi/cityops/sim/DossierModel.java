package vn.hanoi.cityops.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Administrative dossiers (hồ sơ TTHC): received, taken in hand within half a day, then completed on time,
 * completed late after some days overdue, or returned. Departments receive the most per agency, communes the
 * least each (but there are 579 of them); every agency has an on-time probability drawn once from the seed,
 * most between 88% and 98% and about one in eight a laggard between 60% and 80%.
 */
final class DossierModel {
  /** A procedure of the national catalogue and its legal processing time in working days. */
  record Procedure(String code, int legalDays) {
  }

  // Codes shaped like the national catalogue's (1.00xxxx, 2.00xxxx), grouped by the level that handles them;
  // plausible, not an authoritative mapping.
  private static final List<Procedure> COMMUNE = List.of(
      p("1.001193", 1), p("1.000894", 3), p("1.001022", 1), p("1.000656", 3), p("2.000908", 1),
      p("2.000884", 1), p("1.004873", 3), p("1.001695", 5), p("2.000986", 2), p("1.003005", 5),
      p("1.000419", 7), p("2.001263", 10), p("1.008901", 5), p("2.002161", 15));
  private static final List<Procedure> DISTRICT = List.of(
      p("2.000720", 3), p("1.009994", 15), p("1.004227", 10), p("2.000889", 5), p("1.001612", 7),
      p("2.001157", 10), p("1.003622", 5), p("1.010735", 12), p("2.000305", 4), p("1.004837", 15),
      p("2.002182", 8), p("1.000748", 6), p("1.008004", 10));
  private static final List<Procedure> CITY = List.of(
      p("1.001010", 3), p("2.000123", 15), p("1.004963", 10), p("1.005326", 5), p("2.001823", 7),
      p("1.000123", 12), p("2.000040", 8), p("1.002425", 15), p("1.006391", 4), p("2.001485", 10),
      p("1.004493", 6), p("2.000256", 2), p("1.001604", 9));
  private static final List<Procedure> ALL = Stream.of(COMMUNE, DISTRICT, CITY).flatMap(List::stream).toList();
  private static final Map<String, List<Procedure>> BY_LEVEL = Map.of("commune", COMMUNE, "district", DISTRICT, "city", CITY);
  private static final Map<String, Double> VOLUME = Map.of("city", 6.0, "district", 4.0, "commune", 1.0);

  private static final WeightedChoice<String> CHANNELS =
      WeightedChoice.of(List.of("online_full", "online_partial", "counter"), 10, 15, 75);
  private static final double RETURNED = 0.04;
  private static final double LAGGARDS = 0.12;
  private static final double LONG_OVERDUE = 0.25;

  private final SimDay day;
  private final SplittableRandom rng;
  private final WeightedChoice<HanoiSimulation.Agency> agencies;
  /** Looked up by code, never iterated, so its order cannot leak into the draws. */
  private final Map<String, Double> onTime = new HashMap<>();
  private final String prefix;
  private long next = 1;

  /** {@code agencies} sorted by code; {@code profiles} draws each agency's on-time probability, in that order. */
  DossierModel(List<HanoiSimulation.Agency> agencies, SimDay day, String runId, SplittableRandom rng, SplittableRandom profiles) {
    this.day = day;
    this.rng = rng;
    this.agencies = new WeightedChoice<>(agencies, a -> VOLUME.getOrDefault(a.level(), 1.0));
    this.prefix = "." + runId + "-";
    for (HanoiSimulation.Agency a : agencies) {
      boolean laggard = profiles.nextDouble() < LAGGARDS;
      onTime.put(a.code(), laggard ? 0.60 + 0.20 * profiles.nextDouble() : 0.88 + 0.10 * profiles.nextDouble());
    }
  }

  private static Procedure p(String code, int legalDays) {
    return new Procedure(code, legalDays);
  }

  boolean available() {
    return !agencies.isEmpty();
  }

  /** The chance that a dossier of {@code agency} is completed by its due date, before any overload delay. */
  double onTimeProbability(String agency) {
    return onTime.getOrDefault(agency, 0.0);
  }

  SimCase start(Instant received) {
    HanoiSimulation.Agency agency = agencies.pick(rng);
    List<Procedure> procedures = BY_LEVEL.getOrDefault(agency.level(), ALL);
    Procedure procedure = procedures.get(rng.nextInt(procedures.size()));
    String channel = CHANNELS.pick(rng);
    Instant due = received.plus(day.days(procedure.legalDays()));
    Instant inProgress = received.plus(day.days(0.1 + 0.4 * rng.nextDouble()));
    long window = Duration.between(inProgress, due).toMillis();
    String last;
    Instant end;
    if (rng.nextDouble() < RETURNED) {
      last = "returned";
      end = inProgress.plusMillis((long) (window * (0.1 + 0.8 * rng.nextDouble())));
    } else if (rng.nextDouble() < onTime.get(agency.code())) {
      last = "completed";
      // Never right at the deadline: a tick or two of delay must not turn an on-time dossier late.
      end = inProgress.plusMillis((long) (window * (0.2 + 0.75 * rng.nextDouble())));
    } else {
      last = "completed";
      double overdueDays = rng.nextDouble() < LONG_OVERDUE ? 1.5 + 3.5 * rng.nextDouble() : 0.1 + 1.4 * rng.nextDouble();
      end = due.plus(day.days(overdueDays));
    }
    String id = "H26." + agency.code() + prefix + next++;
    return new Dossier(id, agency.code(), procedure.code(), channel, received, SimEvents.iso(received), SimEvents.iso(due),
        inProgress, end, last);
  }

  /** Every event repeats the dossier's fields, so a consumer that missed one still knows the whole dossier. */
  private record Dossier(String id, String agency, String procedure, String channel, Instant received,
                         String receivedAt, String dueAt, Instant inProgress, Instant end, String last) implements SimCase {
    @Override
    public int steps() {
      return 3;
    }

    @Override
    public Instant plannedAt(int step) {
      return switch (step) {
        case 0 -> received;
        case 1 -> inProgress;
        default -> end;
      };
    }

    @Override
    public Map<String, Object> event(int step, Instant at, SimEvents events) {
      Map<String, Object> e = events.create("dossier", at);
      e.put("dossierId", id);
      e.put("agency", agency);
      e.put("procedure", procedure);
      e.put("channel", channel);
      String stage = switch (step) {
        case 0 -> "received";
        case 1 -> "in_progress";
        default -> last;
      };
      e.put("stage", stage);
      e.put("receivedAt", receivedAt);
      e.put("dueAt", dueAt);
      if ("completed".equals(stage)) {
        e.put("completedAt", SimEvents.iso(at));
      }
      return e;
    }
  }
}
