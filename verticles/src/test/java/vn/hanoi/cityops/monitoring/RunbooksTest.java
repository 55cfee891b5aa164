package vn.hanoi.cityops.monitoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Prometheus rule of monitoring/rules has a {@code runbook_url} naming its own runbook, and that runbook
 * exists and says what the alert means, what to check first, how to fix it and when to escalate.
 */
class RunbooksTest {
  private static final Path REPO = Path.of("..");
  private static final List<String> SECTIONS = List.of("## What it means", "## First checks", "## How to fix", "## When to escalate");

  @Test
  void everyRuleNamesARunbookThatExistsWithItsFourSections() throws IOException {
    String rules = Files.readString(REPO.resolve("monitoring/rules/cityops-rules.yml"));
    String[] blocks = rules.split("\\n\\s*- alert: ");
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < blocks.length; i++) {
      String alert = blocks[i].lines().findFirst().orElseThrow().trim();
      Matcher url = Pattern.compile("runbook_url: \"([^\"]+)\"").matcher(blocks[i]);
      String expected = "monitoring/runbooks/" + alert + ".md";
      if (!url.find() || !url.group(1).equals(expected)) {
        problems.add(alert + ": runbook_url is not " + expected);
        continue;
      }
      Path runbook = REPO.resolve(expected);
      if (!Files.isRegularFile(runbook)) {
        problems.add(alert + ": " + expected + " does not exist");
        continue;
      }
      String text = Files.readString(runbook);
      if (!text.startsWith("# " + alert)) {
        problems.add(expected + " does not start with its alert's name");
      }
      SECTIONS.stream().filter(s -> !text.contains(s)).forEach(s -> problems.add(expected + " lacks '" + s + "'"));
    }
    assertTrue(blocks.length > 9, "rules found: " + (blocks.length - 1));
    assertEquals(List.of(), problems);
  }

  @Test
  void theFourAlertsThePagingIsForAreAmongTheRules() throws IOException {
    String rules = Files.readString(REPO.resolve("monitoring/rules/cityops-rules.yml"));
    for (String alert : List.of("CityopsNodeDown", "CityopsEventLoopBlocked", "CityopsPostgresUnavailable", "CityopsWebSocketsBehind")) {
      assertTrue(rules.contains("- alert: " + alert + "\n"), alert);
    }
  }
}
