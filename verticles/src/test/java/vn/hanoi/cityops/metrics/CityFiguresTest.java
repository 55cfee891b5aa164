package vn.hanoi.cityops.metrics;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CityFiguresTest {
  private static final ReferenceData REFERENCE = new ReferenceData(Map.of(
      "HN", new ReferenceData.Agency("HN", "Hà Nội", "Hanoi", "city", null),
      "STP", new ReferenceData.Agency("STP", "Sở Tư pháp", "Department of Justice", "city", "HN"),
      "CG", new ReferenceData.Agency("CG", "Cầu Giấy", "Cau Giay", "district", "HN"),
      "CG-01", new ReferenceData.Agency("CG-01", "Phường 01", "Ward 01", "commune", "CG"),
      "CG-02", new ReferenceData.Agency("CG-02", "Phường 02", "Ward 02", "commune", "CG"),
      "BD", new ReferenceData.Agency("BD", "Ba Đình", "Ba Dinh", "district", "HN"),
      "BD-01", new ReferenceData.Agency("BD-01", "Phường 01", "Ward 01", "commune", "BD")),
      Set.of("WAN", "LGSP", "CKS"));
  private static final CityLabels LABELS = CityLabels.of(REFERENCE);
  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

  private final Map<String, Map<String, Object>> topics = new HashMap<>();

  private CityFigures read() {
    return CityFigures.read(t -> topics.getOrDefault(t, Map.of()), LABELS, NOW);
  }

  @Test
  void everyDossierAgencyCountsInItsDistrictAndLevelAndTheDepartmentsUnderTheCity() {
    assertEquals(List.of(new CityLabels.Scope("BD", "commune"), new CityLabels.Scope("BD", "district"),
        new CityLabels.Scope("CG", "commune"), new CityLabels.Scope("CG", "district"),
        new CityLabels.Scope("HN", "city")), LABELS.scopes());
    assertEquals(List.of("BD", "CG"), LABELS.districts());
  }

  @Test
  void downIsZeroUpAndDegradedAreOneAndANeverReportedSystemIsNotANumberButUnknownInTheStatus() {
    topics.put("systems", Map.of(
        "WAN", Map.of("status", "down", "latencyMs", 2500),
        "LGSP", Map.of("status", "degraded", "latencyMs", 800),
        "CKS", Map.of("status", "unknown")));
    CityFigures f = read();
    assertEquals(0, f.value(CityFigures.SYSTEM_UP, List.of("WAN")));
    assertEquals(1, f.value(CityFigures.SYSTEM_UP, List.of("LGSP")));
    assertTrue(Double.isNaN(f.value(CityFigures.SYSTEM_UP, List.of("CKS"))));
    assertEquals(2.5, f.value(CityFigures.SYSTEM_LATENCY, List.of("WAN")));
    assertTrue(Double.isNaN(f.value(CityFigures.SYSTEM_LATENCY, List.of("CKS"))));
    assertEquals(1, f.value(CityFigures.SYSTEM_STATUS, List.of("CKS", "unknown")));
    assertEquals(1, f.value(CityFigures.SYSTEM_STATUS, List.of("LGSP", "degraded")));
    assertEquals(0, f.value(CityFigures.SYSTEM_STATUS, List.of("LGSP", "up")));
  }

  @Test
  void dossiersOfCommunesAddUpUnderTheirDistrictApartFromTheDistrictsOwnCommittee() {
    topics.put("kpi.agency.CG-01", today(3, 1, 1, 4, 2));
    topics.put("kpi.agency.CG-02", today(2, 2, 0, 1, 0));
    topics.put("kpi.agency.CG", today(7, 0, 0, 0, 0));
    topics.put("kpi.agency.STP", today(1, 0, 1, 0, 0));
    CityFigures f = read();
    assertEquals(5, f.value(CityFigures.DOSSIERS_RECEIVED, List.of("CG", "commune")));
    assertEquals(7, f.value(CityFigures.DOSSIERS_RECEIVED, List.of("CG", "district")));
    assertEquals(4, f.value(CityFigures.DOSSIERS_COMPLETED, List.of("CG", "commune")), "on time plus late");
    assertEquals(3, f.value(CityFigures.DOSSIERS_ON_TIME, List.of("CG", "commune")));
    assertEquals(5, f.value(CityFigures.DOSSIERS_OPEN, List.of("CG", "commune")));
    assertEquals(2, f.value(CityFigures.DOSSIERS_OVERDUE, List.of("CG", "commune")));
    assertEquals(1, f.value(CityFigures.DOSSIERS_RECEIVED, List.of("HN", "city")));
    assertEquals(0, f.value(CityFigures.DOSSIERS_RECEIVED, List.of("BD", "commune")));
  }

  @Test
  void onlyOpenAlertsCountAndBriefingTasksAreOverdueByTheirDeadlineNotTheFlagTheyWerePublishedWith() {
    topics.put("alerts", Map.of(
        "1", Map.of("severity", "critical", "state", "firing"),
        "2", Map.of("severity", "critical", "state", "acknowledged"),
        "3", Map.of("severity", "critical", "state", "resolved")));
    topics.put("tasks", Map.of(
        "1", Map.of("state", "open", "deadline", "2026-12-03T07:59:00Z", "overdue", false),
        "2", Map.of("state", "in_progress", "deadline", "2026-12-04T00:00:00Z"),
        "3", Map.of("state", "done", "deadline", "2026-12-01T00:00:00Z", "overdue", true)));
    topics.put("feedback", Map.of("district.CG", Map.of("open", 4, "overdue", 1), "channel.zalo", Map.of("open", 4, "overdue", 1),
        "today", Map.of("open", 4)));
    CityFigures f = read();
    assertEquals(1, f.value(CityFigures.ALERTS_OPEN, List.of("critical", "firing")));
    assertEquals(1, f.value(CityFigures.ALERTS_OPEN, List.of("critical", "acknowledged")));
    assertEquals(2, f.value(CityFigures.TASKS_OPEN, List.of()));
    assertEquals(1, f.value(CityFigures.TASKS_OVERDUE, List.of()));
    assertEquals(4, f.value(CityFigures.FEEDBACK_OPEN_DISTRICT, List.of("CG")));
    assertEquals(1, f.value(CityFigures.FEEDBACK_OVERDUE_CHANNEL, List.of("zalo")));
    assertEquals(0, f.value(CityFigures.FEEDBACK_OPEN_CHANNEL, List.of("web")));
  }

  @Test
  void everyFamilyHasAFixedNumberOfSeriesFromTheReferenceData() {
    Map<String, Integer> sizes = new HashMap<>();
    CityMetrics.families(LABELS).forEach(f -> sizes.put(f.name(), f.series().size()));
    assertEquals(3, sizes.get(CityFigures.SYSTEM_UP));
    assertEquals(12, sizes.get(CityFigures.SYSTEM_STATUS));
    assertEquals(5, sizes.get(CityFigures.DOSSIERS_OVERDUE));
    assertEquals(2, sizes.get(CityFigures.FEEDBACK_OPEN_DISTRICT));
    assertEquals(6, sizes.get(CityFigures.ALERTS_OPEN));
    assertEquals(1, sizes.get(CityFigures.TASKS_OVERDUE));
  }

  private static Map<String, Object> today(long received, long onTime, long late, long backlog, long overdue) {
    return Map.of("today", Map.of("received", received, "completedOnTime", onTime, "completedLate", late,
        "backlog", backlog, "overdueNow", overdue));
  }
}
