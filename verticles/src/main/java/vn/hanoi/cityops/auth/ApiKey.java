package vn.hanoi.cityops.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An ingestion key: it belongs to one sending source (idempotency is per source) and may send events
 * only for the systems and agencies it is granted ({@code *} grants all). Never holds the secret. {@code lastUsedAt}
 * is when it last authenticated as stored (null: never; a node writes its uses every few seconds).
 */
public record ApiKey(long id, String name, String source, Set<String> systems, Set<String> agencies,
                     String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
  public static final String ALL = "*";

  public boolean mayReportSystem(String system) {
    return systems.contains(ALL) || systems.contains(system);
  }

  /** A district's key also covers its communes. */
  public boolean mayReportAgency(String agency, ReferenceData reference) {
    if (agencies.contains(ALL) || agencies.contains(agency)) {
      return true;
    }
    String district = reference.districtOf(agency);
    return district != null && agencies.contains(district);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("source", source)
        .put("prefix", prefix)
        .put("systems", new JsonArray(systems.stream().sorted().toList()))
        .put("agencies", new JsonArray(agencies.stream().sorted().toList()))
        .put("createdAt", createdAt == null ? null : createdAt.toString())
        .put("revokedAt", revokedAt == null ? null : revokedAt.toString())
        .put("lastUsedAt", lastUsedAt == null ? null : lastUsedAt.toString());
  }
}
