package vn.hanoi.cityops.alert;

import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A silence as a person asks for it (the body matches {@code silence-create.schema.json}): matchers (null: any),
 * its end as {@code durationMinutes} or {@code endsAt}, and why. {@link #end} checks what the schema cannot and
 * says when it ends. Pure: no Vert.x, no I/O.
 */
record SilenceRequest(String rule, String kind, String subject, String severity, Integer durationMinutes,
                      String endsAt, String reason) {
  /** The longest silence: 30 days, as {@code durationMinutes}' maximum in {@code silence-create.schema.json}. */
  static final int MAX_MINUTES = 43_200;

  /**
   * When the silence ends, asked at {@code now}; throws the {@link Failure} that says what is wrong: no matcher, not
   * exactly one of {@code durationMinutes} and {@code endsAt}, an end that is no date-time, not in the future or
   * more than 30 days ahead ({@code 400 validation_failed}), a subject that is neither a system nor an agency ({@code 422 unknown_reference}).
   */
  OffsetDateTime end(OffsetDateTime now, ReferenceData reference) {
    if (rule == null && kind == null && subject == null && severity == null) {
      throw Failure.invalidField("a silence needs at least one matcher", "rule",
          "give at least one of rule, kind, subject, severity");
    }
    if ((durationMinutes != null) == (endsAt != null)) {
      throw Failure.invalidField("give exactly one of durationMinutes and endsAt", "durationMinutes",
          "give exactly one of durationMinutes and endsAt");
    }
    OffsetDateTime end;
    try {
      end = endsAt != null ? OffsetDateTime.parse(endsAt) : now.plusMinutes(durationMinutes);
    } catch (DateTimeParseException e) {
      throw Failure.invalidField("endsAt is not a date-time", "endsAt", "must be an ISO-8601 date-time with an offset");
    }
    if (!end.isAfter(now)) {
      throw Failure.invalidField("endsAt is in the past", "endsAt", "is in the past: must be in the future");
    }
    if (end.isAfter(now.plusMinutes(MAX_MINUTES))) {
      throw Failure.invalidField("a silence lasts at most 30 days", "endsAt",
          "must be at most " + MAX_MINUTES + " minutes (30 days) from now");
    }
    if (subject != null && !reference.isSystem(subject) && !reference.isAgency(subject)) {
      throw Failure.unknownReference("unknown subject " + subject, "subject", "is not a known system or agency");
    }
    return end;
  }
}
