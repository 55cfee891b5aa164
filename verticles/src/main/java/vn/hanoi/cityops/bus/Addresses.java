package vn.hanoi.cityops.bus;

/**
 * Every event-bus address, in one place, named {@code cityops.<capability>.<what>}. The bus notifies; PostgreSQL
 * holds the truth, so no message carries data a receiver could not read again from it.
 */
public final class Addresses {
  /**
   * Something new was committed to the event log, on some node (an ingested batch, an internal event, a meeting or
   * an alert change, a clock tick): every node's feed reads the log now rather than at its next safety poll. The
   * body is empty; send it with {@link FeedSignal}.
   */
  public static final String FEED_CHANGED = "cityops.feed.changed";
  /** An API key was created or revoked (body: its id), so every node drops its cached copy at once. */
  public static final String API_KEYS_CHANGED = "cityops.auth.api-keys-changed";
  /** A sign-in session ended (body: its token id): every node refuses its token and closes its sockets at once. */
  public static final String SESSIONS_CHANGED = "cityops.auth.sessions-changed";

  private Addresses() {
  }
}
