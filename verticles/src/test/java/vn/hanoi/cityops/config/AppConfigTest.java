package vn.hanoi.cityops.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppConfigTest {

  @Test
  void environmentVariableNamesFollowTheKeys() {
    assertEquals("CITYOPS_HTTP_PORT", AppConfig.envName(ConfigKeys.HTTP_PORT));
    assertEquals("CITYOPS_PG_URL", AppConfig.envName(ConfigKeys.PG_URL));
    assertEquals("CITYOPS_SIMULATOR", AppConfig.envName(ConfigKeys.SIMULATOR));
    assertEquals("CITYOPS_SIMULATOR_RATE", AppConfig.envName(ConfigKeys.SIMULATOR_RATE));
    assertEquals("CITYOPS_BOOTSTRAP_API_KEY", AppConfig.envName(ConfigKeys.BOOTSTRAP_API_KEY));
  }

  @Test
  void defaultsRunADevelopmentNodeOnAnEmbeddedDatabase() {
    AppConfig config = AppConfig.load(Map.of());
    assertEquals(8080, config.httpPort());
    assertTrue(config.embeddedDatabase());
    assertTrue(config.simulator());
    assertTrue(config.clustered());
    assertEquals("cityops-dev-key", config.bootstrapApiKey());
  }

  @Test
  void environmentOverridesTheDefaults() {
    AppConfig config = AppConfig.load(Map.of("CITYOPS_HTTP_PORT", "9090", "CITYOPS_SIMULATOR", "off",
        "CITYOPS_SIMULATOR_RATE", "250", "CITYOPS_PG_URL", "postgresql://u:secret@db:5432/cityops",
        "CITYOPS_BOOTSTRAP_API_KEY", "k-123"));
    assertEquals(9090, config.httpPort());
    assertFalse(config.simulator());
    assertEquals(250.0, config.simulatorRate());
    assertFalse(config.embeddedDatabase());
    assertEquals("k-123", config.bootstrapApiKey());
  }

  @Test
  void describedConfigurationMasksSecrets() {
    AppConfig config = AppConfig.load(Map.of("CITYOPS_PG_URL", "postgresql://u:secret@db:5432/cityops",
        "CITYOPS_BOOTSTRAP_API_KEY", "k-123"));
    String described = config.describe().encode();
    assertFalse(described.contains("secret"), described);
    assertFalse(described.contains("k-123"), described);
  }

  @Test
  void productionNodeHasNoBootstrapKeyUnlessConfigured() {
    assertEquals("", AppConfig.load(Map.of("CITYOPS_DEV_MODE", "off")).bootstrapApiKey());
  }

  @Test
  void badValuesFailWithTheVariableName() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AppConfig.load(Map.of("CITYOPS_HTTP_PORT", "eighty")).httpPort());
    assertTrue(e.getMessage().contains("CITYOPS_HTTP_PORT"));
    assertThrows(IllegalStateException.class, () -> AppConfig.load(Map.of("CITYOPS_SIMULATOR", "maybe")).simulator());
  }
}
