package vn.hanoi.cityops.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.TestNodes;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code http.compression} on, pages and their scripts travel gzipped to browsers that accept it; by default
 * (off: a TLS proxy in front compresses) they go as they are.
 */
@ExtendWith(VertxExtension.class)
class CompressionIT {
  private static final String CHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

  @Test
  void withCompressionOnTheChartLibraryIsSentGzippedAndSmallerToABrowserThatAcceptsGzip(Vertx vertx) {
    Node node = TestNodes.start(Map.of("http.compression", "on"));
    try {
      int plain = get(vertx, node, CHARTS, null, null);
      String[] encoding = new String[1];
      int gzipped = get(vertx, node, CHARTS, "gzip, deflate", encoding);

      assertEquals("gzip", encoding[0]);
      assertTrue(gzipped < plain / 2, "gzip: " + gzipped + " bytes of " + plain);
    } finally {
      TestNodes.stop(node);
    }
  }

  @Test
  void byDefaultTheSameRequestIsAnsweredAsIs(Vertx vertx) {
    Node node = TestNodes.start(Map.of());
    try {
      String[] encoding = new String[1];
      int size = get(vertx, node, CHARTS, "gzip, deflate", encoding);

      assertNull(encoding[0]);
      assertTrue(size > 500_000, size + " bytes");
    } finally {
      TestNodes.stop(node);
    }
  }

  /** The body's size on the wire; {@code encoding[0]}: the answer's Content-Encoding. */
  private static int get(Vertx vertx, Node node, String path, String acceptEncoding, String[] encoding) {
    HttpClient client = vertx.createHttpClient();
    try {
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(node.context().config().httpPort()).setURI(path);
      if (acceptEncoding != null) {
        options.putHeader("Accept-Encoding", acceptEncoding);
      }
      HttpClientResponse response = Api.await(client.request(options).compose(r -> r.send()));
      assertEquals(200, response.statusCode());
      if (encoding != null) {
        encoding[0] = response.getHeader("Content-Encoding");
      }
      return Api.await(response.body()).length();
    } finally {
      client.close();
    }
  }
}
