package vn.hanoi.cityops.monitoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.dossier.Today;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city's state on {@code /metrics}: what events say shows up in the city families, and each family keeps the
 * series count the reference data fixes (14 systems, 30 districts, 61 dossier scopes: 30 districts' own committees,
 * their communes, the city level) however many districts, agencies and channels the events name.
 */
@NodeTest
class CityMetricsIT {
  private static final Map<String, Integer> SERIES = Map.ofEntries(
      Map.entry("cityops_system_up", 14),
      Map.entry("cityops_system_status", 14 * 4),
      Map.entry("cityops_system_latency_seconds", 14),
      Map.entry("cityops_dossiers_received_today", 61),
      Map.entry("cityops_dossiers_completed_today", 61),
      Map.entry("cityops_dossiers_completed_on_time_today", 61),
      Map.entry("cityops_dossiers_open", 61),
      Map.entry("cityops_dossiers_overdue", 61),
      Map.entry("cityops_feedback_open_by_district", 30),
      Map.entry("cityops_feedback_overdue_by_district", 30),
      Map.entry("cityops_feedback_open_by_channel", 3),
      Map.entry("cityops_feedback_overdue_by_channel", 3),
      Map.entry("cityops_alerts_open", 3 * 2),
      Map.entry("cityops_briefing_tasks_open", 1),
      Map.entry("cityops_briefing_tasks_overdue", 1));

  private static final String PROMTOOL = System.getProperty("cityops.promtool", "/usr/bin/promtool");

  @Test
  void eventsFromManyDistrictsShowInTheCityMetricsWhoseSeriesCountsStayFixed(Api api) {
    assertEquals(SERIES, cityFamilies(metrics(api)), "series per city family before any event");
    Today today = Today.begin();
    JsonArray events = new JsonArray()
        .add(health("m-h1", "WAN", "down", today))
        .add(health("m-h2", "LGSP", "degraded", today).put("latencyMs", 2400))
        .add(health("m-h3", "HOP", "up", today));
    String[] agencies = {"BD", "BD-01", "BD-02", "CG-03", "HK", "HK-04", "DD-05", "STP", "SGTVT", "HN"};
    for (int i = 0; i < agencies.length; i++) {
      events.add(dossier("m-d" + i, agencies[i], i % 3 == 0 ? "completed" : "received", today, i % 2 == 0));
    }
    String[] districts = {"BD", "CG", "HK", "DD", "TH", "LB"};
    String[] channels = {"zalo", "hotline", "web"};
    for (int i = 0; i < districts.length; i++) {
      events.add(feedback("m-f" + i, districts[i], channels[i % 3], today, i % 2 == 0));
    }
    var posted = api.postEvents(events.encode());
    assertEquals(202, posted.statusCode(), posted.bodyAsString());

    MetricsText shown = Wait.until(Duration.ofSeconds(20), () -> metrics(api),
        m -> m.value("cityops_dossiers_received_today", "district=\"BD\"", "level=\"commune\"") == 2
            && m.value("cityops_feedback_open_by_district", "district=\"LB\"") == 1
            && m.value("cityops_system_up", "system=\"WAN\"") == 0,
        "the events' figures on /metrics");
    assertEquals(1, shown.value("cityops_system_up", "system=\"LGSP\""), "degraded still answers");
    assertEquals(2.4, shown.value("cityops_system_latency_seconds", "system=\"LGSP\""));
    assertEquals(1, shown.value("cityops_system_status", "system=\"LGSP\"", "status=\"degraded\""));
    assertEquals(1, shown.value("cityops_system_status", "system=\"CKS\"", "status=\"unknown\""), "never reported");
    assertEquals(1, shown.value("cityops_dossiers_received_today", "district=\"BD\"", "level=\"district\""));
    assertEquals(3, shown.value("cityops_dossiers_received_today", "district=\"HN\"", "level=\"city\""),
        "the city's committee and two departments");
    for (String channel : channels) {
      assertEquals(2, shown.value("cityops_feedback_open_by_channel", "channel=\"" + channel + "\""), channel);
    }
    assertEquals(1, shown.value("cityops_feedback_overdue_by_district", "district=\"BD\""));
    assertEquals(0, shown.value("cityops_feedback_overdue_by_district", "district=\"CG\""));
    Wait.until(Duration.ofSeconds(20), () -> metrics(api),
        m -> m.value("cityops_alerts_open", "severity=\"critical\"", "state=\"firing\"") >= 1,
        "the down system's alert among the open alerts");
    assertEquals(SERIES, cityFamilies(metrics(api)), "series per city family after events from six districts");
  }

  @Test
  void promtoolFindsNothingToSayAboutTheCityMetricsNames(Api api) throws Exception {
    Process lint = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
    try (var in = lint.getOutputStream()) {
      in.write(api.get("/metrics").bodyAsString().getBytes(StandardCharsets.UTF_8));
    }
    String said = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(lint.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
    List<String> aboutCity = said.lines().filter(l -> SERIES.keySet().stream().anyMatch(l::contains)).toList();
    assertEquals(List.of(), aboutCity, "promtool check metrics on the city families");
  }

  private static MetricsText metrics(Api api) {
    return MetricsText.parse(api.get("/metrics").bodyAsString());
  }

  private static Map<String, Integer> cityFamilies(MetricsText m) {
    Map<String, Integer> families = new java.util.TreeMap<>(m.seriesByName("cityops_"));
    families.keySet().retainAll(SERIES.keySet());
    return families;
  }

  private static JsonObject health(String id, String system, String status, Today today) {
    return new JsonObject().put("id", id).put("type", "system.health").put("occurredAt", today.at(0.99).toString())
        .put("system", system).put("status", status).put("latencyMs", 120);
  }

  private static JsonObject dossier(String id, String agency, String stage, Today today, boolean pastDue) {
    Instant received = today.at(0.5);
    JsonObject e = new JsonObject().put("id", id).put("type", "dossier").put("occurredAt", today.at(0.9).toString())
        .put("dossierId", "HS-" + id).put("agency", agency).put("procedure", "1.000001").put("channel", "online_full")
        .put("stage", stage).put("receivedAt", received.toString())
        .put("dueAt", (pastDue ? today.at(0.8) : today.inDays(3)).toString());
    if ("completed".equals(stage)) {
      e.put("completedAt", today.at(0.9).toString());
    }
    return e;
  }

  private static JsonObject feedback(String id, String district, String channel, Today today, boolean pastDue) {
    return new JsonObject().put("id", id).put("type", "feedback").put("occurredAt", today.at(0.9).toString())
        .put("feedbackId", "PAKN-" + id).put("channel", channel).put("category", "Môi trường")
        .put("district", district).put("status", "received")
        .put("dueAt", (pastDue ? today.at(0.8) : today.inDays(3)).toString());
  }
}
