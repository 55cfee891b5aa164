package vn.hanoi.cityops.config;

/**
 * Every configuration key, in one place. A key {@code a.bC} is overridden by the environment variable
 * {@code CITYOPS_A_B_C} (dots and camel humps become underscores); see {@link AppConfig#envName(String)}.
 */
public final class ConfigKeys {
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_INSTANCES = "http.instances";
  public static final String HTTP_BODY_LIMIT_BYTES = "http.bodyLimitBytes";
  public static final String HTTP_ALLOWED_ORIGINS = "http.allowedOrigins";
  public static final String HTTP_COMPRESSION = "http.compression";
  /** WebSocket keepalive: a ping this often; a client that answers none for 2.5 times as long is closed. */
  public static final String LIVE_PING_INTERVAL_SECONDS = "live.pingIntervalSeconds";

  public static final String PG_URL = "pg.url";
  public static final String PG_POOL_SIZE = "pg.poolSize";
  public static final String PG_DATA_DIR = "pg.dataDir";
  public static final String PG_EMBEDDED_PORT = "pg.embeddedPort";
  public static final String PG_TIMEOUT_MS = "pg.timeoutMs";

  public static final String CLUSTER = "cluster";
  public static final String CLUSTER_CONFIG = "cluster.config";
  public static final String CLUSTER_NAME = "cluster.name";
  public static final String CLUSTER_PORT = "cluster.port";
  public static final String CLUSTER_MEMBERS = "cluster.members";

  public static final String SIMULATOR = "simulator";
  public static final String SIMULATOR_RATE = "simulator.rate";
  public static final String SIMULATOR_SEED = "simulator.seed";
  public static final String SIMULATOR_DAY_SECONDS = "simulator.daySeconds";

  public static final String BOOTSTRAP_API_KEY = "bootstrap.apiKey";
  public static final String DEV_MODE = "dev.mode";

  public static final String INGEST_MAX_BATCH_EVENTS = "ingest.maxBatchEvents";
  public static final String INGEST_BATCH_WINDOW_MS = "ingest.batchWindowMs";
  public static final String INGEST_MAX_PENDING_EVENTS = "ingest.maxPendingEvents";
  public static final String INGEST_KEY_RATE_PER_SECOND = "ingest.keyRatePerSecond";
  public static final String API_KEY_REFRESH_MS = "apiKeys.refreshMs";

  /** A system is silent once it sent no heartbeat for its heartbeat interval times this factor. */
  public static final String HEALTH_SILENCE_FACTOR = "health.silenceFactor";

  /**
   * Every this many milliseconds a clock tick is stored in the event log, so that live figures that move with
   * time alone (overdue now, the rollover of "today") are recomputed on every node at the same sequence number.
   */
  public static final String LIVE_CLOCK_MS = "live.clockMs";
  /** Undelivered keys a slow WebSocket client may owe before it gets a resync snapshot instead. */
  public static final String LIVE_MAX_PENDING_KEYS = "live.maxPendingKeys";
  public static final String LIVE_COMPRESSION = "live.compression";

  /** How often every node lets time act on alerts: pending conditions, escalations, ended silences. */
  public static final String ALERTS_SWEEP_MS = "alerts.sweepMs";
  /** The first retry of a failed webhook delivery waits this long; each next one twice as long. */
  public static final String ALERTS_WEBHOOK_BACKOFF_MS = "alerts.webhookBackoffMs";
  /** Attempts of one webhook delivery before it is recorded as failed. */
  public static final String ALERTS_WEBHOOK_MAX_ATTEMPTS = "alerts.webhookMaxAttempts";
  /** How long a webhook receiver may take to answer. */
  public static final String ALERTS_WEBHOOK_TIMEOUT_MS = "alerts.webhookTimeoutMs";

  /**
   * A briefing participant whose page has not renewed its presence for this long (a crashed browser, a lost
   * network) is marked left by the presence sweep; the page renews three times within it.
   */
  public static final String MEETING_PRESENCE_TIMEOUT_MS = "meeting.presenceTimeoutMs";
  /** How long before a briefing's start its invited people are reminded (an ISO-8601 duration, e.g. PT15M). */
  public static final String MEETING_REMINDER_LEAD = "meeting.reminderLead";

  /** How often every node's on-call engine looks at the open outages (besides when an alert changes). */
  public static final String ONCALL_TICK_MS = "oncall.tickMs";
  /** How long a node's claim on a page it is sending holds before another node may take it over. */
  public static final String ONCALL_LEASE_SECONDS = "oncall.leaseSeconds";
  /** How long a page's one-tap acknowledge link stays valid. */
  public static final String ONCALL_ACK_LINK_MINUTES = "oncall.ackLinkMinutes";

