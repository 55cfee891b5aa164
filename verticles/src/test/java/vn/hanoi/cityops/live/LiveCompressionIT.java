package vn.hanoi.cityops.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browsers always ask for permessage-deflate. By default the node declines (one encoded frame for every socket,
 * no deflater per socket); with {@code live.compression} on it agrees, and deltas still arrive whole.
 */
class LiveCompressionIT {
  private static final String EXTENSIONS = "Sec-WebSocket-Extensions";
  private static final WebSocketClientOptions LIKE_A_BROWSER = new WebSocketClientOptions().setTryUsePerMessageCompression(true);

  @Test
  @NodeTest
  void byDefaultAClientAskingForDeflateGetsPlainFramesAndItsDeltas(Vertx vertx, Node node, Api api) {
    followADelta(vertx, node, api, false);
  }

  @Test
  @NodeTest(config = "live.compression=on")
  void withLiveCompressionOnTheClientGetsDeflatedFramesThatDecodeToTheSameDeltas(Vertx vertx, Node node, Api api) {
    followADelta(vertx, node, api, true);
  }

  private static void followADelta(Vertx vertx, Node node, Api api, boolean deflated) {
    LiveClient screen = null;
    try {
      screen = LiveClient.connect(vertx, node, api.token("operator"), LIKE_A_BROWSER).subscribe("systems", null);
      String extensions = screen.handshakeHeader(EXTENSIONS);
      if (deflated) {
        assertTrue(extensions != null && extensions.contains("permessage-deflate"), String.valueOf(extensions));
      } else {
        assertNull(extensions, "the node declines permessage-deflate");
      }
      assertEquals(14, screen.next(m -> "snapshot".equals(m.getString("kind"))).getJsonObject("data").size());

      api.postEvents(Events.health("deflate-" + deflated, "QLVB", "degraded").put("message", "Chậm: 3 giây")
          .put("occurredAt", OffsetDateTime.now().toString()).encode());
      JsonObject delta = screen.next(m -> "delta".equals(m.getString("kind")) && m.getJsonObject("data").containsKey("QLVB"));

      JsonObject qlvb = delta.getJsonObject("data").getJsonObject("QLVB");
      assertEquals("degraded", qlvb.getString("status"));
      assertEquals("Chậm: 3 giây", qlvb.getString("message"));
      screen.assertNothingMissed();
    } finally {
      if (screen != null) {
        screen.close();
      }
    }
  }
}
