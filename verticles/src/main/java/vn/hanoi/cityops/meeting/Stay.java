package vn.hanoi.cityops.meeting;

import java.time.OffsetDateTime;

/**
 * One stay of a participant in a briefing, from joining to leaving (or being marked left); {@code leftAt} null while
 * it lasts. {@code late}: joined after the meeting started.
 */
public record Stay(String username, String agency, OffsetDateTime joinedAt, OffsetDateTime leftAt, boolean late) {
}
