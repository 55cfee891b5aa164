package vn.hanoi.cityops.alert;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hanoi.cityops.alert.Alerting.state;

/** KPI rules, evaluated at each clock tick (here every second): overdue dossiers of a district above a threshold. */
@NodeTest(config = "live.clockMs=1000")
class KpiAlertsIT {
  private static Api api;
  private static Alerting sre;

  @BeforeAll
  static void start(Api client) {
    api = client;
    sre = new Alerting(api, "sre");
  }

  @Test
  void districtWithMoreOverdueDossiersThanItsRuleAllowsFiresAtATickAndResolvesWhenTheyAreDone() {
    var rule = sre.send(HttpMethod.POST, "/api/v1/alert-rules", new JsonObject().put("code", "overdue.cg").put("kind",
        "district_overdue_above").put("subject", "CG").put("severity", "warning").put("threshold", 1));
    assertEquals(201, rule.statusCode(), rule.bodyAsString());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
    for (String id : new String[]{"kpi-1", "kpi-2"}) {
      assertEquals(202, api.postEvents(dossier(id, "received", now).encode()).statusCode());
    }
    JsonObject firing = sre.awaitAny("CG", a -> "overdue.cg".equals(a.getString("rule")) && "firing".equals(a.getString("state")));
    assertEquals(2.0, firing.getDouble("value"));
    assertEquals("Cầu Giấy: hơn 1 hồ sơ quá hạn", firing.getString("title"));

    assertEquals(202, api.postEvents(dossier("kpi-1", "completed", now.plusSeconds(1)).put("id", "kpi-1-done").encode()).statusCode());
    sre.awaitAny("CG", a -> "overdue.cg".equals(a.getString("rule")) && "resolved".equals(a.getString("state")));
  }

  private static JsonObject dossier(String id, String stage, OffsetDateTime at) {
    JsonObject e = Events.dossier(id, "CG", "HS-" + id, stage).put("occurredAt", at.toString())
        .put("receivedAt", at.minusDays(5).toString()).put("dueAt", at.minusDays(1).toString());
    if ("completed".equals(stage)) {
      e.put("completedAt", at.toString());
    }
    return e;
  }
}
