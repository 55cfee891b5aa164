package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.meeting.InvitationWords.Kind;
import vn.hanoi.cityops.notify.Message;
import vn.hanoi.cityops.notify.Notification;
import vn.hanoi.cityops.notify.Notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a briefing's invitations through the notify floor ({@link Notifier}: every contact point of each person;
 * email carries {@code invite.ics}), each person in their language, about {@code meeting:<id>}: a REQUEST when it
 * is scheduled; after an edit a REQUEST to whoever is newly invited, and to everyone still invited when what a
 * calendar shows changed (its sequence moved), a CANCEL to whoever is no longer invited; a CANCEL to everyone when
 * it is cancelled; and the reminder before the start (no calendar: it changes nothing). Its futures fail only when
 * PostgreSQL does; a person nobody could reach is a recorded notification, not a failure.
 */
final class Invitations {
  private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
  static final String FILE = "invite.ics";

  private final MeetingRepository meetings;
  private final Notifier notifier;
  private final InvitationWords words;
  private final BriefingCalendar calendar;
  private final long leadMinutes;

  Invitations(MeetingRepository meetings, Notifier notifier, ReferenceData reference, String publicUrl, Duration lead) {
    this.meetings = meetings;
    this.notifier = notifier;
    this.words = new InvitationWords(code -> name(reference, code, false), code -> name(reference, code, true), publicUrl);
    this.calendar = new BriefingCalendar(words, publicUrl);
    this.leadMinutes = Math.max(1, lead.toMinutes());
  }

  /** The calendar of meeting {@code id} as {@code language}'s reader downloads it (PUBLISH); empty: no meeting. */
  Future<Optional<String>> download(long id, String language) {
    return meetings.invitation(id).map(found -> found.map(inv -> calendar.text(inv, BriefingCalendar.Method.PUBLISH,
        "en".equals(language) ? "en" : "vi")));
  }

  /** A new briefing: a REQUEST to everyone it invites. */
  Future<Void> scheduled(long id) {
    return meetings.invitation(id).compose(found -> found.map(inv -> sendAll(inv, inv.invited(), Kind.INVITATION))
        .orElse(Future.succeededFuture()));
  }

  /** An edit: REQUESTs to the new and (when the calendar changed) the remaining guests, CANCELs to those dropped. */
  Future<Void> changed(Invitation before, long id) {
    return meetings.invitation(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      Invitation after = found.get();
      boolean moved = after.sequence() != before.sequence();
      List<Invitation.Invitee> added = new ArrayList<>();
      List<Invitation.Invitee> kept = new ArrayList<>();
      for (Invitation.Invitee p : after.invited()) {
        (before.invites(p.username()) ? kept : added).add(p);
      }
      List<Invitation.Invitee> dropped = before.invited().stream().filter(p -> !after.invites(p.username())).toList();
      return Future.all(sendAll(after, added, Kind.INVITATION),
              moved ? sendAll(after, kept, Kind.CHANGE) : Future.succeededFuture(),
              sendAll(after, dropped, Kind.CANCELLATION))
          .mapEmpty();
    });
  }

  /** A cancelled briefing: a CANCEL to everyone it invited. */
  Future<Void> cancelled(long id) {
    return meetings.invitation(id).compose(found -> found.map(inv -> sendAll(inv, inv.invited(), Kind.CANCELLATION))
        .orElse(Future.succeededFuture()));
  }

  /** The reminder before the start to {@code username}; empty when the meeting or the person is gone meanwhile. */
  Future<Optional<Notification>> remind(long id, String username) {
    return meetings.invitation(id).compose(found -> {
      Optional<Invitation.Invitee> person = found.flatMap(inv -> inv.people().stream()
          .filter(p -> p.username().equals(username)).findFirst());
      if (person.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      return notifier.notify(username, message(Kind.REMINDER, found.get(), person.get()), ref(id)).map(Optional::of);
    });
  }

  /** The iCalendar text {@code person} gets with {@code kind} (for the tests and the download's twin). */
  String calendar(Invitation inv, Kind kind, String language) {
    return calendar.text(inv, method(kind), language);
  }

  private Future<Void> sendAll(Invitation inv, List<Invitation.Invitee> people, Kind kind) {
    List<Future<Notification>> sent = people.stream()
        .map(p -> notifier.notify(p.username(), message(kind, inv, p), ref(inv.id()))
            .onSuccess(n -> LOG.info("meeting=invitation id={} kind={} username={} sequence={} status={}", inv.id(),
                kind.name().toLowerCase(), p.username(), inv.sequence(), n.status().code())))
        .toList();
    return Future.join(sent).mapEmpty();
  }

  private Message message(Kind kind, Invitation inv, Invitation.Invitee person) {
    Message m = Message.of(words.content(kind, inv, "vi", leadMinutes), words.content(kind, inv, "en", leadMinutes))
        .withLink("/meeting.html?id=" + inv.id())
        .withTag("meeting-" + inv.id());
    if (kind == Kind.REMINDER) {
      m = m.withUrgency(Message.Urgency.HIGH);
    }
    if (inv.videoUrl() != null && kind != Kind.CANCELLATION) {
      m = m.withActions(new Message.Action("Tham gia video", "Join video", inv.videoUrl()));
    }
    BriefingCalendar.Method method = method(kind);
    if (method != null) {
      String ics = calendar.text(inv, method, "en".equals(person.language()) ? "en" : "vi");
      m = m.withAttachments(new Message.Attachment(FILE, method.contentType(), ics.getBytes(StandardCharsets.UTF_8)));
    }
    return m;
  }

  private static BriefingCalendar.Method method(Kind kind) {
    return switch (kind) {
      case INVITATION, CHANGE -> BriefingCalendar.Method.REQUEST;
      case CANCELLATION -> BriefingCalendar.Method.CANCEL;
      case REMINDER -> null;
    };
  }

  private static String ref(long id) {
    return "meeting:" + id;
  }

  private static String name(ReferenceData reference, String code, boolean english) {
    ReferenceData.Agency agency = reference.agencies().get(code);
    return agency == null ? code : english ? agency.nameEn() : agency.nameVi();
  }
}