  /** Where people reach the node (links in messages are made absolute against it). */
  public static final String NOTIFY_PUBLIC_URL = "notify.publicUrl";
  /** The SMTP server mail goes through; blank: no email from this node. */
  public static final String NOTIFY_SMTP_HOST = "notify.smtp.host";
  public static final String NOTIFY_SMTP_PORT = "notify.smtp.port";
  public static final String NOTIFY_SMTP_FROM = "notify.smtp.from";
  public static final String NOTIFY_SMTP_USERNAME = "notify.smtp.username";
  public static final String NOTIFY_SMTP_PASSWORD = "notify.smtp.password";
  /** off, optional or required. */
  public static final String NOTIFY_SMTP_STARTTLS = "notify.smtp.starttls";
  /** Base URL of the Telegram Bot API. */
  public static final String NOTIFY_TELEGRAM_URL = "notify.telegram.url";
  /** The bot's token; blank: no Telegram from this node. */
  public static final String NOTIFY_TELEGRAM_BOT_TOKEN = "notify.telegram.botToken";
  /** Base URL of the Zalo Official Account API. */
  public static final String NOTIFY_ZALO_URL = "notify.zalo.url";
  /** The Official Account's access token; blank: no Zalo from this node. */
  public static final String NOTIFY_ZALO_ACCESS_TOKEN = "notify.zalo.accessToken";
  /** The SMS gateway's URL; blank: no SMS from this node. */
  public static final String NOTIFY_SMS_URL = "notify.sms.url";
  /** Sent to the SMS gateway as a bearer token. */
  public static final String NOTIFY_SMS_SECRET = "notify.sms.secret";
  /** VAPID subject (mailto: or https:) push services may contact about this sender. */
  public static final String NOTIFY_WEBPUSH_SUBJECT = "notify.webpush.subject";
  /** VAPID key pair (base64url, uncompressed P-256); both blank: one is made once and kept in PostgreSQL. */
  public static final String NOTIFY_WEBPUSH_PUBLIC_KEY = "notify.webpush.publicKey";
  public static final String NOTIFY_WEBPUSH_PRIVATE_KEY = "notify.webpush.privateKey";
  /** How long one outward call (SMTP, Bot API, push service…) may take before it counts as failed. */
  public static final String NOTIFY_TIMEOUT_MS = "notify.timeoutMs";
  /** Retries of a transient failure (timeout, refused, 5xx, 429) on one channel before it counts as failed. */
  public static final String NOTIFY_RETRIES = "notify.retries";
  /** The first retry waits this long; each next one twice as long. */
  public static final String NOTIFY_BACKOFF_MS = "notify.backoffMs";
  /** Messages one person may be sent per minute; more are recorded as rate_limited, not sent. */
  public static final String NOTIFY_MAX_PER_PERSON_PER_MINUTE = "notify.maxPerPersonPerMinute";

  /** The Alertmanager label whose value is the city system's code an alert is about (POST /api/v1/integrations/alertmanager). */
  public static final String INTEGRATIONS_ALERTMANAGER_SYSTEM_LABEL = "integrations.alertmanager.systemLabel";
  /** Further labels mapped to system codes when the system label is absent: {"job": {"dvc-portal": "DVC-PORTAL"}}. */
  public static final String INTEGRATIONS_ALERTMANAGER_LABEL_MAP = "integrations.alertmanager.labelMap";

  public static final String AUTH_JWT_SECRET = "auth.jwtSecret";
  /** Base64 of 32 random bytes: the AES-256-GCM key of the secrets kept in PostgreSQL (webhook and TOTP secrets). */
  public static final String SECRETS_KEY = "secrets.key";
  public static final String AUTH_TOKEN_TTL_SECONDS = "auth.tokenTtlSeconds";
  public static final String AUTH_ADMIN_USERNAME = "auth.adminUsername";
  public static final String AUTH_ADMIN_PASSWORD = "auth.adminPassword";
  public static final String AUTH_DEMO_PASSWORD = "demo.password";
  public static final String AUTH_LOGIN_WINDOW_SECONDS = "auth.loginWindowSeconds";
  public static final String AUTH_MAX_FAILURES_PER_USER = "auth.maxFailuresPerUser";
  public static final String AUTH_MAX_FAILURES_PER_ADDRESS = "auth.maxFailuresPerAddress";

  private ConfigKeys() {
  }
}
