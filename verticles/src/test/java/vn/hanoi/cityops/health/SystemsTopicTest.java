package vn.hanoi.cityops.health;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SystemsTopicTest {
  @Test
  void aReportsTimeIsKeptAsPostgresStoresItInUtcToTheNearestMicrosecond() {
    // printed as the pg client's OffsetDateTime of the stored value prints (whole minutes without seconds)
    assertEquals("2026-12-03T01:00Z", SystemsTopic.storedTime("2026-12-03T08:00:00+07:00").toString());
    assertEquals("2026-12-03T01:00:00.711447Z", SystemsTopic.storedTime("2026-12-03T08:00:00.711447+07:00").toString());
    assertEquals("2026-12-03T01:00:00.711448Z", SystemsTopic.storedTime("2026-12-03T08:00:00.7114475+07:00").toString());
    assertEquals("2026-12-03T01:00:00.711447Z", SystemsTopic.storedTime("2026-12-03T08:00:00.7114474+07:00").toString());
    assertEquals("2026-12-03T01:00:00.500Z", SystemsTopic.storedTime("2026-12-03T01:00:00.5Z").toString());
  }
}
