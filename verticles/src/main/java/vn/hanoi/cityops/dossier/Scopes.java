package vn.hanoi.cityops.dossier;

import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agencies each scope covers, from the reference data (which changes only by migration, so the
 * lists are built once): the city (every agency), a level of government ({@code city}: the City People's
 * Committee and its departments; {@code district}; {@code commune}), a district (the district's own
 * People's Committee and its communes) or one agency.
 */
final class Scopes {
  static final Set<String> LEVELS = Set.of("city", "district", "commune");
  private static final Comparator<Agency> BY_CODE = Comparator.comparing(Agency::code);

  private final Map<String, Agency> agencies;
  /** District code → the district and its communes, sorted by code. */
  private final Map<String, List<String>> districts = new TreeMap<>();

  Scopes(ReferenceData reference) {
    this.agencies = reference.agencies();
    agencies.values().stream().sorted(BY_CODE).forEach(a -> {
      String district = reference.districtOf(a.code());
      if (district != null) {
        districts.computeIfAbsent(district, d -> new ArrayList<>()).add(a.code());
      }
    });
    districts.replaceAll((d, members) -> List.copyOf(members));
  }

  Optional<Agency> agency(String code) {
    return Optional.ofNullable(code == null ? null : agencies.get(code));
  }

  boolean isDistrict(String code) {
    return code != null && districts.containsKey(code);
  }

  /** The district and its communes. */
  List<String> districtMembers(String district) {
    return districts.getOrDefault(district, List.of());
  }

  /** Every district, by code. */
  List<Agency> districts() {
    return districts.keySet().stream().map(agencies::get).toList();
  }

  /** Every agency of {@code level} (every agency when null), by code. */
  List<Agency> agencies(String level) {
    return agencies.values().stream()
        .filter(a -> level == null || level.equals(a.level()))
        .sorted(BY_CODE)
        .toList();
  }

  /** The sum of the counts of {@code codes}; an agency without a row counts nothing. */
  static DossierCounts sum(Map<String, DossierCounts> byAgency, Collection<String> codes) {
    DossierCounts total = DossierCounts.NONE;
    for (String code : codes) {
      total = total.plus(byAgency.getOrDefault(code, DossierCounts.NONE));
    }
    return total;
  }
}
