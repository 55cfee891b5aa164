package vn.hanoi.cityops.alert;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.failure.Failure;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SilenceRequestTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");

  private static SilenceRequest request(String rule, String kind, String subject, String severity, Integer minutes,
                                        String endsAt) {
    return new SilenceRequest(rule, kind, subject, severity, minutes, endsAt, "bảo trì");
  }

  private static Failure refused(SilenceRequest r) {
    return assertThrows(Failure.class, () -> r.end(NOW, RuleValidationTest.REFERENCE));
  }

  @Test
  void aDurationEndsThatManyMinutesFromNow() {
    assertEquals(NOW.plusMinutes(30), request(null, null, "WAN", null, 30, null).end(NOW, RuleValidationTest.REFERENCE));
  }

  @Test
  void anEndInTheFutureIsTakenAsGiven() {
    assertEquals(OffsetDateTime.parse("2026-12-01T00:00:00Z"),
        request("system-down.wan", null, null, null, null, "2026-12-01T00:00:00Z").end(NOW, RuleValidationTest.REFERENCE));
  }

  @Test
  void aSilenceLastsAtMostThirtyDays() {
    assertEquals(NOW.plusDays(30), request(null, null, "WAN", null, null, NOW.plusDays(30).toString())
        .end(NOW, RuleValidationTest.REFERENCE), "thirty days exactly is allowed");
    Failure f = refused(request(null, null, "WAN", null, null, NOW.plusDays(30).plusMinutes(1).toString()));
    assertEquals("validation_failed", f.code());
    assertEquals("endsAt", f.details().getJsonObject(0).getString("field"));
    assertEquals("must be at most 43200 minutes (30 days) from now", f.details().getJsonObject(0).getString("reason"));
  }

  @Test
  void anyOneMatcherIsEnough() {
    assertEquals(NOW.plusMinutes(1), request("r", null, null, null, 1, null).end(NOW, RuleValidationTest.REFERENCE));
    assertEquals(NOW.plusMinutes(1), request(null, "system_down", null, null, 1, null).end(NOW, RuleValidationTest.REFERENCE));
    assertEquals(NOW.plusMinutes(1), request(null, null, null, "critical", 1, null).end(NOW, RuleValidationTest.REFERENCE));
    assertEquals(NOW.plusMinutes(1), request(null, null, "STP", null, 1, null).end(NOW, RuleValidationTest.REFERENCE),
        "an agency is a subject too");
  }

  @Test
  void aSilenceWithoutMatcherIsRefused() {
    Failure f = refused(request(null, null, null, null, 5, null));
    assertEquals(Failure.Kind.INVALID, f.kind());
    assertEquals("validation_failed", f.code());
    assertEquals("a silence needs at least one matcher", f.getMessage());
    assertEquals("rule", f.details().getJsonObject(0).getString("field"));
  }

  @Test
  void exactlyOneOfDurationAndEndIsNeeded() {
    for (SilenceRequest r : new SilenceRequest[]{request(null, null, "WAN", null, 5, "2099-01-01T00:00:00Z"),
        request(null, null, "WAN", null, null, null)}) {
      Failure f = refused(r);
      assertEquals("validation_failed", f.code());
      assertEquals("give exactly one of durationMinutes and endsAt", f.getMessage());
      assertEquals("durationMinutes", f.details().getJsonObject(0).getString("field"));
    }
  }

  @Test
  void anEndThatIsNoDateTimeOrNotInTheFutureIsRefused() {
    Failure bad = refused(request(null, null, "WAN", null, null, "2026-02-30T00:00:00Z"));
    assertEquals("endsAt is not a date-time", bad.getMessage());
    assertEquals("must be an ISO-8601 date-time with an offset", bad.details().getJsonObject(0).getString("reason"));
    Failure past = refused(request(null, null, "WAN", null, null, "2026-11-23T00:59:59Z"));
    assertEquals("endsAt is in the past", past.getMessage());
    Failure now = refused(request(null, null, "WAN", null, null, "2026-11-23T01:00:00Z"));
    assertEquals("endsAt is in the past", now.getMessage(), "ending now is not in the future");
  }

  @Test
  void aSubjectMustBeASystemOrAnAgency() {
    Failure f = refused(request(null, null, "NOPE", null, 5, null));
    assertEquals(Failure.Kind.UNPROCESSABLE, f.kind());
    assertEquals("unknown_reference", f.code());
    assertEquals("unknown subject NOPE", f.getMessage());
    assertEquals("is not a known system or agency", f.details().getJsonObject(0).getString("reason"));
  }
}
