package vn.hanoi.cityops.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRulesTest {

  private static List<String> problems(Map<String, Object> event) {
    List<String> fields = new ArrayList<>();
    EventRules.check(event, (field, reason) -> fields.add(field));
    return fields;
  }

  private static Map<String, Object> dossier() {
    Map<String, Object> e = new HashMap<>();
    e.put("type", "dossier");
    e.put("occurredAt", "2026-11-23T08:00:00+07:00");
    e.put("receivedAt", "2026-11-20T08:00:00+07:00");
    e.put("dueAt", "2026-11-27T08:00:00+07:00");
    return e;
  }

  @Test
  void validDossierHasNoProblem() {
    assertEquals(List.of(), problems(dossier()));
  }

  @Test
  void timestampsNeedAnOffsetARealDateAndASaneYear() {
    assertNotNull(EventRules.parse("2026-11-23T08:00:00Z"));
    assertNotNull(EventRules.parse("2026-11-23T08:00:00.123+07:00"));
    assertNull(EventRules.parse("2026-11-23T08:00:00"));
    assertNull(EventRules.parse("2026-02-30T08:00:00+07:00"));
    assertNull(EventRules.parse("1899-01-01T00:00:00Z"));
    assertNull(EventRules.parse("+99999-01-01T00:00:00Z"));
  }

  @Test
  void dossierDatesMustBeInOrder() {
    Map<String, Object> e = dossier();
    e.put("dueAt", "2026-11-19T08:00:00+07:00");
    e.put("completedAt", "2026-11-19T09:00:00+07:00");
    assertEquals(List.of("dueAt", "completedAt"), problems(e));
  }

  @Test
  void ratingOnlyOnAnsweredFeedback() {
    Map<String, Object> e = new HashMap<>(Map.of("type", "feedback", "status", "assigned", "rating", 3));
    assertEquals(List.of("rating"), problems(e));
    e.put("status", "answered");
    assertEquals(List.of(), problems(e));
  }

  @Test
  void nulCharactersAreFoundAnywhere() {
    Map<String, Object> e = dossier();
    e.put("extra", Map.of("deep", List.of("ok", "no\u0000pe")));
    List<String> fields = problems(e);
    assertTrue(fields.contains("extra.deep[1]"), fields.toString());
  }
}
