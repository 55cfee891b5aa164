package vn.hanoi.cityops.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboards of {@code monitoring/grafana} (Grafana itself is in neither Debian nor the npm registry, so
 * nothing here renders them): they have the structure Grafana loads, every metric their queries and variables read
 * is one a running node exports, and every query, sent to a real Prometheus (Debian's) scraping a node, parses and
 * returns data.
 */
@NodeTest
class GrafanaDashboardsIT {
  private static final Path GRAFANA = Path.of("../monitoring/grafana");
  private static final List<String> DASHBOARDS = List.of("cityops-node.json", "cityops-city.json");
  private static final String PROMETHEUS = System.getProperty("cityops.prometheus", "/usr/bin/prometheus");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\)");

  /** Events of several kinds and a rejected request, so every labelled family the dashboards chart has a series. */
  @BeforeAll
  static void someEvents(Api api) {
    api.postEvents(Events.array(Events.health("g-1", "WAN", "up"), Events.health("g-2", "LGSP", "down"),
        Events.dossier("g-3", "CG-01", "HS-g3", "received"), Events.feedback("g-4", "CG", "received")));
    api.postEvents("{not json");
    api.storedEvents();
    // The JVM's GC pause timer appears with the first collection after start: the node runs in this JVM, so one is
    // asked for (a young node that has not collected yet exports no jvm_gc_pause_seconds, which a dashboard charts).
    Wait.until(Duration.ofSeconds(20), () -> {
      System.gc();
      return api.get("/metrics").bodyAsString().contains("jvm_gc_pause_seconds_count");
    }, "the GC pause timer exported");
  }

  @Test
  void dashboardsHaveTheStructureGrafanaLoads() throws IOException {
    Set<String> uids = new HashSet<>();
    for (String file : DASHBOARDS) {
      JsonObject d = dashboard(file);
      assertTrue(uids.add(d.getString("uid")), file + ": uid unique");
      assertTrue(d.getString("uid").matches("[a-zA-Z0-9_-]{1,40}"), file + ": uid Grafana accepts");
      assertTrue(d.getInteger("schemaVersion") >= 30, file + ": schemaVersion");
      assertFalse(d.getString("title").isBlank(), file + ": title");
      assertTrue(d.getString("title").matches(".*[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữìíịỉĩ].*"),
          file + ": a Vietnamese title, " + d.getString("title"));
      assertFalse(d.getString("description").isBlank(), file + ": an English description");
      List<String> variables = d.getJsonObject("templating").getJsonArray("list").stream()
          .map(v -> ((JsonObject) v).getString("name")).toList();
      assertTrue(variables.containsAll(List.of("datasource", "instance")), file + ": variables " + variables);
      Set<Integer> ids = new HashSet<>();
      for (JsonObject p : panels(d)) {
        String where = file + " panel " + p.getInteger("id") + " " + p.getString("title");
        assertTrue(ids.add(p.getInteger("id")), where + ": id unique");
        assertNotNull(p.getJsonObject("gridPos"), where + ": gridPos");
        if ("row".equals(p.getString("type"))) {
          continue;
        }
        assertEquals("prometheus", p.getJsonObject("datasource").getString("type"), where + ": datasource");
        assertFalse(p.getString("description", "").isBlank(), where + ": description");
        JsonArray targets = p.getJsonArray("targets");
        assertTrue(targets != null && !targets.isEmpty(), where + ": targets");
        Set<String> refIds = new HashSet<>();
        targets.forEach(t -> {
          JsonObject target = (JsonObject) t;
          assertTrue(refIds.add(target.getString("refId")), where + ": refId unique");
          assertFalse(target.getString("expr", "").isBlank(), where + ": expr");
        });
      }
    }
    JsonNode datasources = new YAMLMapper().readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile());
    assertEquals(1, datasources.get("apiVersion").asInt());
    JsonNode source = datasources.get("datasources").get(0);
    assertEquals("prometheus", source.get("type").asText());
    assertEquals("cityops-prometheus", source.get("uid").asText(), "the uid the dashboards' datasource variable defaults to");
    JsonNode providers = new YAMLMapper().readTree(GRAFANA.resolve("provisioning/dashboards/cityops.yml").toFile());
    assertEquals("file", providers.get("providers").get(0).get("type").asText());
    assertNotNull(providers.get("providers").get(0).get("options").get("path"));
  }

  @Test
  void everyMetricTheDashboardsQueryIsExportedByANode(Api api) throws IOException {
    Set<String> exported = MetricsText.parse(api.get("/metrics").bodyAsString()).names();
    Map<String, Set<String>> read = new TreeMap<>();
    for (String file : DASHBOARDS) {
      for (String expr : expressions(dashboard(file))) {
        for (String name : PromQl.metricNames(expr)) {
          read.computeIfAbsent(name, n -> new TreeSet<>()).add(file);
        }
      }
    }
    assertTrue(read.size() >= 30, "metrics found in the dashboards: " + read.keySet());
    Map<String, Set<String>> missing = new TreeMap<>(read);
    missing.keySet().removeAll(exported);
    assertEquals(Map.of(), missing, "metrics the dashboards read but no node exports");
  }

  @Test
  void everyDashboardQueryParsesAndReturnsDataFromAPrometheusScrapingANode(Node node) throws Exception {
    if (!Files.isExecutable(Path.of(PROMETHEUS))) {
      throw new IllegalStateException("this test needs Debian's prometheus: apt-get install prometheus (.ci/run does)");
    }
    Map<String, String> queries = new LinkedHashMap<>();
    for (String file : DASHBOARDS) {
      for (String expr : expressions(dashboard(file))) {
        if (!expr.startsWith("label_values(")) {
          queries.put(PromQl.withVariables(expr, "30s"), file);
        }
      }
    }
    Path dir = Files.createTempDirectory("cityops-prometheus");
    int port = freePort();
    Files.writeString(dir.resolve("prometheus.yml"), """
        global: { scrape_interval: 1s, evaluation_interval: 1s }
        scrape_configs:
          - job_name: cityops
            static_configs: [{ targets: ['127.0.0.1:%d'] }]
        """.formatted(node.config().httpPort()));
    Process prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      Map<String, String> answers = Wait.until(Duration.ofSeconds(30), Duration.ofSeconds(1),
          () -> emptyOrFailing(http, base, queries.keySet()), Map::isEmpty,
          "every dashboard query answered with data by Prometheus (log: " + dir.resolve("prometheus.log") + ")");
      assertEquals(Map.of(), answers);
    } finally {
      prometheus.destroy();
      prometheus.waitFor();
    }
    deleteTree(dir); // kept, with its log, when the queries failed
  }

  /** The queries Prometheus refuses or answers with no series, each with why; empty when all answered with data. */
  private static Map<String, String> emptyOrFailing(HttpClient http, String base, Set<String> queries) {
    Map<String, String> problems = new TreeMap<>();
    for (String q : queries) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        JsonObject body = new JsonObject(r.body());
        if (!"success".equals(body.getString("status"))) {
          problems.put(q, body.getString("error"));
        } else if (body.getJsonObject("data").getJsonArray("result").isEmpty()) {
          problems.put(q, "no data");
        }
      } catch (Exception e) {
        problems.put(q, e.toString());
      }
    }
    return problems;
  }

  private static JsonObject dashboard(String file) throws IOException {
    return new JsonObject(Files.readString(GRAFANA.resolve("dashboards").resolve(file)));
  }

  /** Every panel, those inside collapsed rows too. */
  private static List<JsonObject> panels(JsonObject dashboard) {
    List<JsonObject> all = new ArrayList<>();
    dashboard.getJsonArray("panels").forEach(p -> {
      all.add((JsonObject) p);
      JsonArray inner = ((JsonObject) p).getJsonArray("panels");
      if (inner != null) {
        inner.forEach(i -> all.add((JsonObject) i));
      }
    });
    return all;
  }

  /** Every PromQL expression: the panels' targets and the variables' queries (the selector of {@code label_values}). */
  private static List<String> expressions(JsonObject dashboard) {
    List<String> exprs = new ArrayList<>();
    panels(dashboard).stream().map(p -> p.getJsonArray("targets")).filter(t -> t != null)
        .flatMap(JsonArray::stream).forEach(t -> exprs.add(((JsonObject) t).getString("expr")));
    dashboard.getJsonObject("templating").getJsonArray("list").forEach(v -> {
      Object query = ((JsonObject) v).getValue("query");
      String text = query instanceof JsonObject q ? q.getString("query") : null;
      if (text != null) {
        Matcher m = LABEL_VALUES.matcher(text);
        exprs.add(m.matches() ? m.group(1) : text);
      }
    });
    return exprs;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
