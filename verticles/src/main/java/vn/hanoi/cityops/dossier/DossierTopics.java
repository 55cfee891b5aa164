package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.PacedTopics;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topics {@code kpi.city}, {@code kpi.district.<code>} and {@code kpi.agency.<code>}: today's dossier KPIs,
 * recomputed from PostgreSQL when dossier events arrive, paced by {@link PacedTopics}; only the topics whose
 * numbers moved send a delta. Each topic's data is {@code {"today": {received, inProgress, completedOnTime, ...}}}.
 * <p>It keeps today's counts per agency and re-reads only the agencies whose dossiers changed since the last
 * recompute (the same SQL as the REST answers, filtered by agency), so the cost follows the agencies that moved,
 * not the day's dossiers. Every agency is re-read at start, on each clock tick ({@link vn.hanoi.cityops.live.LiveClock}:
 * {@code overdueNow} moves with time alone), when the Hanoi day rolls over, after a failed read, and when so
 * many agencies changed that one query for all is as cheap.
 */
public final class DossierTopics extends PacedTopics {
  /** Past this many changed agencies, one query for every agency costs no more than a filtered one. */
  static final int FULL_READ_ABOVE = 100;

  private final DossierRepository repository;
  private final Scopes scopes;
  private final Map<String, DossierCounts> byAgency = new HashMap<>();
  private final Set<String> changed = new HashSet<>();
  private boolean readAll = true;
  private Period.Bounds day;

  public DossierTopics(Pool pool, ReferenceData reference, Connections hub) {
    super("dossier", hub);
    this.repository = new DossierRepository(pool);
    this.scopes = new Scopes(reference);
  }

  @Override
  protected void noted(EventFeed.FeedEvent event) {
    if (event.agency() != null) {
      changed.add(event.agency());
    }
  }

  @Override
  protected void ticked() {
    readAll = true;
  }

  /** Today's KPIs of the city, every district (with its communes) and every agency, by topic. */
  @Override
  protected Future<Map<String, Map<String, Object>>> compute(Instant now) {
    Period.Bounds today = Period.TODAY.bounds(now);
    boolean all = readAll || !today.equals(day) || changed.size() > FULL_READ_ABOVE;
    List<String> agencies = all ? null : List.copyOf(changed);
    readAll = false;
    changed.clear();
    if (agencies != null && agencies.isEmpty()) {
      return Future.succeededFuture(topics());
    }
    return repository.countsByAgency(today, now, agencies)
        .onFailure(e -> readAll = true)
        .map(counts -> {
          if (agencies == null) {
            byAgency.clear();
          } else {
            agencies.forEach(byAgency::remove);
          }
          byAgency.putAll(counts);
          day = today;
          return topics();
        });
  }

  private Map<String, Map<String, Object>> topics() {
    Map<String, Map<String, Object>> topics = new HashMap<>();
    topics.put("kpi.city", today(DossierCounts.sum(byAgency.values())));
    for (ReferenceData.Agency district : scopes.districts()) {
      topics.put("kpi.district." + district.code(), today(Scopes.sum(byAgency, scopes.districtMembers(district.code()))));
    }
    for (ReferenceData.Agency agency : scopes.agencies(null)) {
      topics.put("kpi.agency." + agency.code(), today(byAgency.getOrDefault(agency.code(), DossierCounts.NONE)));
    }
    return topics;
  }

  private static Map<String, Object> today(DossierCounts counts) {
    return Map.of("today", DossierJson.kpis(DossierKpis.of(counts)).getMap());
  }
}
