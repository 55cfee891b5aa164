package vn.hanoi.cityops.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One layer of a team's on-call rotation (primary or secondary): its members take turns, one shift each, handing
 * over every day or every week at a set local time (Hanoi's); overrides put someone else on for a stretch. Covers
 * every instant from its start: there are no gaps by construction, and overrides of one rotation may not overlap
 * (checked on save). Pure: no Vert.x, no I/O.
 */
public record Rotation(List<String> members, Length length, LocalTime handoff, DayOfWeek handoffDay, LocalDate startsOn,
                       ZoneId zone, List<Cover> covers) {
  /** How long a shift lasts. */
  public enum Length {
    DAILY(1), WEEKLY(7);

    final int days;

    Length(int days) {
      this.days = days;
    }
  }

  /** Someone covering a stretch of the rotation: {@code [from, to)}. */
  public record Cover(String username, Instant from, Instant to) {
    public Cover {
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("a cover ends after it starts");
      }
    }

    boolean covers(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  /** Who is on call over {@code [from, to)}; {@code cover} is true when an override put them there. */
  public record Shift(String username, Instant from, Instant to, boolean cover) {
  }

  public Rotation {
    members = List.copyOf(members);
    covers = List.copyOf(covers);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a rotation has at least one member");
    }
    if (length == Length.WEEKLY && handoffDay == null) {
      throw new IllegalArgumentException("a weekly rotation hands over on a day of the week");
    }
  }

  /** The first handoff: the start day at the handoff time (for a weekly rotation, the first handoff day from it). */
  public Instant firstHandoff() {
    LocalDate day = length == Length.WEEKLY ? startsOn.with(TemporalAdjusters.nextOrSame(handoffDay)) : startsOn;
    return ZonedDateTime.of(day, handoff, zone).toInstant();
  }

  /** The regular shift at {@code t} (overrides aside); empty before the rotation starts. */
  Optional<Shift> regularAt(Instant t) {
    ZonedDateTime first = firstHandoff().atZone(zone);
    if (t.isBefore(first.toInstant())) {
      return Optional.empty();
    }
    // Count whole shifts in local days, so a shift stays "the same local time" whatever the instant arithmetic.
    long days = ChronoUnit.DAYS.between(first, t.atZone(zone));
    long index = days / length.days;
    ZonedDateTime from = first.plusDays(index * length.days);
    if (from.toInstant().isAfter(t)) {
      index--;
      from = first.plusDays(index * length.days);
    }
    ZonedDateTime to = from.plusDays(length.days);
    return Optional.of(new Shift(members.get((int) (index % members.size())), from.toInstant(), to.toInstant(), false));
  }

  /** Who is on call at {@code t}, overrides first: the latest cover that covers {@code t} wins. */
  public Optional<Shift> at(Instant t) {
    for (int i = covers.size() - 1; i >= 0; i--) {
      Cover c = covers.get(i);
      if (c.covers(t)) {
        return Optional.of(new Shift(c.username(), c.from(), c.to(), true));
      }
    }
    return regularAt(t).map(s -> clip(s, t));
  }

  /**
   * The shifts from {@code t} on, {@code count} of them: who is on now, who is next, and so on. A person on call for
   * several shifts in a row has one shift; looking stops after {@code count} plus as many shifts as the rotation has
   * members and covers, so a rotation of one member answers one shift (nobody is next), not an endless search.
   */
  public List<Shift> upcoming(Instant t, int count) {
    List<Shift> shifts = new ArrayList<>();
    Instant at = t.isBefore(firstHandoff()) ? firstHandoff() : t;
    int steps = 0;
    int most = count + members.size() + covers.size();
    while (shifts.size() < count && steps++ < most) {
      Optional<Shift> s = at(at);
      if (s.isEmpty()) {
        break;
      }
      Shift shift = s.get();
      if (!shifts.isEmpty() && shifts.get(shifts.size() - 1).username().equals(shift.username())) {
        Shift last = shifts.remove(shifts.size() - 1);
        shift = new Shift(shift.username(), last.from(), shift.to(), last.cover() && shift.cover());
      }
      shifts.add(shift);
      at = shift.to();
    }
    return shifts;
  }

  /** The handoffs strictly after {@code after} up to {@code until}: when the person on call changes. */
  public List<Instant> handoffs(Instant after, Instant until) {
    List<Instant> changes = new ArrayList<>();
    Instant at = after;
    Optional<Shift> current = at(at);
    while (current.isPresent() && current.get().to().isBefore(until.plusNanos(1))) {
      Instant next = current.get().to();
      Optional<Shift> following = at(next);
      if (following.isEmpty()) {
        break;
      }
      if (!following.get().username().equals(current.get().username())) {
        changes.add(next);
      }
      current = following;
    }
    return changes;
  }

  /** The regular shift cut where a cover starts or ends inside it, so a shift never spans a cover. */
  private Shift clip(Shift s, Instant t) {
    Instant from = s.from();
    Instant to = s.to();
    for (Cover c : covers) {
      if (c.to().isAfter(from) && !c.to().isAfter(t)) {
        from = c.to();
      }
      if (c.from().isAfter(t) && c.from().isBefore(to)) {
        to = c.from();
      }
    }
    return new Shift(s.username(), from, to, false);
  }

  /** The first pair of covers of one rotation that overlap, if any (a rotation with such covers is refused). */
  public static Optional<Cover[]> overlap(List<Cover> covers) {
    List<Cover> sorted = covers.stream().sorted(Comparator.comparing(Cover::from)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
        return Optional.of(new Cover[]{sorted.get(i - 1), sorted.get(i)});
      }
    }
    return Optional.empty();
  }

  /** How long the rotation's shift lasts. */
  public Duration shiftLength() {
    return Duration.ofDays(length.days);
  }
}
