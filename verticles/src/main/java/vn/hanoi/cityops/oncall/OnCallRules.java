package vn.hanoi.cityops.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.oncall.PolicyRepository.PolicyFields;
import vn.hanoi.cityops.oncall.TeamRepository.CoverFields;
import vn.hanoi.cityops.oncall.TeamRepository.RotationFields;
import vn.hanoi.cityops.oncall.WindowRepository.WindowFields;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What on-call settings must be, beyond the shape their schema files check: a rotation has members and a weekly
 * one a handoff day; a cover, a window end after they start and not in the past; a policy has steps, a repeat
 * interval when it repeats, positive intervals of at most a week (a step's delay is checked as it is read, in
 * {@code OnCallJson}); a weekly window lasts a week at most. Each
 * breach is {@code 400 validation_failed} with every problem as a detail. (Unknown people and systems are the
 * routes' to find: they need PostgreSQL.) Pure: no Vert.x runtime, no I/O (JSON only for the details).
 */
final class OnCallRules {
  /** The longest delay of a step, repeat or reminder interval. */
  static final Duration LONGEST = Duration.ofDays(7);

  private OnCallRules() {
  }

  static Optional<Failure> rotation(RotationFields f) {
    JsonArray problems = new JsonArray();
    if (f.members().isEmpty()) {
      problem(problems, "members", "a rotation needs at least one member");
    }
    if (f.length() == Rotation.Length.WEEKLY && f.handoffDay() == null) {
      problem(problems, "handoffDay", "is required for a weekly rotation (1 = Monday … 7 = Sunday)");
    }
    if (f.length() == Rotation.Length.DAILY && f.handoffDay() != null) {
      problem(problems, "handoffDay", "is only for a weekly rotation: a daily one hands over every day");
    }
    return failure("the rotation is not valid", problems);
  }

  static Optional<Failure> cover(CoverFields f, Instant now) {
    JsonArray problems = new JsonArray();
    if (!f.endsAt().isAfter(f.startsAt())) {
      problem(problems, "endsAt", "must be after startsAt");
    } else if (!f.endsAt().isAfter(now)) {
      problem(problems, "endsAt", "is in the past: a cover is for now or later");
    }
    return failure("the cover is not valid", problems);
  }

  static Optional<Failure> policy(PolicyFields f) {
    JsonArray problems = new JsonArray();
    if (f.steps().isEmpty()) {
      problem(problems, "steps", "a policy needs at least one step");
    }
    interval(problems, "repeatEvery", f.repeatEvery());
    interval(problems, "remindEvery", f.remindEvery());
    if (f.repeats() > 0 && f.repeatEvery() == null) {
      problem(problems, "repeatEvery", "is required when the policy repeats");
    }
    return failure("the escalation policy is not valid", problems);
  }

  static Optional<Failure> window(WindowFields f, Instant now) {
    JsonArray problems = new JsonArray();
    if (!f.endsAt().isAfter(f.startsAt())) {
      problem(problems, "endsAt", "must be after startsAt: the window ends before it starts");
    } else if (f.weekly() && Duration.between(f.startsAt(), f.endsAt()).compareTo(MaintenanceWindow.MAX_WEEKLY) > 0) {
      problem(problems, "endsAt", "a weekly window lasts a week at most");
    } else if (!f.weekly() && !f.endsAt().isAfter(now)) {
      problem(problems, "endsAt", "is in the past: schedule a window ahead");
    }
    return failure("the maintenance window is not valid", problems);
  }

  private static void interval(JsonArray problems, String field, Duration d) {
    if (d != null && (d.isZero() || d.isNegative() || d.compareTo(LONGEST) > 0)) {
      problem(problems, field, "must be more than PT0S and at most P7D");
    }
  }

  private static Optional<Failure> failure(String message, JsonArray problems) {
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(new Failure(Failure.Kind.INVALID, "validation_failed", message, problems));
  }

  private static void problem(JsonArray problems, String field, String reason) {
    problems.add(new JsonObject().put("field", field).put("reason", reason));
  }
}
