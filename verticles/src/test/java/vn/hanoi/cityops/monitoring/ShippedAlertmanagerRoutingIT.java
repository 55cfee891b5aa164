package vn.hanoi.cityops.monitoring;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code monitoring/alertmanager.yml}, its placeholders filled in as an operator would (a real SMTP
 * server, this node for both intake URLs, a key made for the Alertmanager), in Debian's real Alertmanager: one of
 * cityops' own alerts (a node down) is mailed to the on-call, and an alert about a city system reaches the node's
 * intake and shows that system down, stored once though the receiver lists two node URLs (here both this node).
 */
@NodeTest
class ShippedAlertmanagerRoutingIT {
  private static final Path ALERTMANAGER = Path.of(System.getProperty("cityops.alertmanager", "/usr/bin/prometheus-alertmanager"));
  private static final String ONCALL = "sre-oncall@oncall.test";
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  private static Mailbox mailbox;
  private static Process alertmanager;
  private static Path dir;
  private static WebClient http;
  private static int port;
  private static Api api;

  @BeforeAll
  static void start(Vertx vertx, Node node, Api client) throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(ALERTMANAGER), "needs Debian's prometheus-alertmanager (.ci/run installs it)");
    api = client;
    http = WebClient.create(vertx);
    mailbox = Mailbox.start();
    mailbox.server().setUser("alertmanager@oncall.test", "alertmanager@oncall.test", "mat-khau-thu");
    dir = Files.createTempDirectory("cityops-shipped-alertmanager");
    HttpResponse<Buffer> key = api.send(HttpMethod.POST, "/api/v1/admin/api-keys", api.token("admin"), new JsonObject()
        .put("name", "alertmanager-sre").put("systems", new JsonArray().add("*")).put("agencies", new JsonArray()));
    assertEquals(201, key.statusCode(), key.bodyAsString());
    Path keyFile = Files.writeString(dir.resolve("cityops-intake.key"), key.bodyAsJsonObject().getString("key"));
    Path password = Files.writeString(dir.resolve("smtp-password"), "mat-khau-thu");
    String intake = "http://127.0.0.1:" + node.config().httpPort() + "/api/v1/integrations/alertmanager";
    String config = Files.readString(Path.of("../monitoring/alertmanager.yml"), StandardCharsets.UTF_8)
        .replace("smtp.CHANGE-ME.hanoi.gov.vn:587", "127.0.0.1:" + mailbox.port())
        .replace("smtp_require_tls: true", "smtp_require_tls: false") // the test's mail server speaks no TLS
        .replace("alertmanager@CHANGE-ME.hanoi.gov.vn", "alertmanager@oncall.test")
        .replace("/etc/prometheus/smtp-password", password.toString())
        .replace("sre-oncall@CHANGE-ME.hanoi.gov.vn", ONCALL)
        .replace("http://localhost:8080/api/v1/integrations/alertmanager", intake)
        .replace("http://localhost:8081/api/v1/integrations/alertmanager", intake)
        .replace("/etc/prometheus/cityops-intake.key", keyFile.toString());
    assertFalse(config.lines().map(l -> l.replaceAll("(^|\\s)#.*$", "")).anyMatch(l -> l.contains("CHANGE-ME")),
        "every placeholder outside the comments is filled in");
    Files.writeString(dir.resolve("alertmanager.yml"), config);
    port = TestNodes.freePort();
    alertmanager = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
        "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    Wait.until(Duration.ofSeconds(30), () -> {
      try {
        return Api.await(http.get(port, "127.0.0.1", "/-/ready").send()).statusCode() == 200;
      } catch (Exception e) { // not listening yet
        return false;
      }
    }, "the Alertmanager ready");
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (mailbox != null) {
      mailbox.close();
    }
    if (http != null) {
      http.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Posts one alert to the Alertmanager as Prometheus would. */
  private static void fire(JsonObject labels, String summary) {
    JsonArray alerts = new JsonArray().add(new JsonObject().put("labels", labels)
        .put("annotations", new JsonObject().put("summary", summary)).put("startsAt", Instant.now().toString()));
    HttpResponse<Buffer> r = Api.await(http.post(port, "127.0.0.1", "/api/v2/alerts").sendJson(alerts));
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  private static String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("alertmanager.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "no log: " + e.getMessage();
    }
  }

  @Test
  void aCityopsNodeDownIsMailedToTheOnCall() {
    fire(new JsonObject().put("alertname", "CityopsNodeDown").put("severity", "critical").put("job", "cityops")
        .put("instance", "node-2:8080"), "cityops node node-2:8080 is not answering /metrics");

    if (!Wait.within(DELIVERY, () -> !mailbox.to(ONCALL).isEmpty())) {
      throw new AssertionError("no mail to the on-call within " + DELIVERY.toSeconds() + " s\n" + log());
    }
    MimeMessage mail = mailbox.to(ONCALL).get(0);
    String text = Mailbox.subject(mail) + "\n" + Mailbox.html(mail);
    assertTrue(text.contains("CityopsNodeDown"), text);
    assertTrue(text.contains("node-2:8080"), text);
  }

  @Test
  void anAlertAboutACitySystemShowsItDownInCityopsStoredOnce() {
    fire(new JsonObject().put("alertname", "PortalProbeFailing").put("severity", "critical").put("cityops_system", "DVC-PORTAL"),
        "the public-service portal fails its probe");

    String token = api.token("operator");
    if (!Wait.within(DELIVERY, () -> "down".equals(api.send(HttpMethod.GET, "/api/v1/systems/DVC-PORTAL", token, null)
        .bodyAsJsonObject().getString("status")))) {
      throw new AssertionError("the portal not down in cityops within " + DELIVERY.toSeconds() + " s\n" + log());
    }
    assertEquals(1, api.count("SELECT count(*) FROM event WHERE system_code = 'DVC-PORTAL' AND source = 'alertmanager-sre'"),
        "sent to both node URLs (here the same node), stored once");
  }
}
