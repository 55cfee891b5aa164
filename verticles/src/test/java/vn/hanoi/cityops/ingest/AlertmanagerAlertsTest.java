package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.config.AlertmanagerMapping;
import vn.hanoi.cityops.failure.Failure;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Alertmanager alerts as cityops health events: status, time, id and message. */
class AlertmanagerAlertsTest {
  private final AlertmanagerAlerts alerts = new AlertmanagerAlerts(new AlertmanagerMapping("cityops_system", Map.of()));

  private static JsonObject alert(String status, String severity) {
    JsonObject labels = new JsonObject().put("alertname", "ProbeFailing").put("cityops_system", "MOTCUA");
    if (severity != null) {
      labels.put("severity", severity);
    }
    return new JsonObject().put("status", status).put("labels", labels)
        .put("annotations", new JsonObject().put("summary", "one-stop shop unreachable"))
        .put("startsAt", "2026-12-03T09:00:00.123456789+07:00")
        .put("endsAt", "resolved".equals(status) ? "2026-12-03T09:30:00Z" : "0001-01-01T00:00:00Z")
        .put("fingerprint", "6f1c2b3a4d5e6f70");
  }

  private JsonObject only(JsonObject alert) {
    AlertmanagerAlerts.Translation t = alerts.translate(new JsonObject().put("version", "4").put("alerts", new JsonArray().add(alert)));
    assertEquals(1, t.events().size(), t.skipped().encode());
    return (JsonObject) t.events().get(0);
  }

  @Test
  void firingIsDownAtItsStartUnlessItsSeverityIsMild() {
    JsonObject critical = only(alert("firing", "critical"));
    assertEquals("down", critical.getString("status"));
    assertEquals("2026-12-03T09:00:00.123456789+07:00", critical.getString("occurredAt"));
    assertEquals("am:6f1c2b3a4d5e6f70:2026-12-03T02:00:00.123456789Z:firing", critical.getString("id"));
    assertEquals("one-stop shop unreachable", critical.getString("message"));
    assertEquals("down", only(alert("firing", null)).getString("status"));
    assertEquals("degraded", only(alert("firing", "warning")).getString("status"));
    assertEquals("degraded", only(alert("firing", "info")).getString("status"));
  }

  @Test
  void resolvedIsUpAtItsEndWithItsOwnId() {
    JsonObject up = only(alert("resolved", "critical"));
    assertEquals("up", up.getString("status"));
    assertEquals("2026-12-03T09:30Z", up.getString("occurredAt"));
    assertEquals("am:6f1c2b3a4d5e6f70:2026-12-03T02:00:00.123456789Z:resolved", up.getString("id"));
    assertEquals("resolved: one-stop shop unreachable", up.getString("message"));
  }

  @Test
  void theSameStartWrittenInAnotherOffsetIsTheSameEvent() {
    JsonObject utc = alert("firing", "critical").put("startsAt", "2026-12-03T02:00:00.123456789Z");
    assertEquals(only(alert("firing", "critical")).getString("id"), only(utc).getString("id"));
  }

  @Test
  void unmappedAlertsAreSkippedAndTheOthersKeepTheirAlertIndex() {
    JsonObject unmapped = alert("firing", "critical");
    unmapped.getJsonObject("labels").remove("cityops_system");
    AlertmanagerAlerts.Translation t = alerts.translate(new JsonObject().put("alerts",
        new JsonArray().add(unmapped).add(alert("firing", "critical"))));
    assertArrayEquals(new int[]{1}, t.indexes());
    assertEquals(0, t.skipped().getJsonObject(0).getInteger("index"));
  }

  @Test
  void aResolvedAlertWithoutARealEndIsInvalid() {
    JsonObject zeroEnd = alert("resolved", "critical").put("endsAt", "0001-01-01T00:00:00Z");
    Failure f = assertThrows(Failure.class, () -> only(zeroEnd));
    assertEquals("alerts.0.endsAt", f.details().getJsonObject(0).getString("field"));
  }

  @Test
  void aLongSummaryIsCutToWhatAnEventMessageHolds() {
    JsonObject longOne = alert("firing", "critical");
    longOne.getJsonObject("annotations").put("summary", "x".repeat(5_000));
    assertEquals(AlertmanagerAlerts.MAX_MESSAGE, only(longOne).getString("message").length());
  }
}
