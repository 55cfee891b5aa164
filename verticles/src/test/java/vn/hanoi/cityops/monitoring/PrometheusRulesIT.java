package vn.hanoi.cityops.monitoring;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.NodeTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus alerting rules for the nodes themselves (monitoring/rules): their promtool unit tests pass,
 * and every metric they watch is one a running node really exports (a renamed metric would silence an alert).
 */
class PrometheusRulesIT {
  private static final Path RULES = Path.of("../monitoring/rules");
  private static final String PROMTOOL = System.getProperty("cityops.promtool", "/usr/bin/promtool");

  @Test
  void alertRulesPassTheirPromtoolUnitTests() throws Exception {
    if (!Files.isExecutable(Path.of(PROMTOOL))) {
      throw new IllegalStateException("this test needs promtool from Debian's prometheus package: apt-get install prometheus (.ci/run does)");
    }
    Process check = new ProcessBuilder(PROMTOOL, "check", "rules", "cityops-rules.yml").directory(RULES.toFile())
        .redirectErrorStream(true).start();
    String checked = output(check);
    assertEquals(0, check.exitValue(), checked);
    Process test = new ProcessBuilder(PROMTOOL, "test", "rules", "cityops-rules.test.yml").directory(RULES.toFile())
        .redirectErrorStream(true).start();
    String tested = output(test);
    assertEquals(0, test.exitValue(), tested);
    assertTrue(tested.contains("SUCCESS"), tested);
  }

  @Test
  @NodeTest
  void everyMetricTheRulesWatchIsExportedByANode(Api api) throws IOException {
    Set<String> watched = new TreeSet<>();
    Matcher m = Pattern.compile("\\b((?:cityops|vertx)_[a-z_]+)").matcher(Files.readString(RULES.resolve("cityops-rules.yml")));
    while (m.find()) {
      watched.add(m.group(1));
    }
    assertTrue(watched.size() >= 6, "rules found: " + watched);
    api.postEvents("{not json"); // a rejection, so the labelled rejection counter exists
    api.storedEvents(); // a PostgreSQL query, so the pool's metrics exist
    String metrics = api.get("/metrics").bodyAsString();
    Set<String> missing = new TreeSet<>();
    for (String name : watched) {
      if (metrics.lines().noneMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "))) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "metrics the alert rules watch but no node exports");
  }

  private static String output(Process p) throws Exception {
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
    return text;
  }
}
