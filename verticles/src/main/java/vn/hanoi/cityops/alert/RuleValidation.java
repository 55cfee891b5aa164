package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.util.Optional;

/**
 * What a rule must be, on save, beyond the shape its schema file checks: what depends on its kind (a latency rule
 * needs a threshold, hysteresis must point the right way, a webhook secret needs a URL) answers
 * {@code 400 validation_failed} with every problem as a detail; a subject naming nothing the kind can watch answers
 * {@code 422 unknown_reference}. Pure: no Vert.x runtime, no I/O (JSON only for the details of a failure).
 */
final class RuleValidation {
  /** The one subject of the city-wide KPI rules. */
  static final String CITY = "HN";

  private RuleValidation() {
  }

  /** The failure that says what is wrong with {@code rule} (schema-valid, defaults applied), if anything is. */
  static Optional<Failure> check(RuleFields rule, ReferenceData reference) {
    JsonArray problems = problems(rule);
    if (!problems.isEmpty()) {
      return Optional.of(new Failure(Failure.Kind.INVALID, "validation_failed", "the rule is not valid for its kind",
          problems));
    }
    return unknownSubject(rule, reference).map(subject -> Failure.unknownReference(
        "unknown subject " + subject + " for a " + rule.kind().code() + " rule", "subject",
        "is not a known " + subjectKind(rule.kind())));
  }

  /** What is wrong with a rule given its kind: field and reason, as validation details. */
  static JsonArray problems(RuleFields r) {
    JsonArray problems = new JsonArray();
    Rule.Kind kind = r.kind();
    Double threshold = r.threshold();
    Double clear = r.clearThreshold();
    boolean binary = kind == Rule.Kind.SYSTEM_DOWN || kind == Rule.Kind.SYSTEM_DEGRADED;
    if (binary && (threshold != null || clear != null)) {
      problem(problems, threshold != null ? "threshold" : "clearThreshold", "a " + kind.code() + " rule takes no threshold");
    }
    if (!binary && threshold == null) {
      problem(problems, "threshold", "is required for a " + kind.code() + " rule");
    }
    if (kind == Rule.Kind.AGENCY_ON_TIME_BELOW) {
      if (threshold != null && threshold > 100) {
        problem(problems, "threshold", "is a percentage: at most 100");
      }
      if (clear != null && clear > 100) {
        problem(problems, "clearThreshold", "is a percentage: at most 100");
      }
    }
    if (threshold != null && clear != null && (kind.above() ? clear > threshold : clear < threshold)) {
      problem(problems, "clearThreshold", kind.above()
          ? "must not be above threshold (the condition clears below it)"
          : "must not be below threshold (the condition clears above it)");
    }
    if ((kind == Rule.Kind.AGENCY_ON_TIME_BELOW || kind == Rule.Kind.KPI_DROP_RATE) && r.windowMinutes() == null) {
      problem(problems, "windowMinutes", "is required for a " + kind.code() + " rule");
    }
    if (kind == Rule.Kind.SYSTEM_DEGRADED && (r.forSeconds() == null || r.forSeconds() == 0)) {
      problem(problems, "forSeconds", "must be positive for a system_degraded rule (degraded for longer than this)");
    }
    if (r.webhookSecret() != null && r.webhookUrl() == null) {
      problem(problems, "webhookSecret", "needs a webhookUrl");
    }
    // A secret given now (a stored one is sealed, v1: or plain:) must be a Standard Webhooks secret.
    if (r.webhookSecret() != null && r.webhookSecret().startsWith(Signatures.SECRET_PREFIX)) {
      Signatures.problem(r.webhookSecret()).ifPresent(p -> problem(problems, "webhookSecret", p));
    }
    return problems;
  }

  /** The subject, if it names nothing this kind can watch. */
  static Optional<String> unknownSubject(RuleFields r, ReferenceData reference) {
    String subject = r.subject();
    if (subject == null) {
      return Optional.empty();
    }
    boolean known = switch (r.kind()) {
      case SYSTEM_DOWN, SYSTEM_DEGRADED, LATENCY_HIGH -> reference.isSystem(subject);
      case AGENCY_ON_TIME_BELOW -> reference.isAgency(subject);
      case DISTRICT_OVERDUE_ABOVE -> reference.isDistrict(subject);
      case FEEDBACK_OVERDUE_ABOVE, KPI_DROP_RATE -> CITY.equals(subject);
    };
    return known ? Optional.empty() : Optional.of(subject);
  }

  /** What the subject of a rule of this kind names. */
  static String subjectKind(Rule.Kind kind) {
    return switch (kind) {
      case SYSTEM_DOWN, SYSTEM_DEGRADED, LATENCY_HIGH -> "system";
      case AGENCY_ON_TIME_BELOW -> "agency";
      case DISTRICT_OVERDUE_ABOVE -> "district";
      case FEEDBACK_OVERDUE_ABOVE, KPI_DROP_RATE -> "scope (only HN, the city)";
    };
  }

  private static void problem(JsonArray problems, String field, String reason) {
    problems.add(new JsonObject().put("field", field).put("reason", reason));
  }
}
