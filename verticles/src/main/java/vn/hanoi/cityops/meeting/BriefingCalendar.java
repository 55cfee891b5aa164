package vn.hanoi.cityops.meeting;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Language;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import vn.hanoi.cityops.city.Hanoi;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A briefing as an iCalendar object (RFC 5545, with RFC 5546's methods), written with ical4j: one VEVENT with a
 * {@code UID} stable per meeting ({@code meeting-<id>@<publicUrl host>}), its {@code SEQUENCE}, {@code DTSTAMP} (the
 * change that set the sequence, so the same state gives the same file), {@code DTSTART}/{@code DTEND} with
 * {@code TZID=Asia/Ho_Chi_Minh} and that zone's VTIMEZONE, the chair as ORGANIZER, the invited as ATTENDEEs, the
 * title as SUMMARY, the words in the reader's language as DESCRIPTION, the briefing's page as URL (and LOCATION
 * unless there is a video room, which is then the LOCATION and a CONFERENCE), and {@code STATUS}: CONFIRMED, or
 * CANCELLED for a CANCEL and for a cancelled briefing. Lines are folded at 75 octets (ical4j folds at 73 characters, too long for Vietnamese).
 */
final class BriefingCalendar {
  /** What the calendar asks of its reader. */
  enum Method {
    /** An invitation or its change: put it in (or update) the calendar. */
    REQUEST,
    /** The briefing is off (or the reader no longer invited). */
    CANCEL,
    /** A download: the briefing as it stands, to keep. */
    PUBLISH;

    /** The MIME type of the file: {@code text/calendar; method=…; charset=UTF-8}. */
    String contentType() {
      return "text/calendar; method=" + name() + "; charset=UTF-8";
    }
  }

  private static final String PRODUCT = "-//Hanoi City Operations Center//cityops briefings//VI";
  private static final VTimeZone HANOI = TimeZoneRegistryFactory.getInstance().createRegistry()
      .getTimeZone(Hanoi.ZONE.getId()).getVTimeZone();

  private final InvitationWords words;
  private final String host;

  BriefingCalendar(InvitationWords words, String publicUrl) {
    this.words = words;
    this.host = URI.create(publicUrl).getHost();
  }

  /** {@code meeting-<id>@<host>}. */
  String uid(long meetingId) {
    return "meeting-" + meetingId + "@" + host;
  }

  /** The calendar as {@code language}'s reader gets it with {@code method}. */
  String text(Invitation inv, Method method, String language) {
    VEvent event = new VEvent(false);
    event.add(new Uid(uid(inv.id())));
    event.add(new Sequence(inv.sequence()));
    event.add(new DtStamp(inv.changedAt().toInstant()));
    event.add(new DtStart<>(inv.startsAt().atZoneSameInstant(Hanoi.ZONE)));
    event.add(new DtEnd<>(inv.endsAt().atZoneSameInstant(Hanoi.ZONE)));
    event.add(new Summary(inv.title()));
    event.add(new Description(words.description(inv, language)).add(new Language(language)));
    String page = words.page(inv);
    event.add(new Url(URI.create(page)));
    event.add(new Location(inv.videoUrl() == null ? page : inv.videoUrl()));
    if (inv.videoUrl() != null) {
      event.add(new Conference(inv.videoUrl()).add(Value.URI).add(Feature.VIDEO)
          .add(new Label("en".equals(language) ? "Join video" : "Tham gia video")));
    }
    String chairName = inv.organizer().map(Invitation.Invitee::displayName).orElse(inv.chair());
    String chairMail = inv.organizer().map(this::address).orElse(fallback(inv.chair()));
    event.add(new Organizer(URI.create("mailto:" + chairMail)).add(new Cn(chairName)));
    for (Invitation.Invitee person : inv.invited()) {
      event.add(new Attendee(URI.create("mailto:" + address(person))).add(new Cn(person.displayName()))
          .add(CuType.INDIVIDUAL).add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.FALSE));
    }
    event.add(method == Method.CANCEL || inv.phase() == MeetingState.Phase.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(switch (method) {
      case REQUEST -> ImmutableMethod.REQUEST;
      case CANCEL -> ImmutableMethod.CANCEL;
      case PUBLISH -> ImmutableMethod.PUBLISH;
    });
    calendar.add(HANOI);
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fold(out.toString());
  }

  private String address(Invitation.Invitee person) {
    return person.email() != null ? person.email() : fallback(person.username());
  }

  /** A person without an email contact point is named in the calendar by their username at the node's host. */
  private String fallback(String username) {
    return username + "@" + host;
  }

  /**
   * Folds every content line longer than 75 octets (RFC 5545 §3.1): CRLF and a space before the octet that would
   * pass it, never inside a UTF-8 sequence or a surrogate pair. Lines end with CRLF; any folding already there
   * (ical4j's, by characters) is undone first.
   */
  static String fold(String text) {
    String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
    for (String line : unfolded.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int octets = 0;
      int limit = 75;
      for (int i = 0; i < line.length(); ) {
        int cp = line.codePointAt(i);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (octets + size > limit) {
          out.append("\r\n ");
          octets = 0;
          limit = 74; // the leading space counts
        }
        out.appendCodePoint(cp);
        octets += size;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
