package vn.hanoi.cityops.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleReplayTest {
  private static final Instant FROM = Instant.parse("2026-11-23T01:00:00Z");
  private static final Instant TO = FROM.plusSeconds(3600);

  private static Rule rule(Rule.Kind kind, Double threshold, Double clear, int forSeconds, int clearSeconds) {
    return new Rule(1, "r", kind, null, "warning", threshold, clear, 60, forSeconds, clearSeconds, 600, null,
        null, null, "cityops", true, null, "test", null, null);
  }

  private static RuleReplay.Sample at(String subject, double value, int minute) {
    return new RuleReplay.Sample(subject, value, FROM.plusSeconds(60L * minute));
  }

  @Test
  void aSystemDownFortyMinutesInFiresThenAndResolvesWhenItIsUpAgain() {
    Rule down = rule(Rule.Kind.SYSTEM_DOWN, null, null, 0, 0);
    List<RuleReplay.Firing> firings = RuleReplay.replay(down, List.of(
        at("WAN", 0, 10), at("WAN", 1, 40), at("WAN", 1, 41), at("WAN", 0, 50), at("LGSP", 0, 45)), FROM, TO);
    assertEquals(1, firings.size());
    RuleReplay.Firing f = firings.get(0);
    assertEquals("WAN", f.subject());
    assertEquals(FROM.plusSeconds(2400), f.firedAt());
    assertEquals(1, f.value());
    assertEquals(FROM.plusSeconds(3000), f.clearedAt());
  }

  @Test
  void aThresholdNeverCrossedFiresNothing() {
    Rule latency = rule(Rule.Kind.LATENCY_HIGH, 3000.0, 2000.0, 60, 60);
    assertTrue(RuleReplay.replay(latency, List.of(at("WAN", 800, 5), at("WAN", 2999, 6), at("WAN", 1200, 7)), FROM, TO).isEmpty());
  }

  @Test
  void aConditionFiresOnlyAfterHoldingForSecondsAndReportsTheWorstValue() {
    Rule latency = rule(Rule.Kind.LATENCY_HIGH, 3000.0, 2000.0, 120, 0);
    List<RuleReplay.Firing> firings = RuleReplay.replay(latency, List.of(
        at("WAN", 3500, 10), at("WAN", 4200, 11), at("WAN", 3900, 13), at("WAN", 2500, 14), at("WAN", 1900, 15)), FROM, TO);
    assertEquals(1, firings.size());
    RuleReplay.Firing f = firings.get(0);
    assertEquals(FROM.plusSeconds(600 + 120), f.firedAt(), "two minutes after it began to hold");
    assertEquals(4200, f.value(), "the value when it fired");
    assertEquals(4200, f.worst());
    assertEquals(FROM.plusSeconds(900), f.clearedAt(), "2,500 ms is above the clear threshold: it clears at 1,900 ms");
  }

  @Test
  void aBlipShorterThanForSecondsIsDamped() {
    Rule degraded = rule(Rule.Kind.SYSTEM_DEGRADED, null, null, 300, 0);
    assertTrue(RuleReplay.replay(degraded, List.of(at("WAN", 1, 10), at("WAN", 0, 12)), FROM, TO).isEmpty());
  }

  @Test
  void aSystemDownBeforeTheHourIsStillFiringAndSaidSo() {
    Rule down = rule(Rule.Kind.SYSTEM_DOWN, null, null, 0, 0);
    List<RuleReplay.Firing> firings = RuleReplay.replay(down, List.of(at("WAN", 1, -90), at("WAN", 1, 20)), FROM, TO);
    assertEquals(1, firings.size());
    assertEquals(FROM.minusSeconds(5400), firings.get(0).firedAt());
    assertNull(firings.get(0).clearedAt(), "still firing at the end");
  }

  @Test
  void aFiringOverBeforeTheHourIsLeftOut() {
    Rule down = rule(Rule.Kind.SYSTEM_DOWN, null, null, 0, 0);
    assertTrue(RuleReplay.replay(down, List.of(at("WAN", 1, -90), at("WAN", 0, -80)), FROM, TO).isEmpty());
  }

  @Test
  void aPendingConditionFiresWhenItsTimeComesEvenWithoutAnotherObservation() {
    Rule degraded = rule(Rule.Kind.SYSTEM_DEGRADED, null, null, 300, 0);
    List<RuleReplay.Firing> firings = RuleReplay.replay(degraded, List.of(at("WAN", 1, 50)), FROM, TO);
    assertEquals(1, firings.size());
    assertEquals(FROM.plusSeconds(3300), firings.get(0).firedAt());
    assertNull(firings.get(0).clearedAt());
  }

  @Test
  void aKpiRuleBelowItsThresholdFiresAndASubjectNoLongerListedClears() {
    Rule onTime = rule(Rule.Kind.AGENCY_ON_TIME_BELOW, 90.0, 92.0, 0, 0);
    List<RuleReplay.Tick> ticks = List.of(
        new RuleReplay.Tick(FROM, Map.of("STP", 95.0, "SXD", 91.0)),
        new RuleReplay.Tick(FROM.plusSeconds(60), Map.of("STP", 85.0, "SXD", 91.0)),
        new RuleReplay.Tick(FROM.plusSeconds(120), Map.of("STP", 80.0)),
        new RuleReplay.Tick(FROM.plusSeconds(180), Map.of()));
    List<RuleReplay.Firing> firings = RuleReplay.replay(onTime, RuleReplay.samples(onTime, ticks), FROM, TO);
    assertEquals(1, firings.size());
    RuleReplay.Firing f = firings.get(0);
    assertEquals("STP", f.subject());
    assertEquals(FROM.plusSeconds(60), f.firedAt());
    assertEquals(85, f.value());
    assertEquals(80, f.worst(), "the lowest rate while below");
    assertEquals(FROM.plusSeconds(180), f.clearedAt(), "no longer listed: cleared");
  }
}
