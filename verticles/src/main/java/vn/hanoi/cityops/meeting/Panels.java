package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.capability.Panel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data panels a chair can share, one per kind, each supplied by the capability that owns its data (health,
 * dossier, feedback, history, and this one's {@code previous-tasks}): a spec is validated and computed by its kind's
 * {@link Panel}; this adds {@code asOf} to the figures.
 */
final class Panels {
  private final Map<String, Panel> byKind = new TreeMap<>();

  Panels(List<Panel> panels) {
    for (Panel p : panels) {
      if (byKind.put(p.kind(), p) != null) {
        throw new IllegalArgumentException("two panels of kind " + p.kind());
      }
    }
  }

  /** The spec as stored: only the fields of its kind; 400 for a bad shape or kind, 422 for an unknown reference. */
  JsonObject validate(JsonObject body) {
    String kind = body.getString("kind");
    if (kind == null || !byKind.containsKey(kind)) {
      throw Panel.invalid("kind", "must be one of " + String.join(", ", byKind.keySet()));
    }
    return byKind.get(kind).validate(body);
  }

  /** The panel's data now: {@code {...kind's figures, "asOf"}}. */
  Future<JsonObject> compute(JsonObject spec, Instant now) {
    Panel panel = byKind.get(spec.getString("kind"));
    if (panel == null) {
      return Future.failedFuture(new IllegalArgumentException("unknown panel kind " + spec.getString("kind")));
    }
    return panel.compute(spec, now).map(data -> data.put("asOf", now.toString()));
  }

  /** What moves a panel's numbers besides clock ticks: event types, or for {@code previous-tasks} a meeting's topic. */
  Set<String> movedBy(JsonObject spec) {
    Panel panel = byKind.get(spec.getString("kind"));
    return panel == null ? Set.of() : panel.movedBy(spec);
  }
}
