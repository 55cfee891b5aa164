package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.store.ReferenceData;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics {@code kpi.city}, {@code kpi.district.<code>} and {@code kpi.agency.<code>}: today's dossier KPIs,
 * recomputed from PostgreSQL (one query for every agency) when dossier events arrive, at most once a
 * second; only the topics whose numbers moved send a delta. Each topic's data is
 * {@code {"today": {received, inProgress, completedOnTime, ...}}}.
 */
public final class DossierTopics implements FeedListener {
  static final long MIN_INTERVAL_MS = 1_000;

  private final DossierRepository repository;
  private final Scopes scopes;
  private final Connections hub;
  private long lastRun;
  /** How long the last recompute took: the next waits ten times that (at least a second), so it stays a small share of the database. */
  private long lastCostMs;
  private long pendingSeq;

  public DossierTopics(io.vertx.sqlclient.Pool pool, ReferenceData reference, Connections hub) {
    this.repository = new DossierRepository(pool);
    this.scopes = new Scopes(reference);
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return compute().map(topics -> {
      topics.forEach((topic, data) -> hub.load(topic, ordinal, data));
      lastRun = System.currentTimeMillis();
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    for (EventFeed.FeedEvent e : events) {
      if ("dossier".equals(e.type())) {
        pendingSeq = e.ordinal();
      }
    }
    if (pendingSeq == 0 || System.currentTimeMillis() - lastRun < Math.max(MIN_INTERVAL_MS, 10 * lastCostMs)) {
      return Future.succeededFuture(); // the next batch after the interval carries it
    }
    long seq = pendingSeq;
    pendingSeq = 0;
    lastRun = System.currentTimeMillis();
    long started = lastRun;
    return compute().onSuccess(x -> lastCostMs = System.currentTimeMillis() - started).map(topics -> {
      topics.forEach((topic, data) -> hub.publish(topic, seq, data));
      return null;
    });
  }

  /** Today's KPIs of the city, every district (with its communes) and every agency, by topic. */
  private Future<Map<String, Map<String, Object>>> compute() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return repository.countsByAgency(Period.TODAY.bounds(now), now, null).map(byAgency -> {
      Map<String, Map<String, Object>> topics = new HashMap<>();
      topics.put("kpi.city", today(DossierCounts.sum(byAgency.values())));
      for (ReferenceData.Agency district : scopes.districts()) {
        topics.put("kpi.district." + district.code(), today(Scopes.sum(byAgency, scopes.districtMembers(district.code()))));
      }
      for (ReferenceData.Agency agency : scopes.agencies(null)) {
        topics.put("kpi.agency." + agency.code(), today(byAgency.getOrDefault(agency.code(), DossierCounts.NONE)));
      }
      return topics;
    });
  }

  private static Map<String, Object> today(DossierCounts counts) {
    return Map.of("today", DossierRoutes.kpisJson(DossierKpis.of(counts)).getMap());
  }
}
