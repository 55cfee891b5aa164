package vn.hanoi.cityops.oncall;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three real cluster members (Hazelcast), one database, one SMTP server: every member's engine wakes on the same
 * alert change and asks for the same pages, and each page reaches the mailbox exactly once (one claim row, one
 * mail); an acknowledgement made on one member stops the climb on all of them; the all-clear goes out once.
 */
class OnCallClusterIT {
  private static final int MEMBERS = 3;
  private static final List<String> SYSTEMS = List.of("MOTCUA", "LGSP", "QLVB", "HOP", "CKS");
  private static Mailbox mailbox;
  private static final List<Node> NODES = new ArrayList<>();
  private static final List<Api> APIS = new ArrayList<>();
  private static Vertx clients;

  @BeforeAll
  static void start() {
    mailbox = Mailbox.start();
    AppConfig[] configs = TestNodes.clusterConfigs(MEMBERS, Map.of("oncall.tickMs", "200",
        "notify.maxPerPersonPerMinute", "10000", "notify.smtp.host", "127.0.0.1", "notify.smtp.port", mailbox.port()));
    clients = Vertx.vertx();
    for (AppConfig config : configs) {
      Node node = TestNodes.start(config);
      NODES.add(node);
      APIS.add(new Api(clients, node));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    APIS.forEach(Api::close);
    for (int i = NODES.size() - 1; i >= 0; i--) {
      TestNodes.stop(NODES.get(i));
    }
    if (clients != null) {
      clients.close().await(30, TimeUnit.SECONDS);
    }
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void threeMembersPageEachPersonOnceForEveryStepAndStopTogetherAtAnAcknowledgement() {
    OnCall oncall = new OnCall(APIS.get(0));
    oncall.freeTheSystems();
    oncall.policy("cluster", null, new String[]{"PT0S", "primary"}, new String[]{"PT2S", "secondary"});
    String primary = oncall.person("cluster.an", "vi");
    String secondary = oncall.person("cluster.binh", "vi");
    oncall.team("cluster", oncall.person("cluster.lead", "vi"), List.of(primary, secondary), SYSTEMS, "cluster");
    oncall.rotation("cluster", "primary", primary);
    oncall.rotation("cluster", "secondary", secondary);

    // The first outage is acknowledged (on member 2) as soon as its first page arrives, so no secondary page;
    // the others climb to the secondary. Each reaches a different member first.
    new OnCall(APIS.get(1)).health(SYSTEMS.get(0), "down");
    mailbox.await(OnCall.mail(primary), s -> s.contains("Hệ thống một cửa"), 1, Duration.ofSeconds(15));
    OnCall onTheThird = new OnCall(APIS.get(2));
    onTheThird.acknowledge(onTheThird.openAlert(SYSTEMS.get(0)).getLong("id"), onTheThird.token(primary));
    for (int i = 1; i < SYSTEMS.size(); i++) {
      new OnCall(APIS.get(i % MEMBERS)).health(SYSTEMS.get(i), "down");
    }

    mailbox.await(OnCall.mail(primary), s -> !s.startsWith("Đã hết"), SYSTEMS.size(), Duration.ofSeconds(20));
    mailbox.await(OnCall.mail(secondary), s -> !s.startsWith("Đã hết"), SYSTEMS.size() - 1, Duration.ofSeconds(20));
    // Time passing is the point: a duplicate from a slower member would arrive within a few ticks.
    Wait.holds(Duration.ofSeconds(3), () -> mailbox.to(OnCall.mail(primary)).size() == SYSTEMS.size()
        && mailbox.to(OnCall.mail(secondary)).size() == SYSTEMS.size() - 1, "one mail per page, none twice");
    Api api = APIS.get(0);
    assertEquals(2L * SYSTEMS.size() - 1, api.count("SELECT count(*) FROM oncall_page WHERE kind = 'page'"),
        "one claim row per page");
    assertEquals(0L, api.count("SELECT count(*) FROM (SELECT episode_id, kind, round, step, username FROM oncall_page "
        + "GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) d"));
    System.out.println("oncall_cluster pages_by_member=" + api.row("SELECT json_object_agg(claimed_by, n) AS by "
        + "FROM (SELECT claimed_by, count(*) n FROM oncall_page GROUP BY 1) c").getValue("by"));

    for (int i = 0; i < SYSTEMS.size(); i++) {
      new OnCall(APIS.get(i % MEMBERS)).health(SYSTEMS.get(i), "up");
    }
    mailbox.await(OnCall.mail(primary), s -> s.startsWith("Đã hết"), SYSTEMS.size(), Duration.ofSeconds(20));
    mailbox.await(OnCall.mail(secondary), s -> s.startsWith("Đã hết"), SYSTEMS.size() - 1, Duration.ofSeconds(20));
    Wait.holds(Duration.ofSeconds(2), () -> mailbox.to(OnCall.mail(primary), s -> s.startsWith("Đã hết")).size()
        == SYSTEMS.size(), "one all-clear per outage and person");
    JsonObject claims = api.row("SELECT count(*) AS n, count(DISTINCT (episode_id, username)) AS d FROM oncall_page "
        + "WHERE kind = 'all_clear'");
    assertEquals(claims.getLong("d"), claims.getLong("n"));
    assertEquals(Set.of(), Set.copyOf(mailbox.to(OnCall.mail("cluster.lead"))), "the lead is in no step");
  }
}
