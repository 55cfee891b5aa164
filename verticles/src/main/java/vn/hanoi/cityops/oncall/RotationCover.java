package vn.hanoi.cityops.oncall;

import java.time.Instant;

/** Someone covering a stretch {@code [startsAt, endsAt)} of a rotation, as stored ({@code oncall_cover}). */
public record RotationCover(long id, long rotationId, String username, Instant startsAt, Instant endsAt, String reason,
                            String createdBy, Instant createdAt) {
}
