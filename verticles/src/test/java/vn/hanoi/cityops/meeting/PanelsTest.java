package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.failure.Failure;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panels a chair can share, by kind: each kind's own panel validates and computes; the registry adds asOf. */
class PanelsTest {
  /** A kind that validates to {@code {"kind"}} and computes {@code {"n": 1}}, moved by {@code type}. */
  private record Fixed(String kind, String type) implements Panel {
    @Override
    public JsonObject validate(JsonObject spec) {
      if (spec.containsKey("bad")) {
        throw Panel.invalid("bad", "is not allowed");
      }
      return new JsonObject().put("kind", kind);
    }

    @Override
    public Future<JsonObject> compute(JsonObject spec, Instant now) {
      return Future.succeededFuture(new JsonObject().put("n", 1));
    }

    @Override
    public Set<String> movedBy(JsonObject spec) {
      return Set.of(type);
    }
  }

  private final Panels panels = new Panels(List.of(new Fixed("systems", "system.health"), new Fixed("district-ranking", "dossier")));

  @Test
  void anUnknownOrMissingKindIsRefusedNamingTheKindsInOrder() {
    for (JsonObject body : List.of(new JsonObject().put("kind", "pie-chart"), new JsonObject())) {
      Failure f = assertThrows(Failure.class, () -> panels.validate(body));
      assertEquals(Failure.Kind.INVALID, f.kind());
      assertEquals("validation_failed", f.code());
      assertEquals("the panel is not valid: kind must be one of district-ranking, systems", f.getMessage());
      assertEquals("kind", f.details().getJsonObject(0).getString("field"));
    }
  }

  @Test
  void eachKindValidatesItsOwnFields() {
    assertEquals(new JsonObject().put("kind", "systems"), panels.validate(new JsonObject().put("kind", "systems").put("district", "CG")));
    Failure f = assertThrows(Failure.class, () -> panels.validate(new JsonObject().put("kind", "systems").put("bad", 1)));
    assertEquals("the panel is not valid: bad is not allowed", f.getMessage());
  }

  @Test
  void theFiguresCarryWhenTheyWereComputed() throws Exception {
    Instant now = Instant.parse("2026-12-03T08:21:29.123Z");
    JsonObject data = panels.compute(new JsonObject().put("kind", "systems"), now).await(1, TimeUnit.SECONDS);
    assertEquals(new JsonObject().put("n", 1).put("asOf", "2026-12-03T08:21:29.123Z"), data);
    assertTrue(panels.compute(new JsonObject().put("kind", "gone"), now).failed());
  }

  @Test
  void whatMovesAPanelIsItsKindsToSay() {
    assertEquals(Set.of("dossier"), panels.movedBy(new JsonObject().put("kind", "district-ranking")));
    assertEquals(Set.of(), panels.movedBy(new JsonObject().put("kind", "gone")));
  }

  @Test
  void twoPanelsOfOneKindAreABug() {
    assertThrows(IllegalArgumentException.class, () -> new Panels(List.of(new Fixed("systems", "a"), new Fixed("systems", "b"))));
  }
}
