package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.history.Rollups;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live figures that move with time alone: clock ticks in the event log, counted nowhere. */
@NodeTest(config = "live.clockMs=1000")
class LiveClockIT {
  private static Node node;
  private static Api api;
  private static String operator;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    operator = api.token("operator");
  }

  private static JsonObject today(JsonObject message) {
    return message.getJsonObject("data").getJsonObject("today");
  }

  @Test
  void dossierPassingItsDueTimeRaisesOverdueNowOnTheCityTopicWithNoFurtherEvent(Vertx vertx) {
    LiveClient screen = LiveClient.connect(vertx, node, operator).subscribe("kpi.city", null);
    long overdueBefore = today(screen.next(m -> "snapshot".equals(m.getString("kind")))).getLong("overdueNow");

    OffsetDateTime now = OffsetDateTime.now();
    api.postEvents(Events.dossier("due-soon-1", "CG-05", "H-due-soon", "in_progress")
        .put("occurredAt", now.toString()).put("receivedAt", now.toString())
        .put("dueAt", now.plusSeconds(2).toString()).encode());
    JsonObject received = screen.next(m -> "delta".equals(m.getString("kind")) && today(m).getLong("inProgress") >= 1);
    assertEquals(overdueBefore, today(received).getLong("overdueNow"), "not overdue yet when it arrives");

    // Nothing else is sent: only the clock can move the figure.
    JsonObject overdue = screen.next(m -> "delta".equals(m.getString("kind"))
        && today(m).getLong("overdueNow") == overdueBefore + 1);
    assertTrue(Instant.now().isAfter(now.plusSeconds(2).toInstant()));
    assertTrue(overdue.getLong("seq") > received.getLong("seq"));
    assertEquals(1, api.count("SELECT count(*) FROM event WHERE type = 'dossier'"), "no other event was stored");
    assertTrue(api.count("SELECT count(*) FROM event WHERE type = 'clock' AND seq > (SELECT max(seq) FROM event "
        + "WHERE type = 'dossier')") >= 1, "a tick after the dossier is what moved it");
    JsonObject rest = api.send(HttpMethod.GET, "/api/v1/kpi/city", operator, null).bodyAsJsonObject();
    assertEquals(rest.getLong("overdueNow"), screen.state("kpi.city").getJsonObject("today").getLong("overdueNow"));
    screen.assertNothingMissed();
    screen.close();
  }

  @Test
  void ticksAreStoredOncePerPeriodAndCountNowhere() {
    long ticks = Wait.until(Duration.ofSeconds(10), Duration.ofMillis(200), () -> api.count("SELECT count(*) FROM event "
        + "WHERE type = 'clock'"), n -> n >= 3, "three ticks stored (one a second)");
    assertTrue(ticks >= 3, "ticks stored: " + ticks);
    assertEquals(0, api.count("SELECT count(*) FROM event WHERE type = 'clock' AND (source <> 'cityops-clock' "
        + "OR system_code IS NOT NULL OR agency_code IS NOT NULL OR district_code IS NOT NULL "
        + "OR date_trunc('second', occurred_at) <> occurred_at)"), "a tick names nothing and falls on a period boundary");
    assertEquals(0, api.count("SELECT count(*) FROM system_state") + api.count("SELECT count(*) FROM system_status_change"),
        "no system got a state from a tick");

    Api.await(new Rollups(node.database().pool()).run(Instant.now()));
    assertEquals(0, api.count("SELECT count(*) FROM kpi_rollup_minute WHERE kpi NOT IN "
        + "('dossiers_backlog', 'dossiers_overdue', 'feedback_open', 'systems_down') AND bucket >= now() - interval '1 hour' "
        + "AND bucket NOT IN (SELECT date_bin('1 minute', occurred_at, timestamptz '2000-01-01') FROM event WHERE type <> 'clock')"),
        "no event count in a minute that only ticked");
  }
}
