package vn.hanoi.cityops.oncall;

import vn.hanoi.cityops.city.Hanoi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/**
 * A team's rotation in one layer, as stored ({@code oncall_rotation}) with its covers ({@code oncall_cover});
 * {@link #rotation()} is it as the pure {@link Rotation} that says who is on call when.
 */
public record TeamRotation(long id, long teamId, String team, Layer layer, Rotation.Length length, LocalTime handoffTime,
                           DayOfWeek handoffDay, LocalDate startsOn, List<String> members, List<RotationCover> covers,
                           Instant updatedAt) {
  /** Who a layer's engineer is: paged first, or after the first. */
  public enum Layer {
    PRIMARY, SECONDARY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Layer of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public TeamRotation {
    members = List.copyOf(members);
    covers = List.copyOf(covers);
  }

  /** As the pure rotation (Hanoi time; covers in the order they were made, the latest winning where they meet). */
  public Rotation rotation() {
    return new Rotation(members, length, handoffTime, handoffDay, startsOn, Hanoi.ZONE,
        covers.stream().map(c -> new Rotation.Cover(c.username(), c.startsAt(), c.endsAt())).toList());
  }

  public TeamRotation withCovers(List<RotationCover> all) {
    return new TeamRotation(id, teamId, team, layer, length, handoffTime, handoffDay, startsOn, members,
        all.stream().filter(c -> c.rotationId() == id).toList(), updatedAt);
  }
}
