package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Briefing panel {@code district-ranking} {by: overdueNow (default) or onTimeRate}: every district by today's dossier
 * KPIs, furthest behind first as {@link Ranking} orders them, {@code {by, items: [{...kpis, rank, code, nameVi,
 * nameEn}]}}. Moved by {@code dossier} events.
 */
final class DistrictRankingPanel implements Panel {
  static final String KIND = "district-ranking";

  private final DossierRepository dossiers;
  private final Scopes scopes;

  DistrictRankingPanel(DossierRepository dossiers, ReferenceData reference) {
    this.dossiers = dossiers;
    this.scopes = new Scopes(reference);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    String by = spec.getString("by", Ranking.By.OVERDUE_NOW.code());
    if (Ranking.By.of(by).isEmpty()) {
      throw Panel.invalid("by", "must be overdueNow or onTimeRate");
    }
    return new JsonObject().put("kind", KIND).put("by", by);
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    Ranking.By by = Ranking.By.of(spec.getString("by")).orElseThrow();
    return dossiers.countsByAgency(Period.TODAY.bounds(now), now, null).map(byAgency -> {
      List<Ranking.Entry> entries = scopes.districts().stream()
          .map(d -> new Ranking.Entry(d.code(), d.nameVi(), d.nameEn(), d.level(),
              DossierKpis.of(Scopes.sum(byAgency, scopes.districtMembers(d.code())))))
          .toList();
      JsonArray items = new JsonArray();
      int rank = 0;
      for (Ranking.Entry e : Ranking.sort(entries, by)) {
        items.add(DossierJson.kpis(e.kpis()).put("rank", ++rank).put("code", e.code()).put("nameVi", e.nameVi())
            .put("nameEn", e.nameEn()));
      }
      return new JsonObject().put("by", by.code()).put("items", items);
    });
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(EventTypes.DOSSIER);
  }
}
