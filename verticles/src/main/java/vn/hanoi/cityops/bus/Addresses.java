package vn.hanoi.cityops.bus;

/** Every event-bus address, in one place. The bus notifies; PostgreSQL holds the truth. */
public final class Addresses {
  /** Published after a batch of events is durably committed: {@code {"node", "events": [...]}}. */
  public static final String INGEST_ACCEPTED = "cityops.ingest.accepted";
  /** Published when an API key is created or revoked, so every node drops its cached copy at once. */
  public static final String API_KEYS_CHANGED = "cityops.auth.api-keys-changed";

  /** Published when a sign-in session ends (sign-out, user changed): every node refuses its token at once. */
  public static final String SESSIONS_CHANGED = "cityops.auth.sessions-changed";

  private Addresses() {
  }
}
