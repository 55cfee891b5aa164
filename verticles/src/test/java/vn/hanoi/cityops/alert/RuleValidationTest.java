package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleValidationTest {
  static final ReferenceData REFERENCE = new ReferenceData(Map.of(
      "HN", new ReferenceData.Agency("HN", "Hà Nội", "Hanoi", "city", null),
      "CG", new ReferenceData.Agency("CG", "Cầu Giấy", "Cau Giay", "district", "HN"),
      "CG-DICHVONG", new ReferenceData.Agency("CG-DICHVONG", "Dịch Vọng", "Dich Vong", "commune", "CG"),
      "STP", new ReferenceData.Agency("STP", "Sở Tư pháp", "Department of Justice", "department", "HN")),
      Set.of("WAN", "LGSP", "DVC-PORTAL"));

  private static RuleFields rule(Rule.Kind kind, String subject, Double threshold, Double clear) {
    return new RuleFields("r.test", kind, subject, "warning", threshold, clear, null, null, null, null, null, null, null,
        null, null, null).withDefaults();
  }

  private static RuleFields window(RuleFields r, Integer minutes) {
    return new RuleFields(r.code(), r.kind(), r.subject(), r.severity(), r.threshold(), r.clearThreshold(), minutes,
        r.forSeconds(), r.clearSeconds(), r.reopenSeconds(), r.escalateAfterSeconds(), r.webhookUrl(), r.webhookSecret(),
        r.webhookFormat(), r.enabled(), r.description());
  }

  private static List<String> fields(JsonArray problems) {
    return problems.stream().map(p -> ((JsonObject) p).getString("field")).toList();
  }

  @Test
  void aDownRuleWithoutThresholdOnAKnownSystemIsValid() {
    assertEquals(Optional.empty(), RuleValidation.check(rule(Rule.Kind.SYSTEM_DOWN, "WAN", null, null), REFERENCE));
    assertEquals(Optional.empty(), RuleValidation.check(rule(Rule.Kind.SYSTEM_DOWN, null, null, null), REFERENCE),
        "no subject: every system");
  }

  @Test
  void binaryRulesTakeNoThreshold() {
    assertEquals(List.of("threshold"), fields(RuleValidation.problems(rule(Rule.Kind.SYSTEM_DOWN, null, 1.0, null))));
    assertEquals(List.of("clearThreshold"), fields(RuleValidation.problems(rule(Rule.Kind.SYSTEM_DOWN, null, null, 1.0))));
    JsonArray problems = RuleValidation.problems(rule(Rule.Kind.SYSTEM_DEGRADED, null, 2.0, null));
    assertEquals("a system_degraded rule takes no threshold", problems.getJsonObject(0).getString("reason"));
  }

  @Test
  void thresholdRulesNeedOne() {
    for (Rule.Kind kind : List.of(Rule.Kind.LATENCY_HIGH, Rule.Kind.DISTRICT_OVERDUE_ABOVE, Rule.Kind.FEEDBACK_OVERDUE_ABOVE)) {
      JsonArray problems = RuleValidation.problems(rule(kind, null, null, null));
      assertEquals(List.of("threshold"), fields(problems), kind.name());
      assertEquals("is required for a " + kind.code() + " rule", problems.getJsonObject(0).getString("reason"));
    }
  }

  @Test
  void hysteresisMustPointTheWayTheConditionClears() {
    assertEquals(List.of("clearThreshold"), fields(RuleValidation.problems(rule(Rule.Kind.LATENCY_HIGH, null, 1000.0, 2000.0))));
    assertEquals(List.of(), fields(RuleValidation.problems(rule(Rule.Kind.LATENCY_HIGH, null, 1000.0, 500.0))));
    assertEquals(List.of(), fields(RuleValidation.problems(rule(Rule.Kind.LATENCY_HIGH, null, 1000.0, 1000.0))),
        "equal is allowed");
    RuleFields below = window(rule(Rule.Kind.AGENCY_ON_TIME_BELOW, null, 90.0, 85.0), 60);
    JsonArray problems = RuleValidation.problems(below);
    assertEquals(List.of("clearThreshold"), fields(problems));
    assertEquals("must not be below threshold (the condition clears above it)", problems.getJsonObject(0).getString("reason"));
    assertEquals(List.of(), fields(RuleValidation.problems(window(rule(Rule.Kind.AGENCY_ON_TIME_BELOW, null, 90.0, 92.0), 60))));
  }

  @Test
  void onTimeRatesArePercentagesAndNeedAWindow() {
    assertEquals(List.of("threshold", "clearThreshold", "windowMinutes"),
        fields(RuleValidation.problems(rule(Rule.Kind.AGENCY_ON_TIME_BELOW, null, 120.0, 130.0))));
    assertEquals(List.of("windowMinutes"), fields(RuleValidation.problems(rule(Rule.Kind.KPI_DROP_RATE, "HN", 5.0, null))));
    assertEquals(List.of(), fields(RuleValidation.problems(window(rule(Rule.Kind.KPI_DROP_RATE, "HN", 5.0, null), 30))));
  }

  @Test
  void aDegradedRuleWaitsFiveMinutesUnlessToldAndNeverZero() {
    RuleFields degraded = rule(Rule.Kind.SYSTEM_DEGRADED, "WAN", null, null);
    assertEquals(300, degraded.forSeconds());
    assertEquals(List.of(), fields(RuleValidation.problems(degraded)));
    RuleFields zero = new RuleFields("d", Rule.Kind.SYSTEM_DEGRADED, null, "info", null, null, null, 0, null, null, null,
        null, null, null, null, null).withDefaults();
    assertEquals(List.of("forSeconds"), fields(RuleValidation.problems(zero)));
  }

  @Test
  void aWebhookSecretNeedsAUrl() {
    RuleFields secretOnly = new RuleFields("h", Rule.Kind.SYSTEM_DOWN, null, "info", null, null, null, null, null, null,
        null, null, "0123456789abcdef0123", null, null, null).withDefaults();
    assertEquals(List.of("webhookSecret"), fields(RuleValidation.problems(secretOnly)));
    RuleFields both = new RuleFields("h", Rule.Kind.SYSTEM_DOWN, null, "info", null, null, null, null, null, null,
        null, "http://127.0.0.1:9/hook", "0123456789abcdef0123", null, null, null).withDefaults();
    assertEquals(List.of(), fields(RuleValidation.problems(both)));
  }

  @Test
  void everyProblemIsOneValidationFailure() {
    Failure f = RuleValidation.check(rule(Rule.Kind.LATENCY_HIGH, "NOPE", null, null), REFERENCE).orElseThrow();
    assertEquals(Failure.Kind.INVALID, f.kind());
    assertEquals("validation_failed", f.code());
    assertEquals("the rule is not valid for its kind", f.getMessage());
    assertEquals(List.of("threshold"), fields(f.details()), "the shape is checked before the subject");
  }

  @Test
  void aSubjectMustBeWhatItsKindWatches() {
    assertUnknown(rule(Rule.Kind.SYSTEM_DOWN, "NOPE", null, null), "unknown subject NOPE for a system_down rule",
        "is not a known system");
    assertUnknown(window(rule(Rule.Kind.AGENCY_ON_TIME_BELOW, "WAN", 90.0, null), 60),
        "unknown subject WAN for a agency_on_time_below rule", "is not a known agency");
    assertUnknown(rule(Rule.Kind.DISTRICT_OVERDUE_ABOVE, "CG-DICHVONG", 10.0, null),
        "unknown subject CG-DICHVONG for a district_overdue_above rule", "is not a known district");
    assertUnknown(rule(Rule.Kind.FEEDBACK_OVERDUE_ABOVE, "CG", 10.0, null),
        "unknown subject CG for a feedback_overdue_above rule", "is not a known scope (only HN, the city)");
    assertEquals(Optional.empty(), RuleValidation.check(window(rule(Rule.Kind.AGENCY_ON_TIME_BELOW, "STP", 90.0, null), 60),
        REFERENCE));
    assertEquals(Optional.empty(), RuleValidation.check(rule(Rule.Kind.DISTRICT_OVERDUE_ABOVE, "CG", 10.0, null), REFERENCE));
    assertEquals(Optional.empty(), RuleValidation.check(rule(Rule.Kind.FEEDBACK_OVERDUE_ABOVE, "HN", 10.0, null), REFERENCE));
    assertEquals(Optional.empty(), RuleValidation.check(rule(Rule.Kind.LATENCY_HIGH, "LGSP", 3000.0, null), REFERENCE));
  }

  private static void assertUnknown(RuleFields rule, String message, String reason) {
    Failure f = RuleValidation.check(rule, REFERENCE).orElseThrow();
    assertEquals(Failure.Kind.UNPROCESSABLE, f.kind());
    assertEquals("unknown_reference", f.code());
    assertEquals(message, f.getMessage());
    assertEquals("subject", f.details().getJsonObject(0).getString("field"));
    assertEquals(reason, f.details().getJsonObject(0).getString("reason"));
  }

  @Test
  void aNewRuleIsEnabledReopensWithinTenMinutesAndFiresAndClearsAtOnce() {
    RuleFields r = rule(Rule.Kind.LATENCY_HIGH, null, 1.0, null);
    assertEquals(0, r.forSeconds());
    assertEquals(0, r.clearSeconds());
    assertEquals(600, r.reopenSeconds());
    assertTrue(r.enabled());
    RuleFields given = new RuleFields("x", Rule.Kind.LATENCY_HIGH, null, "info", 1.0, null, null, 5, 6, 7, null, null,
        null, null, false, null).withDefaults();
    assertEquals(List.of(5, 6, 7), List.of(given.forSeconds(), given.clearSeconds(), given.reopenSeconds()));
    assertFalse(given.enabled());
  }

  @Test
  void storingDisabledFieldsOverAnEnabledRuleDisablesIt() {
    Rule enabled = new Rule(1, "x", Rule.Kind.LATENCY_HIGH, null, "info", 1.0, null, null, 0, 0, 600, null, null, null,
        "cityops", true, null, "sre", OffsetDateTime.now(), OffsetDateTime.now());
    Rule disabled = new Rule(1, "x", Rule.Kind.LATENCY_HIGH, null, "info", 1.0, null, null, 0, 0, 600, null, null, null,
        "cityops", false, null, "sre", OffsetDateTime.now(), OffsetDateTime.now());
    RuleFields off = new RuleFields("x", Rule.Kind.LATENCY_HIGH, null, "info", 1.0, null, null, 0, 0, 600, null, null,
        null, null, false, null);
    RuleFields on = new RuleFields("x", Rule.Kind.LATENCY_HIGH, null, "info", 1.0, null, null, 0, 0, 600, null, null,
        null, null, true, null);
    assertTrue(off.disables(enabled));
    assertFalse(on.disables(enabled));
    assertFalse(off.disables(disabled), "already disabled: its alerts were resolved then");
    assertFalse(on.disables(disabled));
  }
}
