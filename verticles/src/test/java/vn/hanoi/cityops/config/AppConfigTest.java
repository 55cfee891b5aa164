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
    AppConfig config = AppConfig.load(Map.of("CITYOPS_PG_URL", "postgresql://u:pg-pass-9@db:5432/cityops",
        "CITYOPS_BOOTSTRAP_API_KEY", "k-123", "CITYOPS_NOTIFY_SMTP_USERNAME", "mail-user-7",
        "CITYOPS_NOTIFY_SMTP_PASSWORD", "mail-pass-7", "CITYOPS_NOTIFY_TELEGRAM_BOT_TOKEN", "123:bot-token-7",
        "CITYOPS_NOTIFY_ZALO_ACCESS_TOKEN", "zalo-token-7", "CITYOPS_NOTIFY_SMS_SECRET", "sms-secret-7"));
    String described = config.describe().encode();
    for (String secret : new String[]{"pg-pass-9", "k-123", "mail-user-7", "mail-pass-7", "bot-token-7", "zalo-token-7",
        "sms-secret-7"}) {
      assertFalse(described.contains(secret), secret + " in " + described);
    }
  }

  @Test
  void notificationSettingsAreReadTypedWithTheirDefaults() {
    AppConfig.Notify notify = AppConfig.load(Map.of("CITYOPS_NOTIFY_SMTP_HOST", "smtp.hanoi.gov.vn",
        "CITYOPS_NOTIFY_SMTP_PORT", "587", "CITYOPS_NOTIFY_SMTP_STARTTLS", "required",
        "CITYOPS_NOTIFY_PUBLIC_URL", "https://cityops.hanoi.gov.vn/")).notifications();
    assertEquals("smtp.hanoi.gov.vn", notify.smtp().host());
    assertEquals(587, notify.smtp().port());
    assertEquals(AppConfig.StartTls.REQUIRED, notify.smtp().starttls());
    assertEquals("https://cityops.hanoi.gov.vn", notify.publicUrl(), "a trailing slash is dropped");
    AppConfig.Notify defaults = AppConfig.load(Map.of()).notifications();
    assertEquals("", defaults.smtp().host(), "email is off until a server is named");
    assertEquals(25, defaults.smtp().port());
    assertEquals(AppConfig.StartTls.OPTIONAL, defaults.smtp().starttls());
    assertEquals("http://localhost:8080", defaults.publicUrl());
    assertEquals("https://api.telegram.org", defaults.telegram().url());
    assertEquals("", defaults.sms().url());
    assertEquals(2, defaults.retries());
  }

  @Test
  void aBadNotificationSettingStopsTheLoadNamingItsVariable() {
    for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
        Map.of("notify.smtp.starttls", "sometimes"),
        Map.of("notify.smtp.port", 0),
        Map.of("notify.publicUrl", "cityops.hanoi.gov.vn"),
        Map.of("notify.sms.url", "ftp://gateway"),
        Map.of("notify.webpush.subject", "cityops@hanoi.gov.vn"),
        Map.of("notify.webpush.publicKey", "BEl6...only-one-half"),
        Map.of("notify.timeoutMs", 10),
        Map.of("notify.retries", 11),
        Map.of("notify.maxPerPersonPerMinute", 0))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> AppConfig.of(bad), bad.toString());
      String key = bad.keySet().iterator().next();
      assertTrue(e.getMessage().contains(AppConfig.envName(key)) || e.getMessage().contains("CITYOPS_NOTIFY_WEBPUSH"),
          e.getMessage());
    }
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

  @Test
  void onCallSettingsAreReadTypedWithTheirDefaultsAndOutOfRangeOnesStopTheStart() {
    AppConfig.OnCall defaults = AppConfig.load(Map.of()).onCall();
    assertEquals(1000, defaults.tickMs());
    assertEquals(30, defaults.leaseSeconds());
    assertEquals(60, defaults.ackLinkMinutes());
    AppConfig.OnCall set = AppConfig.load(Map.of("CITYOPS_ONCALL_TICK_MS", "250", "CITYOPS_ONCALL_LEASE_SECONDS", "5",
        "CITYOPS_ONCALL_ACK_LINK_MINUTES", "15")).onCall();
    assertEquals(new AppConfig.OnCall(250, 5, 15), set);
    for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("oncall.tickMs", 0),
        Map.of("oncall.leaseSeconds", 0), Map.of("oncall.ackLinkMinutes", 20_000), Map.of("oncall.tickMs", "soon"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> AppConfig.of(bad), bad.toString());
      assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
    }
  }
}
