package vn.hanoi.cityops.oncall;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotations as time passes: at a rotation's handoff both engineers are told (the one going off, the one coming on)
 * with the open alerts of the team's systems, and the next outage pages the one who came on; a cover puts someone
 * else on call for its stretch; "who is on call now" follows both.
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000"}, configFrom = OnCallHandoffIT.Smtp.class)
class OnCallHandoffIT {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static Mailbox mailbox;
  private static OnCall oncall;

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
    oncall.policy("shifts", null, new String[]{"PT0S", "primary"});
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static JsonObject whoIsOn(String system) {
    JsonArray items = OnCall.ok(200, oncall.send(HttpMethod.GET, "/api/v1/oncall/now", oncall.sre(), null))
        .getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(i -> system.equals(i.getString("system"))).findFirst()
        .orElseThrow();
  }

  @Test
  void atTheHandoffBothEngineersAreToldWithTheOpenAlertsAndTheNextOutagePagesTheOneWhoCameOn() {
    String an = oncall.person("shift.an", "vi");
    String binh = oncall.person("shift.binh", "en");
    oncall.team("shifts", an, List.of(an, binh), List.of("MOTCUA", "LGSP"), "shifts");
    ZonedDateTime boundary = ZonedDateTime.now(HANOI).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    OnCall.ok(201, oncall.send(HttpMethod.POST, "/api/v1/oncall/teams/shifts/rotations", oncall.sre(), new JsonObject()
        .put("layer", "primary").put("length", "daily")
        .put("handoffTime", boundary.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")))
        .put("startsOn", boundary.toLocalDate().minusDays(1).toString())
        .put("members", new JsonArray().add(an).add(binh))));
    assertEquals(an, whoIsOn("MOTCUA").getJsonObject("primary").getJsonObject("now").getString("username"));
    assertEquals(binh, whoIsOn("MOTCUA").getJsonObject("primary").getJsonObject("next").getString("username"));
    oncall.health("MOTCUA", "down");
    mailbox.await(OnCall.mail(an), s -> s.contains("một cửa"), 1, Duration.ofSeconds(10));

    MimeMessage off = mailbox.await(OnCall.mail(an), s -> s.startsWith("Bàn giao"), 1, Duration.ofSeconds(15)).get(0);
    MimeMessage on = mailbox.await(OnCall.mail(binh), s -> s.startsWith("On-call handoff"), 1, Duration.ofSeconds(5)).get(0);
    Instant told = Instant.now();
    System.out.println("oncall_handoff told_after_boundary_ms=" + Duration.between(boundary.toInstant(), told).toMillis());
    assertTrue(!told.isBefore(boundary.toInstant()), "not before the boundary");
    assertTrue(Mailbox.text(off).contains("bạn hết ca trực chính") && Mailbox.text(off).contains(binh + " nhận ca"),
        Mailbox.text(off));
    assertTrue(Mailbox.text(off).contains("Hệ thống một cửa dùng chung ba cấp ngừng hoạt động (từ "), Mailbox.text(off));
    assertTrue(Mailbox.text(on).contains("you are primary on call for team Team shifts, taking over from " + an),
        Mailbox.text(on));
    assertTrue(Mailbox.text(on).contains("Shared three-level one-stop dossier software is down (since "), Mailbox.text(on));
    assertTrue(Mailbox.text(on).contains("not acknowledged"), Mailbox.text(on));
    assertEquals(binh, whoIsOn("MOTCUA").getJsonObject("primary").getJsonObject("now").getString("username"));

    oncall.health("LGSP", "down");
    mailbox.await(OnCall.mail(binh), s -> s.contains("data-sharing"), 1, Duration.ofSeconds(10));
    Wait.holds(Duration.ofSeconds(1), () -> mailbox.to(OnCall.mail(an), s -> s.contains("LGSP")).isEmpty(),
        "the one who went off call is not paged");
    assertEquals(1, mailbox.to(OnCall.mail(an), s -> s.startsWith("Bàn giao")).size());
  }

  @Test
  void aCoverPutsSomeoneElseOnCallForItsStretch() {
    String chi = oncall.person("cover.chi", "vi");
    String dung = oncall.person("cover.dung", "vi");
    oncall.team("covered", chi, List.of(chi), List.of("ZALO-PAKN"), "shifts");
    JsonObject rotation = oncall.rotation("covered", "primary", chi);
    OnCall.ok(201, oncall.send(HttpMethod.POST, "/api/v1/oncall/rotations/" + rotation.getLong("id") + "/covers",
        oncall.sre(), new JsonObject().put("username", dung).put("startsAt", Instant.now().minusSeconds(1).toString())
            .put("endsAt", Instant.now().plus(Duration.ofHours(2)).toString()).put("reason", "Chi nghỉ phép")));
    JsonObject now = whoIsOn("ZALO-PAKN").getJsonObject("primary").getJsonObject("now");
    assertEquals(dung, now.getString("username"));
    assertTrue(now.getBoolean("cover"));

    oncall.health("ZALO-PAKN", "down");
    mailbox.await(OnCall.mail(dung), s -> s.contains("Zalo"), 1, Duration.ofSeconds(10));
    assertTrue(mailbox.to(OnCall.mail(chi), s -> s.contains("Zalo")).isEmpty(), "the covered engineer is not paged");
  }
}
