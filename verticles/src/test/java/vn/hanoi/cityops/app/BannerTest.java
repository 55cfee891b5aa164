package vn.hanoi.cityops.app;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BannerTest {
  private static String banner(Map<String, ?> values) {
    return Banner.text(AppConfig.of(values), "node-1", "external PostgreSQL");
  }

  @Test
  void aBootstrapKeyAndDemoPasswordGivenByTheOperatorAreNeverPrinted() {
    String text = banner(Map.of("dev.mode", "on", "bootstrap.apiKey", "s3cret-operator-key-0123456789",
        "demo.password", "operator-chosen-pw"));

    assertFalse(text.contains("s3cret-operator-key-0123456789"), text);
    assertFalse(text.contains("operator-chosen-pw"), text);
    assertTrue(text.contains("CITYOPS_BOOTSTRAP_API_KEY (not printed)"), text);
    assertTrue(text.contains("CITYOPS_DEMO_PASSWORD (not printed)"), text);
  }

  @Test
  void theDevelopmentDefaultKeyIsPrintedOnceAndMarkedAsTheDefault() {
    String text = banner(Map.of("dev.mode", "on"));

    assertEquals(3, text.split("cityops-dev-key", -1).length, text); // the key line and the curl that uses it
    assertTrue(text.contains("the development default"), text);
  }

  @Test
  void aProductionNodePrintsNoKeyAndNoPassword() {
    String text = banner(Map.of("dev.mode", "off", "bootstrap.apiKey", "prod-key-abcdefghijklmnop"));

    assertFalse(text.contains("prod-key-abcdefghijklmnop"), text);
    assertFalse(text.contains("bootstrap key"), text);
    assertFalse(text.contains("password"), text);
  }
}
