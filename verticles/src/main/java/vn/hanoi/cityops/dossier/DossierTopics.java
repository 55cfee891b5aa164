package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.PacedTopics;
import vn.hanoi.cityops.store.ReferenceData;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Topics {@code kpi.city}, {@code kpi.district.<code>} and {@code kpi.agency.<code>}: today's dossier KPIs,
 * recomputed from PostgreSQL (one query for every agency) when dossier events arrive, paced by
 * {@link PacedTopics}; only the topics whose numbers moved send a delta. Each topic's data is
 * {@code {"today": {received, inProgress, completedOnTime, ...}}}.
 */
public final class DossierTopics extends PacedTopics {
  private final DossierRepository repository;
  private final Scopes scopes;

  public DossierTopics(Pool pool, ReferenceData reference, Connections hub) {
    super("dossier", hub);
    this.repository = new DossierRepository(pool);
    this.scopes = new Scopes(reference);
  }

  /** Today's KPIs of the city, every district (with its communes) and every agency, by topic. */
  @Override
  protected Future<Map<String, Map<String, Object>>> compute() {
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
