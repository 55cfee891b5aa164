package vn.hanoi.cityops.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code http.compression} on, pages and their scripts travel gzipped to browsers that accept it; by default
 * (off: a TLS proxy in front compresses) they go as they are.
 */
class CompressionIT {
  private static final String CHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

  @Test
  @NodeTest(config = "http.compression=on")
  void withCompressionOnTheChartLibraryIsSentGzippedAndSmallerToABrowserThatAcceptsGzip(Vertx vertx, Node node) {
    int plain = resourceSize();
    String[] encoding = new String[1];
    int gzipped = get(vertx, node, CHARTS, "gzip, deflate", encoding);

    assertEquals("gzip", encoding[0]);
    assertTrue(gzipped < plain / 2, "gzip: " + gzipped + " bytes of " + plain);
  }

  @Test
  @NodeTest
  void byDefaultTheSameRequestIsAnsweredAsIs(Vertx vertx, Node node) {
    String[] encoding = new String[1];
    int size = get(vertx, node, CHARTS, "gzip, deflate", encoding);

    assertNull(encoding[0]);
    assertEquals(resourceSize(), size);
  }

  /** The chart library's size as it ships in its WebJar. */
  private static int resourceSize() {
    try (var in = CompressionIT.class.getResourceAsStream("/META-INF/resources" + CHARTS)) {
      return in.readAllBytes().length;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The body's size on the wire; {@code encoding[0]}: the answer's Content-Encoding. */
  private static int get(Vertx vertx, Node node, String path, String acceptEncoding, String[] encoding) {
    HttpClient client = vertx.createHttpClient();
    try {
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(node.config().httpPort()).setURI(path);
      if (acceptEncoding != null) {
        options.putHeader("Accept-Encoding", acceptEncoding);
      }
      // The body is asked for on the event loop, with the answer: data arriving before that would be lost.
      String[] answer = new String[2];
      int size = Api.await(client.request(options).compose(r -> r.send()).compose(response -> {
        answer[0] = String.valueOf(response.statusCode());
        answer[1] = response.getHeader("Content-Encoding");
        return response.body();
      })).length();
      assertEquals("200", answer[0]);
      if (encoding != null) {
        encoding[0] = answer[1];
      }
      return size;
    } finally {
      client.close();
    }
  }
}
