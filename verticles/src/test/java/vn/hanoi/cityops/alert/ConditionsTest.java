package vn.hanoi.cityops.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.alert.Conditions.Effect.FIRE;
import static vn.hanoi.cityops.alert.Conditions.Effect.NONE;
import static vn.hanoi.cityops.alert.Conditions.Effect.REFIRE;
import static vn.hanoi.cityops.alert.Conditions.Effect.RESOLVE;
import static vn.hanoi.cityops.alert.Conditions.Effect.TOUCH;

class ConditionsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  private static Rule rule(Rule.Kind kind, Double threshold, Double clear, int forSeconds, int clearSeconds) {
    return new Rule(1, "r", kind, "WAN", "warning", threshold, clear, null, forSeconds, clearSeconds, 600, null,
        null, null, "cityops", true, null, "test", null, null);
  }

  private static Conditions.State run(Rule rule, Conditions.State s, double value, Instant at, Conditions.Effect expected) {
    Conditions.Step step = Conditions.observe(rule, s, value, at);
    assertEquals(expected, step.effect());
    return step.next();
  }

  @Test
  void downFiresAtOnceStaysOneAlertWhileDownAndResolvesWhenUp() {
    Rule down = rule(Rule.Kind.SYSTEM_DOWN, null, null, 0, 0);
    Conditions.State s = run(down, Conditions.State.NONE, 1, T0, FIRE);
    s = run(down, s, 1, T0.plusSeconds(5), TOUCH);
    s = run(down, s, 1, T0.plusSeconds(10), TOUCH);
    s = run(down, s, 0, T0.plusSeconds(15), RESOLVE);
    assertFalse(s.active());
    assertFalse(s.alerting());
    run(down, s, 0, T0.plusSeconds(20), NONE);
  }

  @Test
  void conditionShorterThanForSecondsNeverFires() {
    Rule degraded = rule(Rule.Kind.SYSTEM_DEGRADED, null, null, 300, 0);
    Conditions.State s = run(degraded, Conditions.State.NONE, 1, T0, NONE);
    assertEquals(NONE, Conditions.elapse(degraded, s, T0.plusSeconds(299)).effect());
    s = run(degraded, s, 0, T0.plusSeconds(200), NONE);
    assertEquals(NONE, Conditions.elapse(degraded, s, T0.plusSeconds(900)).effect(), "a blip is damped");
  }

  @Test
  void conditionHeldForSecondsFiresByTimeAlone() {
    Rule degraded = rule(Rule.Kind.SYSTEM_DEGRADED, null, null, 300, 0);
    Conditions.State s = run(degraded, Conditions.State.NONE, 1, T0, NONE);
    Conditions.Step step = Conditions.elapse(degraded, s, T0.plusSeconds(300));
    assertEquals(FIRE, step.effect());
    assertTrue(step.next().alerting());
    assertEquals(NONE, Conditions.elapse(degraded, step.next(), T0.plusSeconds(400)).effect());
  }

  @Test
  void latencyHysteresisClearsOnlyBelowTheClearThreshold() {
    Rule latency = rule(Rule.Kind.LATENCY_HIGH, 3000.0, 2000.0, 0, 0);
    Conditions.State s = run(latency, Conditions.State.NONE, 2500, T0, NONE);
    s = run(latency, s, 3500, T0.plusSeconds(1), FIRE);
    s = run(latency, s, 2500, T0.plusSeconds(2), TOUCH);
    s = run(latency, s, 2100, T0.plusSeconds(3), TOUCH);
    s = run(latency, s, 1900, T0.plusSeconds(4), RESOLVE);
    run(latency, s, 2900, T0.plusSeconds(5), NONE);
  }

  @Test
  void belowRuleHoldsUnderTheThresholdAndClearsAboveTheClearThreshold() {
    Rule onTime = rule(Rule.Kind.AGENCY_ON_TIME_BELOW, 90.0, 92.0, 0, 0);
    Conditions.State s = run(onTime, Conditions.State.NONE, 89, T0, FIRE);
    s = run(onTime, s, 91, T0.plusSeconds(60), TOUCH);
    run(onTime, s, 93, T0.plusSeconds(120), RESOLVE);
  }

  @Test
  void flappingWithinClearSecondsRefiresTheOpenAlertInsteadOfResolving() {
    Rule down = rule(Rule.Kind.SYSTEM_DOWN, null, null, 0, 30);
    Conditions.State s = run(down, Conditions.State.NONE, 1, T0, FIRE);
    s = run(down, s, 0, T0.plusSeconds(5), NONE);
    assertTrue(s.alerting(), "still alerting while it waits to clear");
    s = run(down, s, 1, T0.plusSeconds(10), REFIRE);
    s = run(down, s, 0, T0.plusSeconds(15), NONE);
    assertEquals(NONE, Conditions.elapse(down, s, T0.plusSeconds(44)).effect());
    assertEquals(RESOLVE, Conditions.elapse(down, s, T0.plusSeconds(45)).effect());
  }

  @Test
  void storedPositionSkipsEventsAlreadyApplied() {
    ConditionStore.Stored stored = new ConditionStore.Stored(Conditions.State.NONE, T0, 10);
    assertFalse(stored.older(T0, 10));
    assertFalse(stored.older(T0, 9));
    assertFalse(stored.older(T0.minusSeconds(1), 20), "an older event does not override a newer one");
    assertTrue(stored.older(T0, 11));
    assertTrue(stored.older(T0.plusMillis(1), 2));
    assertTrue(ConditionStore.Stored.NONE.older(T0, 1));
  }

  @Test
  void signatureIsStandardWebhooksV1AndBackoffDoubles() {
    // The Standard Webhooks libraries' own test vector (secret, msg_p5jXN8AQM9LWM0D4loKWxJek, 1614265330, body)
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
            "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(1000, Signatures.backoffMs(1000, 1));
    assertEquals(2000, Signatures.backoffMs(1000, 2));
    assertEquals(8000, Signatures.backoffMs(1000, 4));
    assertEquals(3_600_000, Signatures.backoffMs(1000, 40));
  }
}
