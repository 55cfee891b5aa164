package vn.hanoi.cityops.monitoring;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.Wait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule fires in a real Prometheus, a real Alertmanager delivers it to a real node's intake with the API key made
 * for it, and cityops shows the city system down with its own alert open; the rule stops firing (changed and
 * reloaded over HTTP) and the system is up again. Debian's {@code prometheus} and {@code prometheus-alertmanager}
 * (installed by {@code .ci/run}); the test is skipped only where they are not installed. Also checks the shipped
 * {@code monitoring/alertmanager.yml} and {@code prometheus.yml} with {@code amtool} and {@code promtool}.
 */
@NodeTest
class AlertmanagerEndToEndIT {
  private static final Path PROMETHEUS = Path.of(System.getProperty("cityops.prometheus", "/usr/bin/prometheus"));
  private static final Path ALERTMANAGER = Path.of(System.getProperty("cityops.alertmanager", "/usr/bin/prometheus-alertmanager"));
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final Path AMTOOL = Path.of("/usr/bin/amtool");
  private static final Path MONITORING = Path.of("../monitoring");
  private static final String SYSTEM = "OPENDATA";
  private static final Duration DELIVERY = Duration.ofSeconds(60);

  private static final List<Process> STARTED = new ArrayList<>();
  private static Path dir;
  private static Api api;
  private static String operator;
  private static WebClient http;
  private static int prometheusPort;

  @BeforeAll
  static void start(Vertx vertx, Node node, Api client) throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(ALERTMANAGER),
        "needs Debian's prometheus and prometheus-alertmanager (.ci/run installs them)");
    api = client;
    operator = api.token("operator");
    http = WebClient.create(vertx);
    dir = Files.createTempDirectory("cityops-alertmanager-e2e");
    Path key = Files.writeString(dir.resolve("intake.key"), createKey());

    int alertmanagerPort = TestNodes.freePort();
    Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: cityops
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: cityops
            webhook_configs:
              - url: 'http://127.0.0.1:%d/api/v1/integrations/alertmanager'
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials_file: '%s'
        """.formatted(node.config().httpPort(), key.toAbsolutePath()));
    launch("alertmanager", ALERTMANAGER.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
        "--storage.path=" + dir.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address=");

    prometheusPort = TestNodes.freePort();
    writeRule("vector(1)");
    Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: ['%s']
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ['127.0.0.1:%d']
        scrape_configs:
          - job_name: cityops
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(dir.resolve("rules.yml"), alertmanagerPort, node.config().httpPort()));
    launch("prometheus", PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
        // an alert fired before the Alertmanager is discovered is dropped and resent only after this delay (1 min by default)
        "--web.enable-lifecycle", "--rules.alert.resend-delay=1s");
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    for (Process p : STARTED) {
      p.destroy();
    }
    for (Process p : STARTED) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
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

  private static String createKey() {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/admin/api-keys", api.token("admin"), new JsonObject()
        .put("name", "alertmanager-e2e").put("systems", new JsonArray().add(SYSTEM)).put("agencies", new JsonArray()));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("key");
  }

  /** The one rule Prometheus evaluates: firing while {@code expr} has a result, about the open-data portal. */
  private static void writeRule(String expr) throws IOException {
    Files.writeString(dir.resolve("rules.yml"), """
        groups:
          - name: city-probes
            rules:
              - alert: OpendataProbeFailing
                expr: %s
                labels: { cityops_system: %s, severity: critical }
                annotations:
                  summary: "the open-data portal fails its probe"
        """.formatted(expr, SYSTEM));
  }

  private static void launch(String name, String... command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    STARTED.add(p);
  }

  /** The processes' logs, for a failure message. */
  private static String logs() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("alertmanager", "prometheus")) {
      try {
        List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
        text.append("\n--- ").append(name).append(" (last lines)\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      } catch (IOException e) {
        text.append("\n--- ").append(name).append(": no log ").append(e.getMessage());
      }
    }
    return text.toString();
  }

  private static String status() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/systems/" + SYSTEM, operator, null);
    return r.statusCode() == 200 ? r.bodyAsJsonObject().getString("status") : "HTTP " + r.statusCode();
  }

  private static int openAlerts() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/alerts?state=open&system=" + SYSTEM, operator, null);
    return r.bodyAsJsonObject().getJsonArray("items").size();
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
    if (!Wait.within(DELIVERY, condition)) {
      throw new AssertionError(what + ": not within " + DELIVERY.toSeconds() + " s" + logs());
    }
  }

  @Test
  void aRuleFiringInPrometheusReachesCityopsThroughAlertmanagerAndItsResolutionBringsTheSystemBack() throws IOException {
    waitFor("the open-data portal is down in cityops", () -> "down".equals(status()));
    waitFor("cityops' own system-down alert is open for it", () -> openAlerts() == 1);
    JsonObject stored = api.row("SELECT source, payload FROM event WHERE system_code = $1 ORDER BY seq DESC LIMIT 1", SYSTEM);
    assertEquals("alertmanager-e2e", stored.getString("source"), "delivered with the key made for the Alertmanager");
    assertEquals("the open-data portal fails its probe", stored.getJsonObject("payload").getString("message"));

    writeRule("vector(1) < 0");
    HttpResponse<Buffer> reload = Api.await(http.post(prometheusPort, "127.0.0.1", "/-/reload").send());
    assertEquals(200, reload.statusCode(), reload.bodyAsString());

    waitFor("the open-data portal is up again in cityops", () -> "up".equals(status()));
    assertTrue(api.count("SELECT count(*) FROM event WHERE system_code = $1 AND status = 'up' AND source = 'alertmanager-e2e'", SYSTEM) >= 1);
  }

  @Test
  void theShippedAlertmanagerAndPrometheusConfigsPassTheirCheckers() throws Exception {
    for (List<String> check : List.of(List.of(AMTOOL.toString(), "check-config", "alertmanager.yml"),
        List.of(PROMTOOL.toString(), "check", "config", "prometheus.yml"))) {
      Process p = new ProcessBuilder(check).directory(MONITORING.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), check + " did not finish");
      assertEquals(0, p.exitValue(), check + ": " + out);
    }
  }
}
