package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the people and systems a setting names exist: active users (people and access) and city systems (the
 * reference data). Anything unknown is {@code 422 unknown_reference}, every unknown name a detail with its field.
 */
final class Known {
  private final UserRepository users;
  private final ReferenceData reference;

  Known(UserRepository users, ReferenceData reference) {
    this.users = users;
    this.reference = reference;
  }

  /** Checks {@code people} (by the field that names them) and {@code systems} (field {@code systems}). */
  Future<Void> check(Map<String, Collection<String>> people, Collection<String> systems) {
    JsonArray unknown = new JsonArray();
    systems.stream().filter(s -> !reference.isSystem(s)).forEach(s -> unknown.add(detail("systems", s, "system")));
    boolean anyone = people.values().stream().anyMatch(names -> !names.isEmpty());
    Future<Set<String>> active = anyone
        ? users.list().map(all -> all.stream().filter(UserRepository.User::active).map(UserRepository.User::username)
            .collect(Collectors.toSet()))
        : Future.succeededFuture(Set.of());
    return active.compose(known -> {
      people.forEach((field, names) -> names.stream().filter(n -> n != null && !known.contains(n)).distinct()
          .forEach(n -> unknown.add(detail(field, n, "active user"))));
      return unknown.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference",
              "unknown: " + unknown.stream().map(d -> ((JsonObject) d).getString("value")).toList(), unknown));
    });
  }

  private static JsonObject detail(String field, String value, String what) {
    return new JsonObject().put("field", field).put("value", value).put("reason", "is not a known " + what);
  }
}
