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

  @Test
  void aValueOutOfRangeStopsTheLoadNamingTheKeyAndItsVariable() {
    IllegalStateException clock = assertThrows(IllegalStateException.class,
        () -> AppConfig.load(Map.of("CITYOPS_LIVE_CLOCK_MS", "50")));
    assertTrue(clock.getMessage().contains("live.clockMs") && clock.getMessage().contains("CITYOPS_LIVE_CLOCK_MS")
        && clock.getMessage().contains("from 100"), clock.getMessage());
    IllegalStateException presence = assertThrows(IllegalStateException.class,
        () -> AppConfig.of(Map.of("meeting.presenceTimeoutMs", 999)));
    assertTrue(presence.getMessage().contains("meeting.presenceTimeoutMs"), presence.getMessage());
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("health.silenceFactor", 0)));
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("live.maxPendingKeys", 0)));
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("live.pingIntervalSeconds", 0)));
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("http.port", 70_000)));
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("simulator.rate", "-1")));
    assertThrows(IllegalStateException.class, () -> AppConfig.of(Map.of("ingest.maxPendingEvents", 10, "ingest.maxBatchEvents", 100)),
        "the queue must hold at least one batch");
  }

  @Test
  void valuesAreReadOnceAtLoadSoAGoodConfigurationAnswersTypedValues() {
    AppConfig config = AppConfig.of(Map.of("live.clockMs", 100, "live.pingIntervalSeconds", 2, "simulator.rate", "2.5"));
    assertEquals(100, config.liveClockMs());
    assertEquals(java.time.Duration.ofSeconds(2), config.livePingInterval());
    assertEquals(2.5, config.simulatorRate());
    assertEquals(config.httpPort(), config.http().port());
  }
}
