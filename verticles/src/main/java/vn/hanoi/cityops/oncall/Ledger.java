package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's ledger in PostgreSQL: outages ({@code oncall_episode}) kept in step with alert/'s open groups, the
 * pages claimed before they are sent ({@code oncall_page}: a unique row each, a lease, takeovers), the holds of
 * maintenance windows ({@code oncall_hold}). The SQL is in {@code sql/oncall/*.sql}; every write is one statement
 * that is right whatever other node runs it at the same time. Answers records.
 */
public final class Ledger {
  private static final String OPEN = sql("episode-open");
  private static final String REFRESH = sql("episode-refresh");
  private static final String CLOSE = sql("episode-close");
  private static final String WORK = sql("episode-work");
  private static final String PAGES = sql("page-of-episodes");
  private static final String CLAIM = sql("page-claim");
  private static final String TAKEOVER = sql("page-takeover");
  private static final String RENEW = sql("page-renew");
  private static final String FINISH = sql("page-finish");
  private static final String HOLD = sql("hold");
  private static final String RELEASE = sql("release");
  private static final String RECIPIENTS = sql("all-clear-recipients");
  private static final String ALL_CLEAR_DONE = sql("all-clear-done");
  private static final String TEAM_OPEN = sql("team-open-alerts");
  private static final String EPISODES_OF = sql("episodes-of");
  private static final String HOLDS_OF = sql("holds-of");
  private static final String SYSTEM_NAMES = sql("system-names");

  /** A message to claim: of an outage or, for a handoff, of a rotation. */
  public record Claim(Long episodeId, Long rotationId, Paging.Intent intent) {
  }

  /** A maintenance window held an outage's pages over one of its occurrences. */
  public record Hold(long episodeId, long windowId, Instant from, Instant to, String reason, Instant heldAt) {
  }

  private final Pool pool;

  public Ledger(Pool pool) {
    this.pool = pool;
  }

  private static String sql(String name) {
    return Sql.load("oncall/" + name + ".sql");
  }

  /** Brings the outages in step with the open alert groups: opens new ones, refreshes open ones, closes the over. */
  public Future<Void> sync() {
    return pool.query(OPEN).execute()
        .compose(v -> pool.query(REFRESH).execute())
        .compose(v -> pool.query(CLOSE).execute())
        .mapEmpty();
  }

  /** The open outages and the closed ones still owing an all-clear, with their group's live counts. */
  public Future<List<Episode>> work() {
    return pool.preparedQuery(WORK).execute(Tuple.of((Object) null)).map(Ledger::episodes);
  }

  /** The outages {@code ids}, as {@link #work()} reads them. */
  public Future<List<Episode>> episodes(List<Long> ids) {
    return pool.preparedQuery(WORK).execute(Tuple.of(ids.toArray(new Long[0]))).map(Ledger::episodes);
  }

  /** The outages alert {@code alertId} took part in, or of {@code group}, newest first (at most 20). */
  public Future<List<Episode>> episodesOf(Long alertId, String group) {
    return pool.preparedQuery(EPISODES_OF).execute(Tuple.of(alertId, group)).map(Ledger::episodes);
  }

  /** The pages of the outages {@code ids}, oldest first. */
  public Future<List<Page>> pagesOf(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery(PAGES).execute(Tuple.of(ids.toArray(new Long[0]))).map(Ledger::pages);
  }

  /** The holds of the outages {@code ids}, oldest first. */
  public Future<List<Hold>> holdsOf(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery(HOLDS_OF).execute(Tuple.of(ids.toArray(new Long[0]))).map(rows -> {
      List<Hold> holds = new ArrayList<>(rows.size());
      for (Row r : rows) {
        holds.add(new Hold(r.getLong("episode_id"), r.getLong("window_id"), instant(r, "occurrence_start"),
            instant(r, "occurrence_end"), r.getString("reason"), instant(r, "held_at")));
      }
      return holds;
    });
  }

  /** Claims for {@code node}, with a lease, whichever of {@code claims} no node claimed yet; answers those claimed. */
  public Future<List<Page>> claim(List<Claim> claims, String node, int leaseSeconds) {
    if (claims.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    int n = claims.size();
    Long[] episodes = new Long[n];
    Long[] rotations = new Long[n];
    String[] kinds = new String[n];
    Integer[] rounds = new Integer[n];
    Integer[] steps = new Integer[n];
    String[] people = new String[n];
    OffsetDateTime[] due = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Claim c = claims.get(i);
      episodes[i] = c.episodeId();
      rotations[i] = c.rotationId();
      kinds[i] = c.intent().kind().code();
      rounds[i] = c.intent().round();
      steps[i] = c.intent().step();
      people[i] = c.intent().username();
      due[i] = c.intent().dueAt().atOffset(ZoneOffset.UTC);
    }
    return pool.preparedQuery(CLAIM).execute(Tuple.from(new Object[]{episodes, rotations, kinds, rounds, steps, people,
        due, node, leaseSeconds})).map(Ledger::pages);
  }

  /** Takes over for {@code node} the claims whose lease ran out (their node died mid-send). */
  public Future<List<Page>> takeOver(String node, int leaseSeconds) {
    return pool.preparedQuery(TAKEOVER).execute(Tuple.of(node, leaseSeconds)).map(Ledger::pages);
  }

  /** {@code node} still sends {@code ids}: their leases run on. */
  public Future<Void> renew(List<Long> ids, String node, int leaseSeconds) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(RENEW).execute(Tuple.of(ids.toArray(new Long[0]), node, leaseSeconds)).mapEmpty();
  }

  /** Page {@code id}, sent by {@code node}, ended in {@code state}; false when another node had taken it over. */
  public Future<Boolean> finish(long id, String node, String state, Long notificationId) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(id, node, state, notificationId)).map(rows -> rows.size() > 0);
  }

  /** Records that a window's occurrence holds the outage, and starts its escalation clock at the occurrence's end. */
  public Future<Void> hold(long episodeId, MaintenanceWindow window, MaintenanceWindow.Occurrence occurrence) {
    return pool.preparedQuery(HOLD).execute(Tuple.of(episodeId, window.id(), utc(occurrence.from()),
        utc(occurrence.to()), window.reason())).mapEmpty();
  }

  /** The outages {@code ids} are held by no window now: a clock a hold had set later starts now. */
  public Future<Void> release(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(RELEASE).execute(Tuple.of(ids.toArray(new Long[0]))).mapEmpty();
  }

  /** Everyone paged or reminded in the outage or in those merged into it. */
  public Future<List<String>> paged(long episodeId) {
    return pool.preparedQuery(RECIPIENTS).execute(Tuple.of(episodeId)).map(rows -> {
      List<String> people = new ArrayList<>(rows.size());
      rows.forEach(r -> people.add(r.getString(0)));
      return people;
    });
  }

  public Future<Void> allClearDone(long episodeId) {
    return pool.preparedQuery(ALL_CLEAR_DONE).execute(Tuple.of(episodeId)).mapEmpty();
  }

  /** The open alert groups touching the team's systems, as a handoff message lists them. */
  public Future<List<PageText.OpenAlert>> openAlertsOf(long teamId) {
    return pool.preparedQuery(TEAM_OPEN).execute(Tuple.of(teamId)).map(rows -> {
      List<PageText.OpenAlert> open = new ArrayList<>(rows.size());
      for (Row r : rows) {
        long count = r.getLong("open_count");
        String more = count > 1 ? " (+" + (count - 1) + ")" : "";
        open.add(new PageText.OpenAlert(r.getString("title_vi") + more, r.getString("title_en") + more,
            r.getValue("acknowledged_at") != null, r.getString("acknowledged_by"), instant(r, "started_at")));
      }
      return open;
    });
  }

  /** Every city system's names, by code. */
  public Future<Map<String, SystemName>> systemNames() {
    return pool.query(SYSTEM_NAMES).execute().map(rows -> {
      Map<String, SystemName> names = new TreeMap<>();
      for (Row r : rows) {
        names.put(r.getString("code"), new SystemName(r.getString("code"), r.getString("name_vi"), r.getString("name_en")));
      }
      return names;
    });
  }

  private static List<Episode> episodes(RowSet<Row> rows) {
    List<Episode> episodes = new ArrayList<>(rows.size());
    for (Row r : rows) {
      episodes.add(new Episode(r.getLong("id"), r.getString("group_key"), r.getLong("team_id"), instant(r, "opened_at"),
          instant(r, "escalation_from"), instant(r, "acknowledged_at"), r.getString("acknowledged_by"),
          instant(r, "closed_at"), r.getString("close_reason"), r.getLong("merged_into"), r.getBoolean("all_clear_done"),
          Arrays.asList(r.getArrayOfLongs("alert_ids")), r.getString("system_code"),
          Arrays.asList(r.getArrayOfStrings("systems")), r.getLong("lead_alert_id"), r.getString("title_vi"),
          r.getString("title_en"), r.getString("severity"), r.getLong("open_count"), r.getLong("unsilenced_count"),
          r.getLong("firing_count")));
    }
    return episodes;
  }

  static List<Page> pages(RowSet<Row> rows) {
    List<Page> pages = new ArrayList<>(rows.size());
    for (Row r : rows) {
      pages.add(new Page(r.getLong("id"), r.getLong("episode_id"), r.getLong("rotation_id"),
          Paging.Kind.of(r.getString("kind")), r.getInteger("round"), r.getInteger("step"), r.getString("username"),
          instant(r, "due_at"), r.getString("state"), r.getString("claimed_by"), instant(r, "lease_until"),
          r.getInteger("takeovers"), r.getLong("notification_id"), instant(r, "created_at"), instant(r, "finished_at")));
    }
    return pages;
  }

  static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
