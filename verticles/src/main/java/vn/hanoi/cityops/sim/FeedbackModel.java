package vn.hanoi.cityops.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Citizen feedback (phản ánh, kiến nghị): mostly through the Zalo channel, located in a district (more
 * populous districts, counted by communes, report more) and often in one of its communes; assigned to the
 * district or to the department in charge of the subject, taken in hand, and answered within ten days
 * (some late), with a satisfaction rating on the answer.
 */
final class FeedbackModel {
  static final int DUE_DAYS = 10;

  private static final WeightedChoice<String> CHANNELS = WeightedChoice.of(List.of("zalo", "hotline", "web"), 70, 20, 10);
  private static final WeightedChoice<String> CATEGORIES = WeightedChoice.of(List.of(
          "Môi trường", "Giao thông", "Trật tự đô thị", "Đất đai - Xây dựng", "Điện - Nước",
          "An ninh trật tự", "Y tế", "Giáo dục", "Dịch vụ công"),
      18, 16, 20, 14, 10, 8, 5, 4, 5);
  /** The department answering a subject when the district does not; subjects absent here stay with the district. */
  private static final Map<String, String> DEPARTMENTS = Map.of(
      "Môi trường", "STNMT", "Giao thông", "SGTVT", "Đất đai - Xây dựng", "SXD", "Điện - Nước", "SCT",
      "Y tế", "SYT", "Giáo dục", "SGDDT", "Dịch vụ công", "VP-UBND");
  /** Ratings 1 to 5; mean 3.82. */
  private static final WeightedChoice<Integer> RATINGS = WeightedChoice.of(List.of(1, 2, 3, 4, 5), 5, 8, 17, 40, 30);
  private static final double IN_COMMUNE = 0.70;
  private static final double TO_DEPARTMENT = 0.35;
  private static final double LATE = 0.12;

  private final SimDay day;
  private final SplittableRandom rng;
  private final WeightedChoice<String> districts;
  /** Looked up by district, never iterated; each list is in code order. */
  private final Map<String, List<String>> communes = new HashMap<>();
  private final Set<String> agencyCodes = new HashSet<>();
  private final String prefix;
  private long next = 1;

  /** {@code agencies} sorted by code. */
  FeedbackModel(List<HanoiSimulation.Agency> agencies, SimDay day, String runId, SplittableRandom rng) {
    this.day = day;
    this.rng = rng;
    this.prefix = "PAKN-" + runId + "-";
    List<String> districtCodes = new ArrayList<>();
    for (HanoiSimulation.Agency a : agencies) {
      agencyCodes.add(a.code());
      if ("district".equals(a.level())) {
        districtCodes.add(a.code());
      } else if ("commune".equals(a.level()) && a.parentCode() != null) {
        communes.computeIfAbsent(a.parentCode(), d -> new ArrayList<>()).add(a.code());
      }
    }
    this.districts = new WeightedChoice<>(districtCodes, d -> Math.max(1, communes.getOrDefault(d, List.of()).size()));
  }

  boolean available() {
    return !districts.isEmpty();
  }

  SimCase start(Instant received) {
    String channel = CHANNELS.pick(rng);
    String category = CATEGORIES.pick(rng);
    String district = districts.pick(rng);
    List<String> inDistrict = communes.getOrDefault(district, List.of());
    String commune = !inDistrict.isEmpty() && rng.nextDouble() < IN_COMMUNE ? inDistrict.get(rng.nextInt(inDistrict.size())) : null;
    String department = DEPARTMENTS.get(category);
    String agency = department != null && agencyCodes.contains(department) && rng.nextDouble() < TO_DEPARTMENT
        ? department : district;

    Instant due = received.plus(day.days(DUE_DAYS));
    Instant assigned = received.plus(day.days(0.05 + 0.45 * rng.nextDouble()));
    Instant inProgress = assigned.plus(day.days(0.1 + 0.9 * rng.nextDouble()));
    boolean late = rng.nextDouble() < LATE;
    Instant answered = late
        ? due.plus(day.days(0.2 + 2.8 * rng.nextDouble()))
        : inProgress.plusMillis((long) (Duration.between(inProgress, due).toMillis() * (0.1 + 0.85 * rng.nextDouble())));
    int rating = RATINGS.pick(rng);
    if (late && rng.nextBoolean()) {
      rating = Math.max(1, rating - 1);
    }
    return new Feedback(prefix + next++, channel, category, district, commune, agency, SimEvents.iso(due),
        new Instant[] {received, assigned, inProgress, answered}, rating);
  }

  private static final class Feedback implements SimCase {
    private static final String[] STATUSES = {"received", "assigned", "in_progress", "answered"};

    private final String id;
    private final String channel;
    private final String category;
    private final String district;
    private final String commune;
    private final String agency;
    private final String dueAt;
    private final Instant[] plan;
    private final int rating;

    Feedback(String id, String channel, String category, String district, String commune, String agency, String dueAt,
             Instant[] plan, int rating) {
      this.id = id;
      this.channel = channel;
      this.category = category;
      this.district = district;
      this.commune = commune;
      this.agency = agency;
      this.dueAt = dueAt;
      this.plan = plan;
      this.rating = rating;
    }

    @Override
    public int steps() {
      return STATUSES.length;
    }

    @Override
    public Instant plannedAt(int step) {
      return plan[step];
    }

    @Override
    public Map<String, Object> event(int step, Instant at, SimEvents events) {
      Map<String, Object> e = events.create("feedback", at);
      e.put("feedbackId", id);
      e.put("channel", channel);
      e.put("category", category);
      e.put("district", district);
      if (commune != null) {
        e.put("commune", commune);
      }
      if (step >= 1) {
        e.put("agency", agency);
      }
      e.put("status", STATUSES[step]);
      e.put("dueAt", dueAt);
      if (step == STATUSES.length - 1) {
        e.put("rating", rating);
      }
      return e;
    }
  }
}
