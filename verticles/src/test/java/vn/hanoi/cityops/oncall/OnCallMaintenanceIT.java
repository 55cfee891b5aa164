package vn.hanoi.cityops.oncall;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maintenance windows: an outage of a system under planned work pages nobody while the window lasts (the hold is
 * recorded, the alert stays visible and firing), and pages when the window ends if the outage goes on; an outage
 * over within the window never pages; a window of another system holds nothing.
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000"},
    configFrom = OnCallMaintenanceIT.Smtp.class)
class OnCallMaintenanceIT {
  private static Mailbox mailbox;
  private static OnCall oncall;
  private static String primary;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Api api) {
    oncall = new OnCall(api);
    oncall.freeTheSystems();
    oncall.policy("planned", null, new String[]{"PT0S", "primary"});
    primary = oncall.person("planned.an", "vi");
    oncall.team("planned", oncall.person("planned.lead", "vi"), List.of(primary),
        List.of("GIAOBAN", "CSDL-DANCU", "DVCQG-LINK"), "planned");
    oncall.rotation("planned", "primary", primary);
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static JsonObject window(List<String> systems, Instant from, Instant to) {
    return OnCall.ok(201, oncall.send(HttpMethod.POST, "/api/v1/oncall/maintenance-windows", oncall.sre(),
        new JsonObject().put("systems", new JsonArray(systems)).put("startsAt", hanoi(from)).put("endsAt", hanoi(to))
            .put("reason", "Nâng cấp máy chủ theo kế hoạch")));
  }

  private static String hanoi(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(7)).toString();
  }

  private static int mailsAbout(String system) {
    return mailbox.to(OnCall.mail(primary), s -> s.contains(system)).size();
  }

  @Test
  void aWindowHoldsThePagesOfItsSystemAndTheyGoOutWhenItEndsIfTheOutageGoesOn() {
    Instant end = Instant.now().plusSeconds(4);
    JsonObject w = window(List.of("GIAOBAN"), Instant.now().minusSeconds(60), end);
    assertTrue(w.getBoolean("active"));

    oncall.health("GIAOBAN", "down");
    JsonObject alert = oncall.openAlert("GIAOBAN");
    assertFalse(alert.getBoolean("silenced"), "the alert stays visible");
    Wait.until(Duration.ofSeconds(5), () -> oncall.pages(alert.getLong("id")), items -> !items.isEmpty()
        && !items.getJsonObject(0).getJsonArray("holds").isEmpty(), "the hold recorded");
    // Time passing is the point: nothing may be sent before the window's end.
    Wait.holds(Duration.between(Instant.now(), end).minusMillis(300), () -> mailsAbout("giao ban") == 0,
        "no page while the window lasts");

    mailbox.await(OnCall.mail(primary), s -> s.contains("giao ban"), 1, Duration.ofSeconds(10));
    Instant paged = Instant.now();
    System.out.println("oncall_maintenance paged_after_window_end_ms=" + Duration.between(end, paged).toMillis());
    JsonObject episode = oncall.pages(alert.getLong("id")).getJsonObject(0);
    JsonObject hold = episode.getJsonArray("holds").getJsonObject(0);
    assertEquals(w.getLong("id"), hold.getLong("window"));
    assertEquals("Nâng cấp máy chủ theo kế hoạch", hold.getString("reason"));
    JsonObject page = episode.getJsonArray("pages").getJsonObject(0);
    assertFalse(Instant.parse(page.getString("dueAt")).isBefore(end.minusMillis(1000)), "due when the window ended: " + page);
    assertEquals("firing", oncall.openAlert("GIAOBAN").getString("state"));
  }

  @Test
  void anOutageOverWithinItsWindowPagesNobody() {
    window(List.of("CSDL-DANCU"), Instant.now(), Instant.now().plusSeconds(30));
    oncall.health("CSDL-DANCU", "down");
    long id = oncall.openAlert("CSDL-DANCU").getLong("id");
    Wait.until(Duration.ofSeconds(5), () -> oncall.pages(id), items -> !items.isEmpty()
        && !items.getJsonObject(0).getJsonArray("holds").isEmpty(), "held");
    oncall.health("CSDL-DANCU", "up");
    Wait.until(Duration.ofSeconds(10), () -> oncall.pages(id).getJsonObject(0).getString("closedAt"),
        t -> t != null, "the outage over");
    Wait.holds(Duration.ofSeconds(1), () -> mailsAbout("dân cư") == 0, "no page, so no all-clear either");
    assertEquals(0, oncall.pages(id).getJsonObject(0).getJsonArray("pages").size());
  }

  @Test
  void aWindowOfAnotherSystemHoldsNothing() {
    window(List.of("CSDL-DANCU"), Instant.now(), Instant.now().plusSeconds(60));
    oncall.health("DVCQG-LINK", "down");
    mailbox.await(OnCall.mail(primary), s -> s.contains("Cổng dịch vụ công quốc gia"), 1, Duration.ofSeconds(10));
  }
}
