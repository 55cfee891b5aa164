package vn.hanoi.cityops.alert;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.alert.Lifecycle.Action;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");

  private static Alert alert(String state, String acknowledgedBy, OffsetDateTime acknowledgedAt, String resolvedBy,
                             OffsetDateTime resolvedAt) {
    return new Alert(7, "system-down.wan:WAN", 1L, "system-down.wan", "system_down", "WAN", state, "critical",
        "critical", "WAN ngừng hoạt động", "WAN is down", "system:WAN", 1.0, T, T, acknowledgedBy, acknowledgedAt, null,
        resolvedBy, resolvedAt, null, 0, null, null, 1, T, T, 3);
  }

  private static Rule rule(Rule.Kind kind) {
    return new Rule(1, "r", kind, null, "warning", null, null, null, 0, 0, 600, null, null, null, "cityops", true, null, "test",
        null, null);
  }

  @Test
  void onlyAFiringAlertCanBeAcknowledgedAndAnyOpenOneResolved() {
    assertEquals(Set.of("firing"), Action.ACKNOWLEDGE.from());
    assertEquals(Set.of("firing", "acknowledged"), Action.RESOLVE.from());
    assertArrayEquals(new String[]{"firing"}, Action.ACKNOWLEDGE.fromStates());
    assertArrayEquals(new String[]{"acknowledged", "firing"}, Action.RESOLVE.fromStates(), "sorted, for the statement");
  }

  @Test
  void onlyAResolvedAlertReopensAndOnlyAFiringOneEscalates() {
    assertEquals(Set.of("resolved"), Action.REOPEN.from());
    assertEquals(Set.of("firing"), Action.ESCALATE.from(), "an acknowledged alert escalates no more");
    assertEquals(Set.of(), Action.FIRE.from(), "a firing makes a new alert");
    for (Action a : List.of(Action.REFIRE, Action.REGROUP, Action.SILENCE, Action.UNSILENCE)) {
      assertEquals(Set.of("firing", "acknowledged"), a.from(), a.name());
    }
  }

  @Test
  void actionsAreNamedAsTheTransitionsTableAndTheWebhooksNameThem() {
    assertEquals(List.of("fire", "refire", "reopen", "regroup", "acknowledge", "resolve", "escalate", "silence", "unsilence"),
        List.of(Action.values()).stream().map(Action::code).toList());
  }

  @Test
  void resolvedIsTheOnlyClosedState() {
    assertTrue(Lifecycle.open("firing"));
    assertTrue(Lifecycle.open("acknowledged"));
    assertFalse(Lifecycle.open("resolved"));
  }

  @Test
  void escalationClimbsInfoWarningCriticalAtMostThreeTimes() {
    assertArrayEquals(new String[]{"info", "warning", "critical"}, Lifecycle.severityLadder());
    assertEquals(3, Lifecycle.MAX_ESCALATIONS);
  }

  @Test
  void aFiringJoinsTheGroupOfTheOutageUpstreamElseItsOwn() {
    assertEquals("system:WAN", Lifecycle.group(rule(Rule.Kind.SYSTEM_DOWN), "CKS", "system:WAN"));
    assertEquals("system:CKS", Lifecycle.group(rule(Rule.Kind.SYSTEM_DOWN), "CKS", null));
    assertEquals("system:LGSP", Lifecycle.group(rule(Rule.Kind.LATENCY_HIGH), "LGSP", null));
    assertEquals("subject:CG", Lifecycle.group(rule(Rule.Kind.DISTRICT_OVERDUE_ABOVE), "CG", null));
    assertEquals("subject:HN", Lifecycle.group(rule(Rule.Kind.KPI_DROP_RATE), "HN", null));
  }

  @Test
  void refusingAnAlertThatDoesNotExistIsNotFound() {
    Failure f = Lifecycle.refusal(424242, Action.ACKNOWLEDGE, Optional.empty());
    assertEquals(Failure.Kind.NOT_FOUND, f.kind());
    assertEquals("not_found", f.code());
    assertEquals("no alert 424242", f.getMessage());
  }

  @Test
  void secondAcknowledgementIsAConflictNamingWhoAcknowledgedFirst() {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-23T08:01:02.5+07:00");
    Failure f = Lifecycle.refusal(7, Action.ACKNOWLEDGE, Optional.of(alert("acknowledged", "operator", at, null, null)));
    assertEquals(Failure.Kind.CONFLICT, f.kind());
    assertEquals("illegal_transition", f.code());
    assertEquals("alert 7 is already acknowledged by operator at 2026-11-23T01:01:02.500Z", f.getMessage());
    JsonObject detail = f.details().getJsonObject(0);
    assertEquals("acknowledged", detail.getString("state"));
    assertEquals("acknowledge", detail.getString("action"));
    assertEquals("operator", detail.getString("acknowledgedBy"));
    assertTrue(detail.containsKey("resolvedBy"));
    assertNull(detail.getString("resolvedBy"));
  }

  @Test
  void acknowledgingOrResolvingAResolvedAlertSaysWhoResolvedItAndWhen() {
    Alert resolved = alert("resolved", "operator", T, "sre", T.plusMinutes(5));
    Failure ack = Lifecycle.refusal(7, Action.ACKNOWLEDGE, Optional.of(resolved));
    assertEquals("alert 7 is already resolved (by sre at 2026-11-23T01:05:00Z); it cannot be acknowledged", ack.getMessage());
    Failure again = Lifecycle.refusal(7, Action.RESOLVE, Optional.of(resolved));
    assertEquals("illegal_transition", again.code());
    assertEquals("alert 7 is already resolved (by sre at 2026-11-23T01:05:00Z); it cannot be resolved again",
        again.getMessage());
    assertEquals("resolve", again.details().getJsonObject(0).getString("action"));
    assertEquals("sre", again.details().getJsonObject(0).getString("resolvedBy"));
    assertEquals("operator", again.details().getJsonObject(0).getString("acknowledgedBy"));
  }

  @Test
  void endingASilenceTwiceIsAConflictAndAnUnknownOneNotFound() {
    Failure ended = Lifecycle.silenceRefusal(5, true);
    assertEquals(Failure.Kind.CONFLICT, ended.kind());
    assertEquals("illegal_transition", ended.code());
    assertEquals("silence 5 has already ended", ended.getMessage());
    Failure none = Lifecycle.silenceRefusal(5, false);
    assertEquals(Failure.Kind.NOT_FOUND, none.kind());
    assertEquals("no silence 5", none.getMessage());
  }
}
