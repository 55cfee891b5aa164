package vn.hanoi.cityops.meeting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a briefing's calendar invitation says: its calendar facts, its agenda, the iCalendar {@code sequence} and the
 * time of the change that set it ({@code changedAt}, the DTSTAMP), and everyone it reaches ({@link Invitee}: the
 * invited, and the chair). Read from PostgreSQL in one go, so a REQUEST, a CANCEL and the download agree.
 */
public record Invitation(long id, String title, String level, MeetingState.Phase phase, OffsetDateTime startsAt,
                         int durationMinutes, String videoUrl, String chair, String secretary, int sequence,
                         OffsetDateTime changedAt, List<AgendaItem> agenda, List<Invitee> people) {

  /** A person the briefing reaches; {@code email}: their first email contact point, or null. */
  public record Invitee(String username, String displayName, String language, String email, boolean invited) {
  }

  public Invitation {
    agenda = List.copyOf(agenda);
    people = List.copyOf(people);
  }

  public OffsetDateTime endsAt() {
    return startsAt.plusMinutes(durationMinutes);
  }

  /** Those who get the invitation (the chair who scheduled it does not). */
  public List<Invitee> invited() {
    return people.stream().filter(Invitee::invited).toList();
  }

  /** The chair, when active (the ORGANIZER). */
  public Optional<Invitee> organizer() {
    return people.stream().filter(p -> p.username().equals(chair)).findFirst();
  }

  public boolean invites(String username) {
    return invited().stream().anyMatch(p -> p.username().equals(username));
  }

  /**
   * Whether what a calendar shows of the briefing differs in {@code after}: its title, start, length, video link,
   * chair or agenda (titles and presenters). Who is invited is not part of it: a new guest gets the invitation as it
   * stands, without a new sequence for the others.
   */
  public boolean calendarDiffers(String title, OffsetDateTime startsAt, int durationMinutes, String videoUrl,
                                 String chair, List<AgendaItem> agenda) {
    return !this.title.equals(title) || !this.startsAt.toInstant().equals(startsAt.toInstant())
        || this.durationMinutes != durationMinutes || !Objects.equals(this.videoUrl, videoUrl)
        || !this.chair.equals(chair) || !sameAgenda(this.agenda, agenda);
  }

  private static boolean sameAgenda(List<AgendaItem> a, List<AgendaItem> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).title().equals(b.get(i).title()) || !Objects.equals(a.get(i).presenter(), b.get(i).presenter())) {
        return false;
      }
    }
    return true;
  }
}
