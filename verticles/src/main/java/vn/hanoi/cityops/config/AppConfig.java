package vn.hanoi.cityops.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static vn.hanoi.cityops.config.ConfigKeys.*;

/**
 * The node's configuration: the bundled {@code cityops.json}, then an optional file named by {@code CITYOPS_CONFIG},
 * then environment variables ({@code CITYOPS_HTTP_PORT} for {@code http.port}). Every value is parsed and
 * range-checked here, once, when the configuration is loaded: a bad value stops the start with a message naming
 * the key and its variable, before anything is started. Immutable.
 */
public final class AppConfig {
  private static final String DEFAULTS = "/cityops.json";
  private static final String DEV_BOOTSTRAP_KEY = "cityops-dev-key";

  /** What the HTTP verticle needs. */
  public record Http(int port, String host, int instances, int bodyLimitBytes, boolean compression,
                     boolean liveCompression) {
  }

  /** What the notify floor needs: where links point, each channel's server and secrets, timeouts, retries, limits. */
  public record Notify(String publicUrl, Smtp smtp, Remote telegram, Remote zalo, Remote sms, WebPush webpush,
                       int timeoutMs, int retries, int backoffMs, int maxPerPersonPerMinute) {
  }

  /** The SMTP server; {@code host} blank: no email. */
  public record Smtp(String host, int port, String from, String username, String password, StartTls starttls) {
  }

  public enum StartTls { OFF, OPTIONAL, REQUIRED }

  /** An HTTP API a channel calls: its base URL and its secret (bot token, access token, bearer secret). */
  public record Remote(String url, String secret) {
  }

  /** What the on-call engine needs: its tick, the lease of a claimed page, how long an acknowledge link lives. */
  public record OnCall(int tickMs, int leaseSeconds, int ackLinkMinutes) {
  }

  /** The VAPID subject and key pair (both keys blank: made once and kept in PostgreSQL). */
  public record WebPush(String subject, String publicKey, String privateKey) {
  }

  private final JsonObject values;
  private final Http http;
  private final Set<String> allowedOrigins;
  private final int livePingIntervalSeconds;
  private final String pgUrl;
  private final int pgPoolSize;
  private final Path pgDataDir;
  private final int pgEmbeddedPort;
  private final int pgTimeoutMs;
  private final boolean clustered;
  private final String clusterConfig;
  private final String clusterName;
  private final int clusterPort;
  private final String clusterMembers;
  private final boolean simulator;
  private final double simulatorRate;
  private final long simulatorSeed;
  private final int simulatorDaySeconds;
  private final boolean devMode;
  private final String bootstrapApiKey;
  private final String jwtSecret;
  private final String secretsKey;
  private final int tokenTtlSeconds;
  private final String adminUsername;
  private final String adminPassword;
  private final String demoPassword;
  private final int loginWindowSeconds;
  private final int maxFailuresPerUser;
  private final int maxFailuresPerAddress;
  private final int maxBatchEvents;
  private final int batchWindowMs;
  private final int maxPendingEvents;
  private final double keyRatePerSecond;
  private final int apiKeyRefreshMs;
  private final int silenceFactor;
  private final int liveClockMs;
  private final int liveMaxPendingKeys;
  private final int alertsSweepMs;
  private final int alertsWebhookBackoffMs;
  private final int alertsWebhookMaxAttempts;
  private final int alertsWebhookTimeoutMs;
  private final int meetingPresenceTimeoutMs;
  private final Duration meetingReminderLead;
  private final Notify notify;
  private final OnCall onCall;
  private final AlertmanagerMapping alertmanager;

