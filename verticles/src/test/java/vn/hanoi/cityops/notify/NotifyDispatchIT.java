package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which channels carry a message, as a person notices it: quiet hours skip a channel and the fallback takes over,
 * the last channel left is used even in its quiet hours, the per-person rate limit holds under concurrent sends, and
 * a person nobody can reach is a recorded failure. The node's SMTP server never answers (nothing listens on its
 * port), so email always fails here; Telegram and SMS go to a stand-in that accepts everything.
 */
@NodeTest(config = {"notify.maxPerPersonPerMinute=" + NotifyDispatchIT.MAX_PER_MINUTE, "notify.retries=1",
    "notify.backoffMs=20", "notify.timeoutMs=1000", "notify.telegram.botToken=42:dispatch"},
    configFrom = NotifyDispatchIT.Services.class)
class NotifyDispatchIT {
  static final int MAX_PER_MINUTE = 3;
  private static final String SEND = "/bot42:dispatch/sendMessage";
  private static final String SMS = "/sms";
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private static StandIn services;
  private static Node node;
  private static Api api;
  private static Persons persons;

  static final class Services implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      services = StandIn.start();
      return Map.of("notify.telegram.url", services.url(), "notify.sms.url", services.url() + SMS,
          "notify.smtp.host", "127.0.0.1", "notify.smtp.port", TestNodes.freePort());
    }
  }

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    persons = new Persons(api);
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
  }

  private static final Message PAGE = Message.of(new Message.Content("Mất kết nối WAN", "Mạng WAN mất kết nối."),
      new Message.Content("WAN down", "The WAN is down."));

  /** Quiet hours around now (Hanoi time), from an hour ago to an hour ahead: they may wrap midnight. */
  private static JsonObject quietNow() {
    ZonedDateTime now = ZonedDateTime.now(Hanoi.ZONE);
    return new JsonObject().put("from", now.minusHours(1).format(HH_MM)).put("to", now.plusHours(1).format(HH_MM));
  }

  /** Quiet hours that do not hold now: two to three hours ahead. */
  private static JsonObject quietLater() {
    ZonedDateTime now = ZonedDateTime.now(Hanoi.ZONE);
    return new JsonObject().put("from", now.plusHours(2).format(HH_MM)).put("to", now.plusHours(3).format(HH_MM));
  }

  private static Notification send(String username, String ref) {
    return Api.await(node.notifier().notify(username, PAGE, ref));
  }

  private static List<String> timeline(Notification n) {
    return n.attempts().stream().map(a -> (a.channel() == null ? "-" : a.channel().code()) + "#" + a.attempt() + ":"
        + a.status().code()).toList();
  }

  private static int telegrams(String chat) {
    return services.requests(SEND, r -> String.valueOf(r.json().getValue("chat_id")).equals(chat)).size();
  }

  @Test
  void aChannelInItsQuietHoursIsSkippedAndTheFallbackCarriesTheMessage() {
    persons.create("quiet.tg", "vi");
    persons.add("quiet.tg", Persons.email("quiet.tg@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    persons.add("quiet.tg", Persons.point("telegram", "1001").put("position", 0).put("quietHours", quietNow()));
    persons.add("quiet.tg", Persons.point("sms", "+84913000001").put("position", 1).put("fallbackOnly", true));

    Notification n = send("quiet.tg", "alert:quiet");

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("telegram#1:skipped_quiet", "sms#1:sent"), timeline(n));
    assertEquals(0, telegrams("1001"), "nothing reaches the quiet chat");
    services.await(SMS, r -> r.json().getString("to").equals("+84913000001"), 1);
  }

  @Test
  void quietHoursThatDoNotHoldNowChangeNothing() {
    persons.create("quiet.later", "vi");
    persons.add("quiet.later", Persons.email("quiet.later@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    persons.add("quiet.later", Persons.point("telegram", "1002").put("position", 0).put("quietHours", quietLater()));

    assertEquals(List.of("telegram#1:delivered"), timeline(send("quiet.later", "alert:later")));
  }

  @Test
  void whenEveryChannelIsQuietTheLastOneLeftIsUsedAfterAllSoNothingIsLost() {
    persons.create("all.quiet", "vi");
    persons.add("all.quiet", Persons.email("all.quiet@hanoi.gov.vn").put("fallbackOnly", true).put("position", 1)
        .put("quietHours", quietNow()));
    persons.add("all.quiet", Persons.point("telegram", "1003").put("position", 0).put("quietHours", quietNow()));
    persons.add("all.quiet", Persons.point("sms", "+84913000003").put("position", 2).put("fallbackOnly", true)
        .put("quietHours", quietNow()));

    Notification n = send("all.quiet", "alert:night");

    assertEquals(Notification.Status.SENT, n.status());
    assertEquals(List.of("telegram#1:skipped_quiet", "email#1:skipped_quiet", "sms#1:skipped_quiet", "sms#1:sent"), timeline(n));
    assertEquals(0, telegrams("1003"));
  }

  @Test
  void whenEveryChannelFailsTheMessageIsRecordedFailedWithEveryAttempt() {
    persons.create("unreachable", "vi");
    persons.add("unreachable", Persons.email("unreachable@hanoi.gov.vn"));

    Notification n = send("unreachable", "alert:lost");

    assertEquals(Notification.Status.FAILED, n.status());
    assertEquals(List.of("email#1:failed", "email#2:failed"), timeline(n), "one retry of a refused connection");
    assertTrue(n.attempts().get(0).error().startsWith("connection failed"), n.attempts().get(0).error());
    assertTrue(n.finishedAt() != null);
  }

  @Test
  void aChannelThisNodeCannotUseFailsAtOnceAndHandsOverToTheFallback() {
    persons.create("zalo.elsewhere", "vi");
    persons.add("zalo.elsewhere", Persons.email("zalo.elsewhere@hanoi.gov.vn").put("fallbackOnly", true).put("position", 1));
    persons.add("zalo.elsewhere", Persons.point("sms", "+84913000004").put("fallbackOnly", true).put("position", 2));
    long userId = api.row("SELECT id FROM app_user WHERE username = 'zalo.elsewhere'").getLong("id");
    // added on a node that has Zalo; this one has none (the API refuses it here, ContactPointIT)
    Api.await(new ContactPoints(node.database().pool()).add(userId,
        new ContactPoints.New(ChannelKind.ZALO, "12345", null, null, 0, false, null)));

    Notification n = send("zalo.elsewhere", "alert:zalo");

    assertEquals(List.of("zalo#1:failed", "email#1:failed", "email#2:failed", "sms#1:sent"), timeline(n));
    assertEquals("zalo is not configured on this node (notify.zalo.accessToken)", n.attempts().get(0).error());
  }

  @Test
  void aPersonSentTooManyMessagesInAMinuteGetsNoMoreEvenWhenTheyAreSentAtOnce() {
    persons.create("busy.sre", "vi");
    persons.add("busy.sre", Persons.email("busy.sre@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    persons.add("busy.sre", Persons.point("telegram", "1005").put("position", 0));

    List<Future<Notification>> burst = new ArrayList<>();
    for (int i = 0; i < 2 * MAX_PER_MINUTE; i++) {
      burst.add(node.notifier().notify("busy.sre", PAGE, "alert:burst"));
    }
    Api.await(Future.all(burst));

    List<Notification> all = burst.stream().map(Future::result).toList();
    assertEquals(MAX_PER_MINUTE, all.stream().filter(n -> n.status() == Notification.Status.SENT).count(), all.toString());
    List<Notification> limited = all.stream().filter(n -> n.status() == Notification.Status.RATE_LIMITED).toList();
    assertEquals(MAX_PER_MINUTE, limited.size());
    assertEquals(List.of("-#1:rate_limited"), timeline(limited.get(0)));
    assertEquals(MAX_PER_MINUTE, telegrams("1005"), "only the allowed ones reached the chat");
    assertEquals(Notification.Status.RATE_LIMITED, send("busy.sre", "alert:more").status(), "still within the minute");
  }

  @Test
  void aPersonWithNoContactPointIsARecordedFailure() {
    persons.create("no.contacts", "vi");

    Notification n = send("no.contacts", "alert:none");

    assertEquals(Notification.Status.FAILED, n.status());
    assertEquals(List.of("-#1:failed"), timeline(n));
    assertEquals("the person has no contact point", n.attempts().get(0).error());
  }

  @Test
  void anUnknownOrDisabledPersonIsARecordedFailure() {
    Notification unknown = send("nobody.here", "alert:unknown");
    assertEquals(Notification.Status.FAILED, unknown.status());
    assertEquals("no such person", unknown.attempts().get(0).error());

    persons.create("left.the.city", "vi");
    persons.add("left.the.city", Persons.email("left@hanoi.gov.vn"));
    long id = api.row("SELECT id FROM app_user WHERE username = 'left.the.city'").getLong("id");
    HttpResponse<Buffer> disabled = api.send(HttpMethod.PATCH, "/api/v1/users/" + id, persons.admin(),
        new JsonObject().put("active", false));
    assertEquals(200, disabled.statusCode(), disabled.bodyAsString());
    Notification n = send("left.the.city", "alert:disabled");
    assertEquals(Notification.Status.FAILED, n.status());
    assertEquals("the person's account is disabled", n.attempts().get(0).error());
  }

  @Test
  void byRefReadsBackEveryMessageAboutAThingOldestFirstWithItsAttempts() {
    persons.create("ref.one", "vi");
    persons.add("ref.one", Persons.email("ref.one@hanoi.gov.vn").put("fallbackOnly", true).put("position", 9));
    persons.add("ref.one", Persons.point("telegram", "1008").put("position", 0));
    Notification first = send("ref.one", "alert:4242");
    Notification second = send("no.such.sre", "alert:4242");

    List<Notification> read = Api.await(node.notifier().byRef("alert:4242"));

    assertEquals(List.of(first.id(), second.id()), read.stream().map(Notification::id).toList());
    assertEquals(first.attempts(), read.get(0).attempts());
    assertEquals(List.of("telegram#1:delivered"), timeline(read.get(0)));
    assertEquals("Mất kết nối WAN", read.get(0).subject());
    assertEquals(Notification.Status.FAILED, read.get(1).status());
    assertEquals(List.of(), Api.await(node.notifier().byRef("alert:nothing")));
  }
}
