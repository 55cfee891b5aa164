package vn.hanoi.cityops.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.web.SchemaCheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HanoiSimulationTest {
  private static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
  private static final Duration STEP = Duration.ofMillis(200);
  private static final double RATE = 50;
  private static final int DAY_SECONDS = 60;
  private static final Duration RUN = Duration.ofMinutes(30);
  private static final long SEED = 20221230;
  private static final Pattern TIMESTAMP =
      Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?\\+07:00$");
  private static final Pattern PROCEDURE = Pattern.compile("^[0-9]+(\\.[0-9]+)*$");

  private static final Map<String, OffsetDateTime> PARSED = new HashMap<>();

  private static List<HanoiSimulation.Agency> agencies;
  private static Map<String, HanoiSimulation.Agency> byCode;
  private static List<String> systems;
  private static List<Map<String, Object>> events;

  @BeforeAll
  static void runHalfAnHour() {
    agencies = hanoiAgencies();
    byCode = agencies.stream().collect(Collectors.toMap(HanoiSimulation.Agency::code, a -> a));
    systems = lines("/reference/city-systems.csv").stream().map(l -> l.split(",", 2)[0]).toList();
    events = run(SEED, "test", RUN, new HanoiSimulation(SEED, RATE, DAY_SECONDS, agencies, systems, START, "test"));
  }

  // --- determinism -------------------------------------------------------------------------------------

  @Test
  void sameSeedAndClockGiveTheSameEvents() {
    List<Map<String, Object>> first = shortRun(42, agencies, systems);
    List<Map<String, Object>> second = shortRun(42, agencies, systems);
    assertFalse(first.isEmpty());
    assertEquals(first, second);
  }

  @Test
  void orderOfTheReferenceListsDoesNotChangeTheEvents() {
    List<HanoiSimulation.Agency> shuffled = new ArrayList<>(agencies);
    Collections.shuffle(shuffled, new java.util.Random(7));
    List<String> reversed = new ArrayList<>(systems);
    Collections.reverse(reversed);
    assertEquals(shortRun(42, agencies, systems), shortRun(42, shuffled, reversed));
  }

  @Test
  void differentSeedGivesDifferentEvents() {
    assertNotEquals(shortRun(42, agencies, systems), shortRun(43, agencies, systems));
  }

  // --- the contract of every event ---------------------------------------------------------------------

  @Test
  void everyShapeOfEventMatchesThePublishedEventSchema() {
    SchemaCheck schema = SchemaCheck.of("event.schema.json");
    // Validating all events takes seconds: take every shape (type, stage or status, fields present) a few
    // times, and a regular sample of the rest.
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> e = events.get(i);
      String shape = e.get("type") + "/" + e.getOrDefault("stage", e.get("status")) + "/" + new TreeMap<>(e).keySet();
      if (seen.merge(shape, 1, Integer::sum) <= 5 || i % 499 == 0) {
        assertEquals(List.of(), schema.check(new JsonObject(e)), () -> "event " + e);
      }
    }
    assertTrue(seen.size() >= 10, "shapes " + seen.keySet());
  }

  @Test
  void everyEventHasTheFieldsItsTypeRequires() {
    Map<String, List<String>> required = Map.of(
        "system.health", List.of("system", "status"),
        "dossier", List.of("dossierId", "agency", "procedure", "channel", "stage", "receivedAt", "dueAt"),
        "feedback", List.of("feedbackId", "channel", "category", "district", "status", "dueAt"));
    Set<Object> ids = new HashSet<>();
    for (Map<String, Object> e : events) {
      for (String field : List.of("id", "type", "occurredAt")) {
        assertNotNull(e.get(field), () -> field + " missing in " + e);
      }
      assertTrue(ids.add(e.get("id")), () -> "duplicate id " + e.get("id"));
      assertTrue(e.get("id").toString().startsWith("sim-test-"));
      for (String field : required.get(e.get("type").toString())) {
        assertNotNull(e.get(field), () -> field + " missing in " + e);
      }
      for (String field : List.of("occurredAt", "receivedAt", "dueAt", "completedAt")) {
        if (e.get(field) != null) {
          assertTrue(TIMESTAMP.matcher(e.get(field).toString()).matches(), () -> field + " badly formatted in " + e);
        }
      }
    }
  }

  @Test
  void everyCodeIsAKnownAgencySystemOrDistrictAndFitsTheColumn() {
    Set<String> systemCodes = new HashSet<>(systems);
    for (Map<String, Object> e : events) {
      switch (e.get("type").toString()) {
        case "system.health" -> assertTrue(systemCodes.contains(e.get("system").toString()), () -> "system in " + e);
        case "dossier" -> {
          assertTrue(byCode.containsKey(e.get("agency").toString()), () -> "agency in " + e);
          assertTrue(PROCEDURE.matcher(e.get("procedure").toString()).matches(), () -> "procedure in " + e);
          assertTrue(e.get("procedure").toString().length() <= 32);
        }
        default -> {
          HanoiSimulation.Agency district = byCode.get(e.get("district").toString());
          assertEquals("district", district.level(), () -> "district in " + e);
          if (e.get("agency") != null) {
            assertTrue(byCode.containsKey(e.get("agency").toString()), () -> "agency in " + e);
          }
        }
      }
      for (String field : List.of("system", "agency", "district", "commune")) {
        if (e.get(field) != null) {
          assertTrue(e.get(field).toString().length() <= 32, () -> field + " too long in " + e);
        }
      }
    }
  }

  @Test
  void datesOfADossierNeverPrecedeItsReceipt() {
    List<Map<String, Object>> dossiers = ofType("dossier");
    for (Map<String, Object> e : dossiers) {
      OffsetDateTime received = time(e, "receivedAt");
      assertFalse(time(e, "dueAt").isBefore(received), () -> "dueAt before receivedAt in " + e);
      assertFalse(time(e, "occurredAt").isBefore(received), () -> "occurredAt before receivedAt in " + e);
      if ("completed".equals(e.get("stage"))) {
        assertFalse(time(e, "completedAt").isBefore(received), () -> "completedAt before receivedAt in " + e);
      } else {
        assertNull(e.get("completedAt"), () -> "completedAt on a " + e.get("stage") + " event: " + e);
      }
    }
  }

  @Test
  void everyDossierGoesReceivedInProgressThenCompletedOrReturnedRepeatingItsFields() {
    Map<Object, List<Map<String, Object>>> byDossier = new HashMap<>();
    ofType("dossier").forEach(e -> byDossier.computeIfAbsent(e.get("dossierId"), k -> new ArrayList<>()).add(e));
    for (List<Map<String, Object>> history : byDossier.values()) {
      List<Object> stages = history.stream().map(e -> e.get("stage")).toList();
      assertTrue(List.of("received", "in_progress", "completed", "returned").containsAll(stages));
      assertEquals("received", stages.get(0), () -> "history " + history);
      if (stages.size() > 1) {
        assertEquals("in_progress", stages.get(1), () -> "history " + history);
      }
      assertTrue(stages.size() <= 3, () -> "history " + history);
      for (String field : List.of("agency", "procedure", "channel", "receivedAt", "dueAt")) {
        assertEquals(1, history.stream().map(e -> e.get(field)).distinct().count(), () -> field + " changed in " + history);
      }
    }
  }

  // --- system health -----------------------------------------------------------------------------------

  @Test
  void everySystemHeartbeatsEveryFiveSeconds() {
    Map<Object, Long> beats = ofType("system.health").stream()
        .collect(Collectors.groupingBy(e -> e.get("system"), Collectors.counting()));
    assertEquals(14, systems.size());
    assertEquals(new HashSet<>(systems), beats.keySet());
    long expected = RUN.toSeconds() / 5;
    beats.forEach((system, n) -> assertTrue(Math.abs(n - expected) <= 1, () -> system + " sent " + n + " heartbeats"));
  }

  @Test
  void latencyAndMessageFitTheStatus() {
    for (Map<String, Object> e : ofType("system.health")) {
      switch (e.get("status").toString()) {
        case "up" -> {
          int latency = (Integer) e.get("latencyMs");
          assertTrue(latency >= 40 && latency <= 400, () -> "latency of " + e);
          assertNull(e.get("message"));
        }
        case "degraded" -> {
          int latency = (Integer) e.get("latencyMs");
          assertTrue(latency >= 800 && latency <= 4000, () -> "latency of " + e);
          assertNotNull(e.get("message"));
        }
        default -> {
          assertEquals("down", e.get("status"));
          assertNull(e.get("latencyMs"));
          assertNotNull(e.get("message"));
        }
      }
    }
  }

  @Test
  void onlinePortalIsNotUpMoreOftenThanTheMedianSystem() {
    Map<Object, Long> notUp = new TreeMap<>();
    systems.forEach(s -> notUp.put(s, 0L));
    ofType("system.health").stream().filter(e -> !"up".equals(e.get("status")))
        .forEach(e -> notUp.merge(e.get("system"), 1L, Long::sum));
    List<Long> sorted = notUp.values().stream().sorted().toList();
    double median = (sorted.get(6) + sorted.get(7)) / 2.0;
    assertTrue(notUp.get("DVC-PORTAL") > median, () -> "not-up heartbeats per system " + notUp);
    assertTrue(notUp.get("DVC-PORTAL") > 2 * median, () -> "not-up heartbeats per system " + notUp);
  }

  // --- dossiers ----------------------------------------------------------------------------------------

  @Test
  void aboutAQuarterOfDossiersAreReceivedOnline() {
    List<Map<String, Object>> received = ofType("dossier", e -> "received".equals(e.get("stage")));
    long online = received.stream().filter(e -> e.get("channel").toString().startsWith("online_")).count();
    double share = online / (double) received.size();
    assertTrue(share >= 0.20 && share <= 0.30, "online share " + share);
  }

  @Test
  void dossiersAreCompletedBothOnTimeAndLateMostlyOnTime() {
    List<Map<String, Object>> completed = ofType("dossier", e -> "completed".equals(e.get("stage")));
    long late = completed.stream().filter(e -> time(e, "completedAt").isAfter(time(e, "dueAt"))).count();
    long onTime = completed.size() - late;
    assertTrue(late > 0, "no late completion");
    double share = onTime / (double) completed.size();
    assertTrue(share >= 0.85 && share <= 0.97, "on-time share " + share);
  }

  @Test
  void someAgenciesLagFarBehindTheOthers() {
    Map<Object, int[]> perAgency = new HashMap<>();
    for (Map<String, Object> e : ofType("dossier", e -> "completed".equals(e.get("stage")))) {
      int[] counts = perAgency.computeIfAbsent(e.get("agency"), k -> new int[2]);
      counts[0]++;
      if (!time(e, "completedAt").isAfter(time(e, "dueAt"))) {
        counts[1]++;
      }
    }
    List<Double> rates = perAgency.values().stream().filter(c -> c[0] >= 30).map(c -> c[1] / (double) c[0]).sorted().toList();
    assertTrue(rates.size() >= 20, "agencies with 30+ completions: " + rates.size());
    assertTrue(rates.get(0) < 0.80, "worst on-time rate " + rates.get(0));
    assertTrue(rates.get(rates.size() / 2) > 0.88, "median on-time rate " + rates.get(rates.size() / 2));
  }

  @Test
  void aFewPercentOfDossiersAreReturned() {
    List<Map<String, Object>> finished = ofType("dossier", e -> "completed".equals(e.get("stage")) || "returned".equals(e.get("stage")));
    long returned = finished.stream().filter(e -> "returned".equals(e.get("stage"))).count();
    double share = returned / (double) finished.size();
    assertTrue(share >= 0.02 && share <= 0.07, "returned share " + share);
  }

  @Test
  void departmentsReceiveMoreDossiersEachThanCommunes() {
    Map<String, Long> byLevel = ofType("dossier", e -> "received".equals(e.get("stage"))).stream()
        .collect(Collectors.groupingBy(e -> byCode.get(e.get("agency").toString()).level(), Collectors.counting()));
    Map<String, Long> agenciesByLevel = agencies.stream()
        .collect(Collectors.groupingBy(HanoiSimulation.Agency::level, Collectors.counting()));
    double perDepartment = byLevel.get("city") / (double) agenciesByLevel.get("city");
    double perDistrict = byLevel.get("district") / (double) agenciesByLevel.get("district");
    double perCommune = byLevel.get("commune") / (double) agenciesByLevel.get("commune");
    assertTrue(perDepartment > perDistrict && perDistrict > perCommune, byLevel.toString());
  }

  // --- feedback ----------------------------------------------------------------------------------------

  @Test
  void mostFeedbackArrivesThroughZalo() {
    List<Map<String, Object>> received = ofType("feedback", e -> "received".equals(e.get("status")));
    double zalo = received.stream().filter(e -> "zalo".equals(e.get("channel"))).count() / (double) received.size();
    assertTrue(zalo >= 0.60 && zalo <= 0.80, "zalo share " + zalo);
  }

  @Test
  void feedbackCommuneAlwaysBelongsToItsDistrict() {
    List<Map<String, Object>> feedback = ofType("feedback");
    long withCommune = 0;
    for (Map<String, Object> e : feedback) {
      if (e.get("commune") != null) {
        withCommune++;
        HanoiSimulation.Agency commune = byCode.get(e.get("commune").toString());
        assertNotNull(commune, () -> "unknown commune in " + e);
        assertEquals("commune", commune.level());
        assertEquals(e.get("district"), commune.parentCode(), () -> "commune of another district in " + e);
      }
    }
    double share = withCommune / (double) feedback.size();
    assertTrue(share >= 0.6 && share <= 0.8, "share with a commune " + share);
  }

  @Test
  void ratingComesOnlyWithTheAnswer() {
    List<Integer> ratings = new ArrayList<>();
    for (Map<String, Object> e : ofType("feedback")) {
      if ("answered".equals(e.get("status"))) {
        int rating = (Integer) e.get("rating");
        assertTrue(rating >= 1 && rating <= 5);
        ratings.add(rating);
      } else {
        assertNull(e.get("rating"), () -> "rating before the answer: " + e);
      }
    }
    double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
    assertTrue(mean >= 3.5 && mean <= 4.1, "mean rating " + mean);
  }

  @Test
  void feedbackIsAssignedToTheDistrictOrTheDepartmentInCharge() {
    Set<String> departments = Set.of("STNMT", "SGTVT", "SXD", "SCT", "SYT", "SGDDT", "VP-UBND");
    for (Map<String, Object> e : ofType("feedback")) {
      boolean assigned = !"received".equals(e.get("status"));
      assertEquals(assigned, e.get("agency") != null, () -> "agency presence in " + e);
      if (assigned) {
        assertTrue(e.get("agency").equals(e.get("district")) || departments.contains(e.get("agency").toString()),
            () -> "assigned to " + e.get("agency") + ": " + e);
      }
    }
  }

  // --- rate and memory ---------------------------------------------------------------------------------

  @Test
  void eventRateStaysWithinThirtyPercentOfTheTarget() {
    double perSecond = events.size() / (double) RUN.toSeconds();
    assertTrue(perSecond >= RATE * 0.7 && perSecond <= RATE * 1.3, "events per second " + perSecond);
    Instant lastTenMinutes = START.plus(RUN).minus(Duration.ofMinutes(10));
    long recent = events.stream().filter(e -> time(e, "occurredAt").toInstant().isAfter(lastTenMinutes)).count();
    double recentPerSecond = recent / 600.0;
    assertTrue(recentPerSecond >= RATE * 0.7 && recentPerSecond <= RATE * 1.3, "events per second, last 10 min " + recentPerSecond);
  }

  @Test
  void newCasesAreSkippedOnceTooManyAreInFlight() {
    HanoiSimulation small = new HanoiSimulation(SEED, RATE, DAY_SECONDS, agencies, systems, START, "cap", 100);
    Instant now = START;
    for (int i = 0; i < 1500; i++) {
      now = now.plus(STEP);
      small.tick(now);
      assertTrue(small.inFlight() <= 100, "in flight " + small.inFlight());
    }
    assertTrue(small.skippedStarts() > 0);
  }

  @Test
  void aLongPauseDoesNotReleaseABurst() {
    HanoiSimulation sim = new HanoiSimulation(SEED, RATE, DAY_SECONDS, agencies, systems, START, "pause");
    sim.tick(START.plusSeconds(1));
    List<Map<String, Object>> afterPause = sim.tick(START.plus(Duration.ofHours(1)));
    assertTrue(afterPause.size() <= systems.size() + RATE * 1.15 * 2 + 1, "events after the pause " + afterPause.size());
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private static List<Map<String, Object>> shortRun(long seed, List<HanoiSimulation.Agency> agencyList, List<String> systemList) {
    HanoiSimulation sim = new HanoiSimulation(seed, RATE, DAY_SECONDS, agencyList, systemList, START, "same");
    return run(seed, "same", Duration.ofMinutes(3), sim);
  }

  private static List<Map<String, Object>> run(long seed, String runId, Duration length, HanoiSimulation sim) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Instant now = START.plus(STEP); !now.isAfter(START.plus(length)); now = now.plus(STEP)) {
      out.addAll(sim.tick(now));
    }
    return out;
  }

  private static List<Map<String, Object>> ofType(String type) {
    return ofType(type, e -> true);
  }

  private static List<Map<String, Object>> ofType(String type, Predicate<Map<String, Object>> filter) {
    return events.stream().filter(e -> type.equals(e.get("type"))).filter(filter).toList();
  }

  private static OffsetDateTime time(Map<String, Object> e, String field) {
    // Memoized: a dossier's receivedAt and dueAt repeat in all its events, and parsing dominates the test time.
    return PARSED.computeIfAbsent(e.get(field).toString(), t -> OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /**
   * The 633 agencies as migration V0002 seeds them: the City People's Committee, 23 departments, 30 districts and
   * 579 communes {@code <district>-<NN>}.
   */
  private static List<HanoiSimulation.Agency> hanoiAgencies() {
    List<HanoiSimulation.Agency> list = new ArrayList<>();
    list.add(new HanoiSimulation.Agency("HN", "city", null));
    // A department's English name may hold an unquoted comma: only the first field matters here.
    lines("/reference/hanoi-departments.csv").forEach(l -> list.add(new HanoiSimulation.Agency(l.split(",", 3)[0], "city", null)));
    for (String line : lines("/reference/hanoi-districts.csv")) {
      String[] f = line.split(",");
      list.add(new HanoiSimulation.Agency(f[0], "district", null));
      int communes = Integer.parseInt(f[4].trim());
      for (int n = 1; n <= communes; n++) {
        list.add(new HanoiSimulation.Agency(String.format("%s-%02d", f[0], n), "commune", f[0]));
      }
    }
    assertEquals(1 + 23 + 30 + 579, list.size());
    return list;
  }

  /** The data lines of a CSV resource (header skipped). */
  private static List<String> lines(String resource) {
    try (InputStream in = HanoiSimulationTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().skip(1).filter(l -> !l.isBlank()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
