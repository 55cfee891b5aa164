package vn.hanoi.cityops.dossier;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Briefing panel {@code district-dossiers} {district}: today's dossier KPIs of a district and of each of its
 * agencies (the district's People's Committee and its communes), {@code {district, nameVi, nameEn, kpis,
 * agencies: {code: {...kpis, nameVi}}}}. Moved by {@code dossier} events.
 */
final class DistrictDossiersPanel implements Panel {
  static final String KIND = "district-dossiers";

  private final DossierRepository dossiers;
  private final ReferenceData reference;
  private final Scopes scopes;

  DistrictDossiersPanel(DossierRepository dossiers, ReferenceData reference) {
    this.dossiers = dossiers;
    this.reference = reference;
    this.scopes = new Scopes(reference);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    return new JsonObject().put("kind", KIND).put("district", Panel.district(spec, reference));
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    String district = spec.getString("district");
    List<String> members = scopes.districtMembers(district);
    return dossiers.countsByAgency(Period.TODAY.bounds(now), now, members).map(byAgency -> {
      JsonObject agencies = new JsonObject();
      for (String code : members) {
        agencies.put(code, DossierJson.kpis(DossierKpis.of(byAgency.getOrDefault(code, DossierCounts.NONE)))
            .put("nameVi", scopes.agency(code).orElseThrow().nameVi()));
      }
      Agency d = scopes.agency(district).orElseThrow();
      return new JsonObject().put("district", district).put("nameVi", d.nameVi()).put("nameEn", d.nameEn())
          .put("kpis", DossierJson.kpis(DossierKpis.of(Scopes.sum(byAgency, members))))
          .put("agencies", agencies);
    });
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(EventTypes.DOSSIER);
  }
}
