package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's fan-out on one node: a delta encoded once reaches every socket intact whatever its size,
 * sockets that share a token share its sign-in without tying their fates, and the one keepalive sweep
 * per event loop still closes a client that stopped answering pings (here every second).
 */
@NodeTest(config = "live.pingIntervalSeconds=1")
class LiveFanoutIT {
  private static Node node;
  private static Api api;
  private static String token;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    token = api.token("operator");
  }

  private static Connections hub() {
    return Connections.onNode(node.vertx(), node.meters());
  }

  @Test
  void deltaEncodedOnceReachesEverySubscriberIntactWhateverItsSize(Vertx vertx) {
    List<LiveClient> clients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      LiveClient client = LiveClient.connect(vertx, node, token).subscribe("systems", null);
      client.next(m -> "snapshot".equals(m.getString("kind")));
      clients.add(client);
    }
    // Under Netty's 1 KiB merge threshold, over it, and over one WebSocket frame (64 KiB): Vietnamese text,
    // so the UTF-8 bytes differ from the chars.
    for (int size : new int[]{40, 3_000, 90_000}) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("TEST-" + size, new JsonObject().put("message", "Trạng thái hệ thống ".repeat(size / 20)).getMap());
      long seq = hub().seq("systems") + 1;
      hub().publish("systems", seq, values);
      for (LiveClient client : clients) {
        JsonObject delta = client.next(m -> "delta".equals(m.getString("kind")) && m.getLong("seq") == seq);
        assertEquals(new JsonObject(values), delta.getJsonObject("data"), "size " + size);
      }
    }
    clients.forEach(LiveClient::assertNothingMissed);
    clients.forEach(LiveClient::close);
  }

  @Test
  void socketsSignedInWithOneTokenKeepWorkingWhenOneOfThemCloses(Vertx vertx) {
    LiveClient first = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    first.next(m -> "snapshot".equals(m.getString("kind")));
    LiveClient second = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    second.next(m -> "snapshot".equals(m.getString("kind")));
    first.assertNothingMissed();
    first.close();

    LiveClient third = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    third.next(m -> "snapshot".equals(m.getString("kind")));
    long seq = hub().seq("systems") + 1;
    hub().publish("systems", seq, Map.of("TEST-shared", Map.of("status", "up")));
    second.next(m -> "delta".equals(m.getString("kind")) && m.getLong("seq") == seq);
    third.next(m -> "delta".equals(m.getString("kind")) && m.getLong("seq") == seq);
    second.assertNothingMissed();
    third.assertNothingMissed();
    second.close();
    third.close();
  }

  @Test
  void clientThatStopsAnsweringPingsIsClosedWith4408WhileOneThatAnswersStaysOpen(Vertx vertx) throws Exception {
    LiveClient healthy = LiveClient.connect(vertx, node, token).subscribe("systems", null);
    healthy.next(m -> "snapshot".equals(m.getString("kind")));
    DeafClient deaf = DeafClient.connect(vertx, node.config().httpPort(), token);

    short code = deaf.closeCode.get(10, TimeUnit.SECONDS);
    assertEquals(LiveConnection.KEEPALIVE_TIMEOUT, code);
    assertTrue(deaf.pings.get() >= 1, "it was pinged before being given up on");

    long seq = hub().seq("systems") + 1;
    hub().publish("systems", seq, Map.of("TEST-alive", Map.of("status", "up")));
    healthy.next(m -> "delta".equals(m.getString("kind")) && m.getLong("seq") == seq);
    healthy.assertNothingMissed();
    healthy.close();
    deaf.socket.close();
  }

  /** A WebSocket client over a raw TCP socket that reads frames and never answers a ping. */
  private static final class DeafClient {
    final CompletableFuture<Short> closeCode = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    NetSocket socket;
    private Buffer pending = Buffer.buffer();
    private boolean upgraded;

    static DeafClient connect(Vertx vertx, int port, String token) {
      DeafClient deaf = new DeafClient();
      NetClient net = vertx.createNetClient();
      deaf.socket = Api.await(net.connect(port, "127.0.0.1"));
      deaf.socket.handler(deaf::onData);
      deaf.socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Authorization: Bearer " + token + "\r\n\r\n");
      return deaf;
    }

    private void onData(Buffer data) {
      pending.appendBuffer(data);
      if (!upgraded) {
        String head = pending.toString(StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
          return;
        }
        if (!head.startsWith("HTTP/1.1 101")) {
          closeCode.completeExceptionally(new AssertionError("upgrade refused: " + head));
          return;
        }
        upgraded = true;
        pending = pending.getBuffer(end + 4, pending.length());
      }
      // Server frames are never masked: opcode, a 7-bit length or a 16/64-bit extension, the payload.
      while (pending.length() >= 2) {
        int opcode = pending.getByte(0) & 0x0F;
        int len = pending.getByte(1) & 0x7F;
        int header = 2;
        if (len == 126) {
          if (pending.length() < 4) {
            return;
          }
          len = pending.getUnsignedShort(2);
          header = 4;
        } else if (len == 127) {
          if (pending.length() < 10) {
            return;
          }
          len = (int) pending.getLong(2);
          header = 10;
        }
        if (pending.length() < header + len) {
          return;
        }
        if (opcode == 0x9) {
          pings.incrementAndGet();
        } else if (opcode == 0x8) {
          closeCode.complete(len >= 2 ? pending.getShort(header) : (short) 1005);
        }
        pending = pending.getBuffer(header + len, pending.length());
      }
    }
  }
}
