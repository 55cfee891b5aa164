package vn.hanoi.cityops.alert;

/**
 * A rule as a person writes it: the body of a new rule, or a stored rule with an update on top. Null where the
 * body leaves a field out; {@link #withDefaults()} fills the ones the table defaults. {@link RuleValidation}
 * checks it; {@link AlertRules} stores it.
 */
public record RuleFields(String code, Rule.Kind kind, String subject, String severity, Double threshold,
                         Double clearThreshold, Integer windowMinutes, Integer forSeconds, Integer clearSeconds,
                         Integer reopenSeconds, Integer escalateAfterSeconds, String webhookUrl, String webhookSecret,
                         String webhookFormat, Boolean enabled, String description) {
  /** A degraded system fires after five minutes unless told otherwise; everything else at once. */
  static final int DEGRADED_FOR_SECONDS = 300;
  static final int REOPEN_SECONDS = 600;
  /** The webhook body a rule sends unless told otherwise: cityops' own. */
  static final String CITYOPS_FORMAT = "cityops";

  /** The fields a new rule leaves out, as a new rule has them. */
  public RuleFields withDefaults() {
    return new RuleFields(code, kind, subject, severity, threshold, clearThreshold, windowMinutes,
        forSeconds != null ? forSeconds : kind == Rule.Kind.SYSTEM_DEGRADED ? DEGRADED_FOR_SECONDS : 0,
        clearSeconds != null ? clearSeconds : 0,
        reopenSeconds != null ? reopenSeconds : REOPEN_SECONDS,
        escalateAfterSeconds, webhookUrl, webhookSecret,
        webhookFormat != null ? webhookFormat : CITYOPS_FORMAT,
        enabled != null ? enabled : Boolean.TRUE,
        description);
  }

  /** These fields as the rule {@code stored} would be if they were saved (to test it before saving: {@link RuleTrial}). */
  Rule asRule(Rule stored) {
    return new Rule(stored.id(), stored.code(), stored.kind(), subject, severity, threshold, clearThreshold, windowMinutes,
        forSeconds == null ? 0 : forSeconds, clearSeconds == null ? 0 : clearSeconds,
        reopenSeconds == null ? REOPEN_SECONDS : reopenSeconds, escalateAfterSeconds, webhookUrl, webhookSecret,
        webhookFormat, Boolean.TRUE.equals(enabled), description, stored.createdBy(), stored.createdAt(),
        stored.updatedAt());
  }

  /** Whether storing these fields over {@code stored} disables it (its open alerts then resolve). */
  public boolean disables(Rule stored) {
    return stored.enabled() && !Boolean.TRUE.equals(enabled);
  }
}
