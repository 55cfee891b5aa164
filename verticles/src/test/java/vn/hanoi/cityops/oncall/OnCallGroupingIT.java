package vn.hanoi.cityops.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Noise control: everything behind WAN is one alert group, and one group is one page. The WAN going down with the
 * systems behind it pages once; a system that went down first and paged on its own joins the WAN's outage when the
 * WAN goes down (no all-clear for it then), and the WAN's all-clear reaches everyone paged for either.
 */
@NodeTest(config = {"oncall.tickMs=200", "notify.maxPerPersonPerMinute=10000"}, configFrom = OnCallGroupingIT.Smtp.class)
class OnCallGroupingIT {
  private static final List<String> BEHIND = List.of("MOTCUA", "LGSP", "QLVB", "DVC-PORTAL");
  private static Mailbox mailbox;
  private static OnCall oncall;
  private static String network;
  private static String portal;

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
    oncall.policy("grouping", null, new String[]{"PT0S", "primary"});
    network = oncall.person("group.net", "vi");
    portal = oncall.person("group.portal", "vi");
    oncall.teamOf("network", "WAN", "grouping", network, network, null);
    oncall.teamOf("portal", "DVC-PORTAL", "grouping", portal, portal, null);
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  /** Every outage of a test ends before the next begins (and is seen over by the engine). */
  @AfterEach
  void everythingUpAgain() {
    oncall.health("WAN", "up");
    BEHIND.forEach(s -> oncall.health(s, "up"));
    Wait.until(Duration.ofSeconds(10), () -> oncall.alerts("?state=open"), JsonArray::isEmpty, "every alert resolved");
    Wait.until(Duration.ofSeconds(10), () -> oncall.api().count("SELECT count(*) FROM oncall_episode WHERE closed_at IS NULL "
        + "OR NOT all_clear_done"), n -> n == 0, "every outage over");
    // an all-clear claimed is not yet in the mailbox: the next test counts mails from when every one is there
    Wait.until(Duration.ofSeconds(10), () -> oncall.api().count("SELECT count(*) FROM oncall_page WHERE state = 'claimed'"),
        n -> n == 0, "every page and all-clear sent");
  }

  private static List<MimeMessage> pages(String username) {
    return mailbox.to(OnCall.mail(username), s -> !s.startsWith("Đã hết"));
  }

  private static List<MimeMessage> allClears(String username) {
    return mailbox.to(OnCall.mail(username), s -> s.startsWith("Đã hết"));
  }

  @Test
  void theWanDownWithEverySystemBehindItIsOnePage() {
    int before = pages(network).size();
    oncall.health("WAN", "down");
    BEHIND.forEach(s -> oncall.health(s, "down"));
    Wait.until(Duration.ofSeconds(10), () -> oncall.alerts("?state=open"), list -> list.size() == 1 + BEHIND.size()
        && list.stream().allMatch(a -> "system:WAN".equals(((JsonObject) a).getString("group"))), "one group");

    mailbox.await(OnCall.mail(network), s -> !s.startsWith("Đã hết"), before + 1, Duration.ofSeconds(10));
    // Time passing is the point: four more outages joined the group; none may page on its own.
    Wait.holds(Duration.ofSeconds(3), () -> pages(network).size() == before + 1 && pages(portal).isEmpty(),
        "one page for the group, none for the portal's own team");
    assertTrue(Mailbox.subject(pages(network).get(before)).contains("Mạng diện rộng WAN thành phố ngừng hoạt động"),
        Mailbox.subject(pages(network).get(before)));
    assertEquals(1L, oncall.api().count("SELECT count(*) FROM oncall_episode WHERE group_key = 'system:WAN' "
        + "AND closed_at IS NULL"));
  }

  @Test
  void aSystemPagedOnItsOwnJoinsTheWanOutageAndTheAllClearReachesEveryonePaged() {
    int portalPages = pages(portal).size();
    int networkPages = pages(network).size();
    int portalClears = allClears(portal).size();
    int networkClears = allClears(network).size();
    oncall.health("DVC-PORTAL", "down");
    mailbox.await(OnCall.mail(portal), s -> !s.startsWith("Đã hết"), portalPages + 1, Duration.ofSeconds(10));

    oncall.health("WAN", "down");
    mailbox.await(OnCall.mail(network), s -> !s.startsWith("Đã hết"), networkPages + 1, Duration.ofSeconds(10));
    JsonObject portalAlert = oncall.openAlert("DVC-PORTAL");
    assertEquals("system:WAN", portalAlert.getString("group"), "regrouped behind the WAN");
    // newest first: the WAN's outage, then the portal's own (a reopened alert also lists its earlier outages)
    JsonArray episodes = oncall.pages(portalAlert.getLong("id"));
    assertTrue(episodes.size() >= 2, episodes.encodePrettily());
    assertEquals("system:WAN", episodes.getJsonObject(0).getString("group"));
    assertEquals("system:DVC-PORTAL", episodes.getJsonObject(1).getString("group"));
    JsonObject merged = Wait.until(Duration.ofSeconds(10), () -> oncall.pages(portalAlert.getLong("id")).getJsonObject(1),
        e -> "merged".equals(e.getString("closeReason")), "the portal's own outage merged");
    assertEquals(episodes.getJsonObject(0).getLong("id"), merged.getLong("mergedInto"));
    Wait.holds(Duration.ofSeconds(2), () -> allClears(portal).size() == portalClears,
        "no all-clear while the portal is still down behind the WAN");

    oncall.health("WAN", "up");
    oncall.health("DVC-PORTAL", "up");
    mailbox.await(OnCall.mail(portal), s -> s.startsWith("Đã hết"), portalClears + 1, Duration.ofSeconds(10));
    mailbox.await(OnCall.mail(network), s -> s.startsWith("Đã hết"), networkClears + 1, Duration.ofSeconds(10));
    Wait.holds(Duration.ofSeconds(2), () -> allClears(portal).size() == portalClears + 1
        && allClears(network).size() == networkClears + 1, "one all-clear each");
  }
}
