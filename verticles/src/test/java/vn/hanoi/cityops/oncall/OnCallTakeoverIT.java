package vn.hanoi.cityops.oncall;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node that claimed a page and stopped mid-send leaves the claim to another node, once the lease it renewed while
 * alive has run out: node B's SMTP server accepts connections and never answers, so B's page hangs; node A (same
 * database, a working SMTP server) does not touch the claim while B lives and renews it, and sends the page once B
 * is gone. The page reaches the mailbox once, and its row says it was taken over.
 */
class OnCallTakeoverIT {
  private static final int LEASE_SECONDS = 2;
  private static Mailbox mailbox;
  private static Vertx clients;
  private static Node a;
  private static Node b;
  private static ServerSocket blackHole;
  private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

  @AfterAll
  static void stop() throws Exception {
    TestNodes.stop(a);
    TestNodes.stop(b);
    if (clients != null) {
      clients.close().await(30, TimeUnit.SECONDS);
    }
    if (mailbox != null) {
      mailbox.close();
    }
    if (blackHole != null) {
      blackHole.close();
    }
    for (Socket s : HELD) {
      s.close();
    }
  }

  /** A TCP server that accepts every connection and never says a word (an SMTP server that hangs). */
  private static int blackHole() throws IOException {
    blackHole = new ServerSocket(0);
    Thread accept = new Thread(() -> {
      while (!blackHole.isClosed()) {
        try {
          HELD.add(blackHole.accept());
        } catch (IOException closed) {
          return;
        }
      }
    }, "smtp-black-hole");
    accept.setDaemon(true);
    accept.start();
    return blackHole.getLocalPort();
  }

  @Test
  void aClaimLeftByANodeThatStoppedMidSendIsTakenOverAfterItsLeaseAndSentOnce() throws Exception {
    String db = TestNodes.freshDatabaseUrl();
    Map<String, Object> common = Map.of("pg.url", db, "oncall.tickMs", "200", "oncall.leaseSeconds", LEASE_SECONDS,
        "notify.maxPerPersonPerMinute", "10000", "notify.smtp.host", "127.0.0.1");
    b = TestNodes.start(with(common, Map.of("notify.smtp.port", blackHole(), "notify.timeoutMs", "60000",
        "notify.retries", "0")));
    clients = Vertx.vertx();
    OnCall onB = new OnCall(new Api(clients, b));
    onB.freeTheSystems();
    onB.policy("takeover", null, new String[]{"PT0S", "primary"});
    String primary = onB.person("takeover.an", "vi");
    onB.teamOf("takeover", "ZALO-PAKN", "takeover", onB.person("takeover.lead", "vi"), primary, null);

    onB.health("ZALO-PAKN", "down");
    Api probe = onB.api();
    Wait.until(Duration.ofSeconds(10), () -> probe.count("SELECT count(*) FROM oncall_page WHERE claimed_by = $1 "
        + "AND state = 'claimed'", b.nodeId()), n -> n == 1, "node B holds the page, sending it to a server that hangs");

    mailbox = Mailbox.start();
    a = TestNodes.start(with(common, Map.of("notify.smtp.port", mailbox.port())));
    // Time passing is the point: B renews its lease while it lives, so A leaves the claim alone past a lease.
    Wait.holds(Duration.ofSeconds(LEASE_SECONDS * 2L), () -> mailbox.all().isEmpty()
        && probe.count("SELECT count(*) FROM oncall_page WHERE claimed_by = $1", b.nodeId()) == 1,
        "A does not take over a claim whose node is alive");

    long stopped = System.nanoTime();
    TestNodes.stop(b);
    b = null;
    Api onA = new Api(clients, a);
    mailbox.await(OnCall.mail(primary), 1);
    long afterMs = (System.nanoTime() - stopped) / 1_000_000;
    System.out.println("oncall_takeover mail_after_node_stopped_ms=" + afterMs + " lease_s=" + LEASE_SECONDS);
    JsonObject page = Wait.until(Duration.ofSeconds(10), () -> onA.row("SELECT state, claimed_by, takeovers FROM oncall_page "
        + "WHERE kind = 'page'"), p -> "sent".equals(p.getString("state")), "the page marked sent by A");
    assertEquals(a.nodeId(), page.getString("claimed_by"));
    assertEquals(1, page.getInteger("takeovers"));
    Wait.holds(Duration.ofSeconds(2), () -> mailbox.to(OnCall.mail(primary)).size() == 1, "sent once");
    assertEquals(1L, onA.count("SELECT count(*) FROM oncall_page"));
    onA.close();
  }

  private static Map<String, Object> with(Map<String, Object> common, Map<String, Object> own) {
    Map<String, Object> all = new java.util.HashMap<>(common);
    all.putAll(own);
    return all;
  }
}
