package vn.hanoi.cityops.health;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SilenceTest {
  private static final OffsetDateTime LAST = OffsetDateTime.parse("2026-11-23T08:00:00.750+07:00");

  @Test
  void idNamesTheSystemAndTheEpochSecondOfItsLastHeartbeat() {
    assertEquals("silence-WAN-1795395600", new Silence("WAN", LAST, 15).eventId());
  }

  @Test
  void sameSilenceSeenOnAnotherNodeHasTheSameIdWhateverItsClockOrOffset() {
    Silence here = new Silence("WAN", LAST, 15);
    Silence there = new Silence("WAN", LAST.withOffsetSameInstant(java.time.ZoneOffset.UTC), 15);

    assertEquals(here.eventId(), there.eventId());
    assertEquals(here.declaredAt(), there.declaredAt());
  }

  @Test
  void aLaterHeartbeatStartsAnotherSilence() {
    assertNotEquals(new Silence("WAN", LAST, 15).eventId(), new Silence("WAN", LAST.plusSeconds(20), 15).eventId());
  }

  @Test
  void outageIsDeclaredAtTheLastHeartbeatPlusTheThresholdOnHanoisClock() {
    OffsetDateTime declared = new Silence("WAN", LAST.withOffsetSameInstant(java.time.ZoneOffset.UTC), 15).declaredAt();

    assertEquals(OffsetDateTime.parse("2026-11-23T08:00:15.750+07:00"), declared);
    assertEquals("+07:00", declared.getOffset().getId());
  }

  @Test
  void messageSaysInVietnameseHowLongNoHeartbeatCame() {
    assertEquals("Mất tín hiệu: không nhận được nhịp tim trong 15 giây", new Silence("WAN", LAST, 15).message());
  }
}
