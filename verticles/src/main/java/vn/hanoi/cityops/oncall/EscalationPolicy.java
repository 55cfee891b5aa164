package vn.hanoi.cityops.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An escalation policy as stored ({@code escalation_policy}, {@code escalation_step}); {@link #policy()} is it as
 * the pure {@link Escalation.Policy} that says which step is due when. {@code repeatEvery}/{@code remindEvery}: null
 * for never.
 */
public record EscalationPolicy(long id, String code, String name, List<Escalation.Step> steps, Duration repeatEvery,
                               int repeats, Duration remindEvery, Instant updatedAt) {
  public EscalationPolicy {
    steps = List.copyOf(steps);
  }

  public Escalation.Policy policy() {
    return new Escalation.Policy(steps, repeatEvery, repeats, remindEvery);
  }
}
