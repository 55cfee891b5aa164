package vn.hanoi.cityops.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.capability.Panel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Briefing panel {@code systems}: every city system's health, {@code {"systems": {code: {...}}}}, each as
 * {@code GET /api/v1/systems} shows it. Moved by {@code system.health} events.
 */
final class SystemsPanel implements Panel {
  static final String KIND = "systems";

  private final SystemStatusRepository systems;

  SystemsPanel(SystemStatusRepository systems) {
    this.systems = systems;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    return new JsonObject().put("kind", KIND);
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    return systems.all(now.atOffset(ZoneOffset.UTC)).map(all -> {
      JsonObject bySystem = new JsonObject();
      for (SystemStatus s : all) {
        bySystem.put(s.code(), s.toJson());
      }
      return new JsonObject().put("systems", bySystem);
    });
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(EventTypes.SYSTEM_HEALTH);
  }
}
