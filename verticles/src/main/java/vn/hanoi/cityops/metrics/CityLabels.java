package vn.hanoi.cityops.metrics;

import vn.hanoi.cityops.city.ReferenceData;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every value each label of the city metrics can take, fixed at start, so no event can add a series: the 14 systems
 * and the 30 districts of the reference data, the dossier scopes (each district's own committee, its communes, and
 * the city-level agencies under {@link #CITY}), and the feedback channels, alert severities and open alert states of
 * the schemas. A value outside these (which validation already refuses) is not exported.
 *
 * @param agencyScopes where each agency's dossiers count, by agency code
 */
record CityLabels(List<String> systems, List<String> districts, List<Scope> scopes, Map<String, Scope> agencyScopes) {
  /** The {@code district} label of the city-level agencies (the City People's Committee and its departments). */
  static final String CITY = "HN";
  /** A system's status: {@code unknown} before it ever reported. */
  static final List<String> STATUSES = List.of("up", "degraded", "down", "unknown");
  /** The channels of {@code event.schema.json}'s feedback. */
  static final List<String> CHANNELS = List.of("zalo", "hotline", "web");
  /** The severities of {@code alert-rule.schema.json}. */
  static final List<String> SEVERITIES = List.of("info", "warning", "critical");
  /** The states of an open alert ({@code alert/Lifecycle}). */
  static final List<String> OPEN_STATES = List.of("firing", "acknowledged");

  /** Where a dossier agency counts: {@code district} (a district's code, or {@link #CITY}) and {@code level}. */
  record Scope(String district, String level) {
  }

  static CityLabels of(ReferenceData reference) {
    Map<String, Scope> agencyScopes = new LinkedHashMap<>();
    reference.agencies().forEach((code, agency) -> {
      String district = reference.districtOf(code);
      agencyScopes.put(code, new Scope(district == null ? CITY : district, agency.level()));
    });
    TreeSet<Scope> scopes = new TreeSet<>(Comparator.comparing(Scope::district).thenComparing(Scope::level));
    scopes.addAll(agencyScopes.values());
    TreeSet<String> districts = new TreeSet<>();
    scopes.forEach(s -> {
      if (!CITY.equals(s.district())) {
        districts.add(s.district());
      }
    });
    return new CityLabels(List.copyOf(new TreeSet<>(reference.systems())), List.copyOf(districts), List.copyOf(scopes),
        Map.copyOf(agencyScopes));
  }
}
