package vn.hanoi.cityops.city;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The agencies and city systems, loaded once at start (they change only by migration). Immutable, so
 * every event loop may read it.
 */
public final class ReferenceData {
  public record Agency(String code, String nameVi, String nameEn, String level, String parentCode) {
  }

  private final Map<String, Agency> agencies;
  private final Set<String> systems;

  public ReferenceData(Map<String, Agency> agencies, Set<String> systems) {
    this.agencies = Map.copyOf(agencies);
    this.systems = Set.copyOf(systems);
  }

  public static Future<ReferenceData> load(Pool pool) {
    Future<Map<String, Agency>> agencies = pool.query("SELECT code, name_vi, name_en, level, parent_code FROM agency")
        .execute()
        .map(rows -> {
          Map<String, Agency> map = new HashMap<>();
          for (Row r : rows) {
            map.put(r.getString(0), new Agency(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
          }
          return map;
        });
    Future<Set<String>> systems = pool.query("SELECT code FROM city_system").execute()
        .map(rows -> {
          Set<String> set = new HashSet<>();
          rows.forEach(r -> set.add(r.getString(0)));
          return set;
        });
    return Future.all(agencies, systems).map(all -> new ReferenceData(agencies.result(), systems.result()));
  }

  public boolean isSystem(String code) {
    return systems.contains(code);
  }

  public boolean isAgency(String code) {
    return agencies.containsKey(code);
  }

  public boolean isDistrict(String code) {
    Agency a = agencies.get(code);
    return a != null && "district".equals(a.level());
  }

  public boolean isCommuneOf(String commune, String district) {
    Agency a = agencies.get(commune);
    return a != null && "commune".equals(a.level()) && district.equals(a.parentCode());
  }

  /** The district an agency belongs to: itself for a district, its parent for a commune, none for a department. */
  public String districtOf(String code) {
    Agency a = agencies.get(code);
    if (a == null) {
      return null;
    }
    return switch (a.level()) {
      case "district" -> a.code();
      case "commune" -> a.parentCode();
      default -> null;
    };
  }

  public Map<String, Agency> agencies() {
    return agencies;
  }

  public Set<String> systems() {
    return systems;
  }
}