  private AppConfig(JsonObject values) {
    this.values = values;
    this.http = new Http(integer(HTTP_PORT, 0, 65_535), string(HTTP_HOST), integer(HTTP_INSTANCES, 1, 64),
        integer(HTTP_BODY_LIMIT_BYTES, 1_024, Integer.MAX_VALUE), flag(HTTP_COMPRESSION), flag(LIVE_COMPRESSION));
    this.allowedOrigins = Arrays.stream(string(HTTP_ALLOWED_ORIGINS).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    this.livePingIntervalSeconds = integer(LIVE_PING_INTERVAL_SECONDS, 1, 3_600);
    this.pgUrl = string(PG_URL);
    this.pgPoolSize = integer(PG_POOL_SIZE, 1, 1_000);
    this.pgDataDir = Path.of(string(PG_DATA_DIR));
    this.pgEmbeddedPort = integer(PG_EMBEDDED_PORT, 0, 65_535);
    this.pgTimeoutMs = integer(PG_TIMEOUT_MS, 100, 600_000);
    this.clustered = flag(CLUSTER);
    this.clusterConfig = string(CLUSTER_CONFIG);
    this.clusterName = string(CLUSTER_NAME);
    this.clusterPort = integer(CLUSTER_PORT, 1, 65_535);
    this.clusterMembers = string(CLUSTER_MEMBERS);
    this.simulator = flag(SIMULATOR);
    this.simulatorRate = decimal(SIMULATOR_RATE, 0.001, 1_000_000);
    this.simulatorSeed = whole(SIMULATOR_SEED);
    this.simulatorDaySeconds = integer(SIMULATOR_DAY_SECONDS, 1, 86_400);
    this.devMode = flag(DEV_MODE);
    String key = string(BOOTSTRAP_API_KEY);
    this.bootstrapApiKey = key.isBlank() && devMode ? DEV_BOOTSTRAP_KEY : key;
    this.jwtSecret = string(AUTH_JWT_SECRET);
    this.secretsKey = string(SECRETS_KEY);
    this.tokenTtlSeconds = integer(AUTH_TOKEN_TTL_SECONDS, 1, 31 * 86_400);
    this.adminUsername = string(AUTH_ADMIN_USERNAME);
    this.adminPassword = string(AUTH_ADMIN_PASSWORD);
    this.demoPassword = string(AUTH_DEMO_PASSWORD);
    this.loginWindowSeconds = integer(AUTH_LOGIN_WINDOW_SECONDS, 1, 86_400);
    this.maxFailuresPerUser = integer(AUTH_MAX_FAILURES_PER_USER, 1, 1_000_000);
    this.maxFailuresPerAddress = integer(AUTH_MAX_FAILURES_PER_ADDRESS, 1, 1_000_000);
    this.maxBatchEvents = integer(INGEST_MAX_BATCH_EVENTS, 1, 100_000);
    this.batchWindowMs = integer(INGEST_BATCH_WINDOW_MS, 0, 10_000);
    this.maxPendingEvents = integer(INGEST_MAX_PENDING_EVENTS, maxBatchEvents, Integer.MAX_VALUE);
    this.keyRatePerSecond = decimal(INGEST_KEY_RATE_PER_SECOND, 0.001, 1e9);
    this.apiKeyRefreshMs = integer(API_KEY_REFRESH_MS, 100, 3_600_000);
    this.silenceFactor = integer(HEALTH_SILENCE_FACTOR, 1, Integer.MAX_VALUE);
    this.liveClockMs = integer(LIVE_CLOCK_MS, 100, 86_400_000);
    this.liveMaxPendingKeys = integer(LIVE_MAX_PENDING_KEYS, 1, 10_000_000);
    this.alertsSweepMs = integer(ALERTS_SWEEP_MS, 10, 3_600_000);
    this.alertsWebhookBackoffMs = integer(ALERTS_WEBHOOK_BACKOFF_MS, 1, 3_600_000);
    this.alertsWebhookMaxAttempts = integer(ALERTS_WEBHOOK_MAX_ATTEMPTS, 1, 100);
    this.alertsWebhookTimeoutMs = integer(ALERTS_WEBHOOK_TIMEOUT_MS, 100, 600_000);
    this.meetingPresenceTimeoutMs = integer(MEETING_PRESENCE_TIMEOUT_MS, 1_000, 86_400_000);
    this.meetingReminderLead = duration(MEETING_REMINDER_LEAD, Duration.ofSeconds(1), Duration.ofDays(7));
    this.notify = notifySettings();
    this.onCall = new OnCall(integer(ONCALL_TICK_MS, 10, 3_600_000), integer(ONCALL_LEASE_SECONDS, 1, 3_600),
        integer(ONCALL_ACK_LINK_MINUTES, 1, 10_080));
    this.alertmanager = readAlertmanagerMapping();
  }

  private AlertmanagerMapping readAlertmanagerMapping() {
    String label;
    try {
      label = AlertmanagerMapping.labelName(string(INTEGRATIONS_ALERTMANAGER_SYSTEM_LABEL));
    } catch (IllegalArgumentException e) {
      throw bad(INTEGRATIONS_ALERTMANAGER_SYSTEM_LABEL, e.getMessage());
    }
    try {
      return new AlertmanagerMapping(label, AlertmanagerMapping.labelMap(string(INTEGRATIONS_ALERTMANAGER_LABEL_MAP)));
    } catch (IllegalArgumentException e) {
      throw bad(INTEGRATIONS_ALERTMANAGER_LABEL_MAP, e.getMessage());
    }
  }

  private Notify notifySettings() {
    WebPush webpush = new WebPush(string(NOTIFY_WEBPUSH_SUBJECT), string(NOTIFY_WEBPUSH_PUBLIC_KEY),
        string(NOTIFY_WEBPUSH_PRIVATE_KEY));
    if (!webpush.subject().startsWith("mailto:") && !webpush.subject().startsWith("https://")) {
      throw bad(NOTIFY_WEBPUSH_SUBJECT, "must start with mailto: or https://, got '" + webpush.subject() + "'");
    }
    if (webpush.publicKey().isBlank() != webpush.privateKey().isBlank()) {
      throw bad(NOTIFY_WEBPUSH_PRIVATE_KEY, "and " + NOTIFY_WEBPUSH_PUBLIC_KEY + " are set together or not at all");
    }
    return new Notify(url(NOTIFY_PUBLIC_URL, false),
        new Smtp(string(NOTIFY_SMTP_HOST), integer(NOTIFY_SMTP_PORT, 1, 65_535), string(NOTIFY_SMTP_FROM),
            string(NOTIFY_SMTP_USERNAME), string(NOTIFY_SMTP_PASSWORD), startTls()),
        new Remote(url(NOTIFY_TELEGRAM_URL, false), string(NOTIFY_TELEGRAM_BOT_TOKEN)),
        new Remote(url(NOTIFY_ZALO_URL, false), string(NOTIFY_ZALO_ACCESS_TOKEN)),
        new Remote(url(NOTIFY_SMS_URL, true), string(NOTIFY_SMS_SECRET)),
        webpush,
        integer(NOTIFY_TIMEOUT_MS, 100, 600_000), integer(NOTIFY_RETRIES, 0, 10),
        integer(NOTIFY_BACKOFF_MS, 1, 3_600_000), integer(NOTIFY_MAX_PER_PERSON_PER_MINUTE, 1, 10_000));
  }

  private StartTls startTls() {
    return switch (string(NOTIFY_SMTP_STARTTLS).toLowerCase()) {
      case "off" -> StartTls.OFF;
      case "optional" -> StartTls.OPTIONAL;
      case "required" -> StartTls.REQUIRED;
      default -> throw bad(NOTIFY_SMTP_STARTTLS, "must be off, optional or required, got '" + string(NOTIFY_SMTP_STARTTLS) + "'");
    };
  }

  /** An absolute http(s) URL without a trailing slash (blank allowed when {@code mayBeBlank}). */
  private String url(String key, boolean mayBeBlank) {
    String value = string(key);
    if (value.isBlank() && mayBeBlank) {
      return value;
    }
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return value.replaceAll("/+$", "");
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw bad(key, "must be an absolute http or https URL, got '" + value + "'");
  }

  /** Defaults, then the file in {@code CITYOPS_CONFIG}, then every {@code CITYOPS_*} variable of {@code env}. */
  public static AppConfig load(Map<String, String> env) {
    JsonObject merged = defaults();
    String file = env.get("CITYOPS_CONFIG");
    if (file != null && !file.isBlank()) {
      try {
        merged.mergeIn(new JsonObject(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + file, e);
      }
    }
    for (String key : merged.fieldNames().toArray(String[]::new)) {
      String value = env.get(envName(key));
      if (value != null) {
        merged.put(key, value);
      }
    }
    return new AppConfig(merged);
  }

  /** Defaults overlaid with explicit values, environment ignored: for tests and tools. */
  public static AppConfig of(Map<String, ?> overrides) {
    JsonObject merged = defaults();
    overrides.forEach(merged::put);
    return new AppConfig(merged);
  }

  public AppConfig with(String key, Object value) {
    return new AppConfig(values.copy().put(key, value));
  }

  /** {@code simulator.rate} becomes {@code CITYOPS_SIMULATOR_RATE}. */
  public static String envName(String key) {
    return "CITYOPS_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
  }

  private static JsonObject defaults() {
    try (InputStream in = AppConfig.class.getResourceAsStream(DEFAULTS)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Http http() { return http; }
  public int httpPort() { return http.port(); }
  public String httpHost() { return http.host(); }
  public int httpInstances() { return http.instances(); }
  public int bodyLimitBytes() { return http.bodyLimitBytes(); }
  public boolean httpCompression() { return http.compression(); }
  public boolean liveCompression() { return http.liveCompression(); }
  /** WebSocket keepalive: a ping this often. */
  public Duration livePingInterval() { return Duration.ofSeconds(livePingIntervalSeconds); }
  /** Origins whose pages may open the WebSocket (cross-site WebSocket hijacking is refused). */
  public Set<String> allowedOrigins() { return allowedOrigins; }

  /** Empty when the node should run its own embedded PostgreSQL. */
  public String pgUrl() { return pgUrl; }
  public boolean embeddedDatabase() { return pgUrl.isBlank(); }
  public int pgPoolSize() { return pgPoolSize; }
  public Path pgDataDir() { return pgDataDir; }
  public int pgEmbeddedPort() { return pgEmbeddedPort; }
  public int pgTimeoutMs() { return pgTimeoutMs; }

  public boolean clustered() { return clustered; }
  public String clusterConfig() { return clusterConfig; }
  public String clusterName() { return clusterName; }
  public int clusterPort() { return clusterPort; }
  public String clusterMembers() { return clusterMembers; }

  public boolean simulator() { return simulator; }
  public double simulatorRate() { return simulatorRate; }
  public long simulatorSeed() { return simulatorSeed; }
  public int simulatorDaySeconds() { return simulatorDaySeconds; }

  public boolean devMode() { return devMode; }

  /** The configured bootstrap key; a development node falls back to a well-known one. Empty: none. */
  public String bootstrapApiKey() { return bootstrapApiKey; }

  /** Empty: a development node makes one and keeps it in the database; production must set it. */
  public String jwtSecret() { return jwtSecret; }
  public int tokenTtlSeconds() { return tokenTtlSeconds; }
  /** Empty: a development node uses a derived, well-known key; production stores no secret without one. */
  public String secretsKey() { return secretsKey; }
  public String adminUsername() { return adminUsername; }
  public String adminPassword() { return adminPassword; }
  public String demoPassword() { return demoPassword; }
  public int loginWindowSeconds() { return loginWindowSeconds; }
  public int maxFailuresPerUser() { return maxFailuresPerUser; }
  public int maxFailuresPerAddress() { return maxFailuresPerAddress; }

  public int maxBatchEvents() { return maxBatchEvents; }
  public int batchWindowMs() { return batchWindowMs; }
  public int maxPendingEvents() { return maxPendingEvents; }
  public double keyRatePerSecond() { return keyRatePerSecond; }
  public int apiKeyRefreshMs() { return apiKeyRefreshMs; }

  public int silenceFactor() { return silenceFactor; }

  public int liveClockMs() { return liveClockMs; }
  public int liveMaxPendingKeys() { return liveMaxPendingKeys; }

  public int alertsSweepMs() { return alertsSweepMs; }
  public int alertsWebhookBackoffMs() { return alertsWebhookBackoffMs; }
  public int alertsWebhookMaxAttempts() { return alertsWebhookMaxAttempts; }
  public int alertsWebhookTimeoutMs() { return alertsWebhookTimeoutMs; }

  public int meetingPresenceTimeoutMs() { return meetingPresenceTimeoutMs; }

  /** How long before a briefing's start its invited people are reminded ({@code meeting.reminderLead}). */
  public Duration meetingReminderLead() { return meetingReminderLead; }

  /** The notify floor's settings (not {@code notify()}: that name is {@code Object}'s). */
  public Notify notifications() { return notify; }

  public OnCall onCall() { return onCall; }

  /** How Alertmanager alerts received on {@code /api/v1/integrations/alertmanager} name city systems. */
  public AlertmanagerMapping alertmanagerMapping() { return alertmanager; }

  private String string(String key) {
    Object v = values.getValue(key);
    if (v == null) {
      throw bad(key, "is missing");
    }
    return v.toString().trim();
  }

  /** An ISO-8601 duration ({@code PT15M}) from {@code min} to {@code max}. */
  private Duration duration(String key, Duration min, Duration max) {
    Duration value;
    try {
      value = Duration.parse(string(key));
    } catch (java.time.format.DateTimeParseException e) {
      throw bad(key, "must be an ISO-8601 duration such as PT15M, got '" + string(key) + "'");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw bad(key, "must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  private int integer(String key, int min, int max) {
    long value = whole(key);
    if (value < min || value > max) {
      throw bad(key, "must be " + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
          + ", got " + value);
    }
    return (int) value;
  }

  private long whole(String key) {
    try {
      return Long.parseLong(string(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a whole number, got '" + string(key) + "'");
    }
  }

  private double decimal(String key, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(string(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a number, got '" + string(key) + "'");
    }
    if (!(value >= min && value <= max)) {
      throw bad(key, "must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  private boolean flag(String key) {
    return switch (string(key).toLowerCase()) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw bad(key, "must be on or off, got '" + string(key) + "'");
    };
  }

  private static IllegalStateException bad(String key, String problem) {
    return new IllegalStateException("configuration key " + key + " (" + envName(key) + ") " + problem);
  }

  /** Whether {@code key} has its packaged default: nobody set it in the file or the environment. */
  public boolean isDefault(String key) {
    return Objects.equals(String.valueOf(defaults().getValue(key)), String.valueOf(values.getValue(key)));
  }

  /** Every key and its value, secrets masked: printed at start. */
  public JsonObject describe() {
    JsonObject copy = values.copy();
    for (String secret : new String[]{BOOTSTRAP_API_KEY, AUTH_JWT_SECRET, SECRETS_KEY, AUTH_ADMIN_PASSWORD, AUTH_DEMO_PASSWORD,
        NOTIFY_SMTP_USERNAME, NOTIFY_SMTP_PASSWORD, NOTIFY_TELEGRAM_BOT_TOKEN, NOTIFY_ZALO_ACCESS_TOKEN,
        NOTIFY_SMS_SECRET, NOTIFY_WEBPUSH_PRIVATE_KEY}) {
      if (!string(secret).isBlank()) {
        copy.put(secret, "****");
      }
    }
    copy.put(PG_URL, pgUrl.replaceAll("//([^:/@]+):[^@]*@", "//$1:****@"));
    return copy;
  }
}
