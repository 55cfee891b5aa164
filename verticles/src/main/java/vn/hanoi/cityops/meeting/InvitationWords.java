package vn.hanoi.cityops.meeting;

import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.notify.Message;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The words of a briefing's invitation, change, cancellation and reminder, in Vietnamese and English: the mail's
 * subject and text, and the calendar's DESCRIPTION (the same text). Times are Hanoi's. Pure.
 */
final class InvitationWords {
  /** What is said: which message this is. */
  enum Kind { INVITATION, CHANGE, CANCELLATION, REMINDER }

  private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy", Locale.forLanguageTag("vi"));
  private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.ENGLISH);

  private final Function<String, String> agencyVi;
  private final Function<String, String> agencyEn;
  private final String publicUrl;

  /** {@code agencyVi}/{@code agencyEn}: an agency's name from its code (presenters); {@code publicUrl}: links. */
  InvitationWords(Function<String, String> agencyVi, Function<String, String> agencyEn, String publicUrl) {
    this.agencyVi = agencyVi;
    this.agencyEn = agencyEn;
    this.publicUrl = publicUrl;
  }

  /** The briefing's page: {@code <publicUrl>/meeting.html?id=<id>}. */
  String page(Invitation inv) {
    return publicUrl + "/meeting.html?id=" + inv.id();
  }

  Message.Content content(Kind kind, Invitation inv, String language, long leadMinutes) {
    boolean en = "en".equals(language);
    String subject = (en ? subjectEn(kind, leadMinutes) : subjectVi(kind, leadMinutes)) + inv.title() + " — "
        + when(inv.startsAt(), en);
    String opening = en ? openingEn(kind, leadMinutes) : openingVi(kind, leadMinutes);
    // the mail's link is the page already
    return new Message.Content(subject, opening + "\n\n" + description(inv, language, false));
  }

  /** The calendar's DESCRIPTION: level, chair, time, agenda, the page and the video room. */
  String description(Invitation inv, String language) {
    return description(inv, language, true);
  }

  private String description(Invitation inv, String language, boolean withPage) {
    boolean en = "en".equals(language);
    StringBuilder text = new StringBuilder();
    text.append(en ? "Briefing: " : "Giao ban: ").append(inv.title()).append('\n');
    text.append(en ? "Level: " : "Cấp: ").append(level(inv.level(), en)).append('\n');
    String chair = inv.organizer().map(Invitation.Invitee::displayName).orElse(inv.chair());
    text.append(en ? "Chair: " : "Chủ trì: ").append(chair).append('\n');
    text.append(en ? "Time: " : "Thời gian: ").append(when(inv.startsAt(), en)).append(" – ")
        .append(inv.endsAt().atZoneSameInstant(Hanoi.ZONE).toLocalTime()).append(en ? " (Hanoi time)" : " (giờ Hà Nội)");
    if (!inv.agenda().isEmpty()) {
      text.append("\n\n").append(en ? "Agenda:" : "Chương trình:");
      for (AgendaItem item : inv.agenda()) {
        text.append('\n').append(item.position()).append(". ").append(item.title());
        if (item.presenter() != null) {
          text.append(" — ").append((en ? agencyEn : agencyVi).apply(item.presenter()));
        }
      }
    }
    if (withPage) {
      text.append("\n\n").append(en ? "Open the briefing: " : "Vào phòng giao ban: ").append(page(inv));
    }
    if (inv.videoUrl() != null) {
      text.append(withPage ? "\n" : "\n\n").append(en ? "Join video: " : "Tham gia video: ").append(inv.videoUrl());
    }
    return text.toString();
  }

  static String when(OffsetDateTime t, boolean en) {
    return (en ? EN : VI).format(t.atZoneSameInstant(Hanoi.ZONE));
  }

  private static String level(String level, boolean en) {
    return switch (level) {
      case "city" -> en ? "city" : "thành phố";
      case "district" -> en ? "district" : "quận, huyện";
      default -> en ? "commune" : "phường, xã";
    };
  }

  private static String subjectVi(Kind kind, long lead) {
    return switch (kind) {
      case INVITATION -> "Mời họp: ";
      case CHANGE -> "Thay đổi lịch họp: ";
      case CANCELLATION -> "Hủy cuộc họp: ";
      case REMINDER -> "Còn " + lead + " phút: ";
    };
  }

  private static String subjectEn(Kind kind, long lead) {
    return switch (kind) {
      case INVITATION -> "Invitation: ";
      case CHANGE -> "Updated: ";
      case CANCELLATION -> "Cancelled: ";
      case REMINDER -> "In " + lead + (lead == 1 ? " minute: " : " minutes: ");
    };
  }

  private static String openingVi(Kind kind, long lead) {
    return switch (kind) {
      case INVITATION -> "Trân trọng kính mời đồng chí tham dự cuộc giao ban trực tuyến.";
      case CHANGE -> "Cuộc giao ban đã được thay đổi; thông tin mới như sau.";
      case CANCELLATION -> "Cuộc giao ban dưới đây đã bị hủy.";
      case REMINDER -> "Cuộc giao ban bắt đầu sau " + lead + " phút nữa.";
    };
  }

  private static String openingEn(Kind kind, long lead) {
    return switch (kind) {
      case INVITATION -> "You are invited to an online briefing.";
      case CHANGE -> "The briefing has changed; here is what it is now.";
      case CANCELLATION -> "The briefing below has been cancelled.";
      case REMINDER -> "The briefing starts in " + lead + (lead == 1 ? " minute." : " minutes.");
    };
  }
}
