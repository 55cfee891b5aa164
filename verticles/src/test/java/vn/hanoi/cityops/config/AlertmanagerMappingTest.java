package vn.hanoi.cityops.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How alerts' labels name city systems, and how a bad mapping stops the start naming its key. */
class AlertmanagerMappingTest {

  @Test
  void theSystemLabelWinsThenTheFirstMappedLabelOfTheMap() {
    AlertmanagerMapping mapping = AppConfig.load(Map.of(
        "CITYOPS_INTEGRATIONS_ALERTMANAGER_LABEL_MAP", "{\"job\": {\"dvc-portal\": \"DVC-PORTAL\"}, \"service\": {\"hop\": \"HOP\"}}"))
        .alertmanagerMapping();

    assertEquals("cityops_system", mapping.systemLabel());
    assertEquals("WAN", mapping.systemOf(Map.of("cityops_system", "WAN", "job", "dvc-portal")));
    assertEquals("DVC-PORTAL", mapping.systemOf(Map.of("job", "dvc-portal", "service", "hop")));
    assertEquals("HOP", mapping.systemOf(Map.of("job", "node", "service", "hop")));
    assertNull(mapping.systemOf(Map.of("job", "node", "alertname", "DiskFull")));
    assertEquals("cityops_system, job, service", mapping.labelsLookedAt());
  }

  @Test
  void theDefaultsNameSystemsByTheCityopsSystemLabelOnly() {
    AlertmanagerMapping mapping = AppConfig.load(Map.of()).alertmanagerMapping();

    assertEquals(Map.of(), mapping.byLabel());
    assertEquals("OPENDATA", mapping.systemOf(Map.of("cityops_system", "OPENDATA")));
  }

  @Test
  void aBadLabelNameOrMapStopsTheStartNamingTheKeyAndItsVariable() {
    IllegalStateException label = assertThrows(IllegalStateException.class,
        () -> AppConfig.load(Map.of("CITYOPS_INTEGRATIONS_ALERTMANAGER_SYSTEM_LABEL", "city-system")));
    assertTrue(label.getMessage().contains("integrations.alertmanager.systemLabel (CITYOPS_INTEGRATIONS_ALERTMANAGER_SYSTEM_LABEL)"),
        label.getMessage());

    for (String bad : new String[]{"[1]", "{\"job\": \"DVC-PORTAL\"}", "{\"job\": {\"x\": 3}}", "{\"bad-label\": {}}",
        "{\"job\": {\"x\": \"A-CODE-LONGER-THAN-THIRTY-TWO-CHARS\"}}", "not json"}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> AppConfig.load(Map.of("CITYOPS_INTEGRATIONS_ALERTMANAGER_LABEL_MAP", bad)), bad);
      assertTrue(e.getMessage().startsWith("configuration key integrations.alertmanager.labelMap"), e.getMessage());
    }
  }
}
