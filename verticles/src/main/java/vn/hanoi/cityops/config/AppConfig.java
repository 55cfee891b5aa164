package vn.hanoi.cityops.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static vn.hanoi.cityops.config.ConfigKeys.*;

/**
 * The node's configuration, read once at start: the bundled {@code cityops.json}, then an optional file
 * named by {@code CITYOPS_CONFIG}, then environment variables ({@code CITYOPS_HTTP_PORT} for {@code http.port}).
 */
public final class AppConfig {
  private static final String DEFAULTS = "/cityops.json";
  private static final String DEV_BOOTSTRAP_KEY = "cityops-dev-key";

  private final JsonObject values;

  private AppConfig(JsonObject values) {
    this.values = values;
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

  public int httpPort() { return integer(HTTP_PORT); }
  public String httpHost() { return string(HTTP_HOST); }
  public int httpInstances() { return integer(HTTP_INSTANCES); }
  public int bodyLimitBytes() { return integer(HTTP_BODY_LIMIT_BYTES); }
  public boolean httpCompression() { return flag(HTTP_COMPRESSION); }
  public boolean liveCompression() { return flag(LIVE_COMPRESSION); }
  public int livePingIntervalSeconds() { return integer(LIVE_PING_INTERVAL_SECONDS); }
  /** Origins whose pages may open the WebSocket (cross-site WebSocket hijacking is refused). */
  public java.util.Set<String> allowedOrigins() {
    return java.util.Arrays.stream(string(HTTP_ALLOWED_ORIGINS).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Empty when the node should run its own embedded PostgreSQL. */
  public String pgUrl() { return string(PG_URL); }
  public boolean embeddedDatabase() { return pgUrl().isBlank(); }
  public int pgPoolSize() { return integer(PG_POOL_SIZE); }
  public Path pgDataDir() { return Path.of(string(PG_DATA_DIR)); }
  public int pgEmbeddedPort() { return integer(PG_EMBEDDED_PORT); }
  public int pgTimeoutMs() { return integer(PG_TIMEOUT_MS); }

  public boolean clustered() { return flag(CLUSTER); }
  public String clusterConfig() { return string(CLUSTER_CONFIG); }
  public String clusterName() { return string(CLUSTER_NAME); }
  public int clusterPort() { return integer(CLUSTER_PORT); }
  public String clusterMembers() { return string(CLUSTER_MEMBERS); }

  public boolean simulator() { return flag(SIMULATOR); }
  public double simulatorRate() { return Double.parseDouble(string(SIMULATOR_RATE)); }
  public long simulatorSeed() { return Long.parseLong(string(SIMULATOR_SEED)); }
  public int simulatorDaySeconds() { return integer(SIMULATOR_DAY_SECONDS); }

  public boolean devMode() { return flag(DEV_MODE); }

  /** The configured bootstrap key; a development node falls back to a well-known one. Empty: none. */
  public String bootstrapApiKey() {
    String key = string(BOOTSTRAP_API_KEY);
    return key.isBlank() && devMode() ? DEV_BOOTSTRAP_KEY : key;
  }

  /** Empty: a development node makes one and keeps it in the database; production must set it. */
  public String jwtSecret() { return string(AUTH_JWT_SECRET); }
  public int tokenTtlSeconds() { return integer(AUTH_TOKEN_TTL_SECONDS); }
  public String adminUsername() { return string(AUTH_ADMIN_USERNAME); }
  public String adminPassword() { return string(AUTH_ADMIN_PASSWORD); }
  public String demoPassword() { return string(AUTH_DEMO_PASSWORD); }
  public int loginWindowSeconds() { return integer(AUTH_LOGIN_WINDOW_SECONDS); }
  public int maxFailuresPerUser() { return integer(AUTH_MAX_FAILURES_PER_USER); }
  public int maxFailuresPerAddress() { return integer(AUTH_MAX_FAILURES_PER_ADDRESS); }

  public int maxBatchEvents() { return integer(INGEST_MAX_BATCH_EVENTS); }
  public int batchWindowMs() { return integer(INGEST_BATCH_WINDOW_MS); }
  public int maxPendingEvents() { return integer(INGEST_MAX_PENDING_EVENTS); }
  public double keyRatePerSecond() { return Double.parseDouble(string(INGEST_KEY_RATE_PER_SECOND)); }
  public int apiKeyRefreshMs() { return integer(API_KEY_REFRESH_MS); }

  public int silenceFactor() { return integer(HEALTH_SILENCE_FACTOR); }

  public int liveClockMs() { return integer(LIVE_CLOCK_MS); }
  public int liveMaxPendingKeys() { return integer(LIVE_MAX_PENDING_KEYS); }

  public int alertsSweepMs() { return integer(ALERTS_SWEEP_MS); }
  public int alertsWebhookBackoffMs() { return integer(ALERTS_WEBHOOK_BACKOFF_MS); }
  public int alertsWebhookMaxAttempts() { return integer(ALERTS_WEBHOOK_MAX_ATTEMPTS); }
  public int alertsWebhookTimeoutMs() { return integer(ALERTS_WEBHOOK_TIMEOUT_MS); }

  public int meetingPresenceTimeoutMs() { return integer(MEETING_PRESENCE_TIMEOUT_MS); }

  private String string(String key) {
    Object v = values.getValue(key);
    if (v == null) {
      throw new IllegalStateException("missing configuration key " + key + " (" + envName(key) + ")");
    }
    return v.toString().trim();
  }

  private int integer(String key) {
    try {
      return Integer.parseInt(string(key));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("configuration key " + key + " (" + envName(key) + ") must be a whole number, got '" + string(key) + "'");
    }
  }

  private boolean flag(String key) {
    return switch (string(key).toLowerCase()) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalStateException("configuration key " + key + " (" + envName(key) + ") must be on or off, got '" + string(key) + "'");
    };
  }

  /** Every key and its value, secrets masked: printed at start. */
  public JsonObject describe() {
    JsonObject copy = values.copy();
    for (String secret : new String[]{BOOTSTRAP_API_KEY, AUTH_JWT_SECRET, AUTH_ADMIN_PASSWORD, AUTH_DEMO_PASSWORD}) {
      if (!string(secret).isBlank()) {
        copy.put(secret, "****");
      }
    }
    copy.put(PG_URL, pgUrl().replaceAll("//([^:/@]+):[^@]*@", "//$1:****@"));
    return copy;
  }
}
