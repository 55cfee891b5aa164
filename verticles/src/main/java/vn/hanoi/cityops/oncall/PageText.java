package vn.hanoi.cityops.oncall;

import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.notify.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words of every message the on-call engine sends, in Vietnamese (with full diacritics, the default) and
 * English: the system, what happened, since when (Hanoi time), why this person is told, a link that opens the
 * outage's lead alert in the SRE console and, on a page, the one-tap acknowledge link. The tag is the alert group,
 * so a push about the same outage replaces the one before. Pure: no Vert.x, no I/O.
 */
public final class PageText {
  private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy", Locale.ROOT)
      .withZone(Hanoi.ZONE);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm, d MMM yyyy", Locale.ENGLISH)
      .withZone(Hanoi.ZONE);

  /** An outage as its messages tell it. {@code alerts}: its open alerts (1 for a lone outage). */
  public record Outage(String group, String system, String systemVi, String systemEn, String titleVi, String titleEn,
                       String severity, int alerts, Instant since, long leadAlertId) {
  }

  /** An open alert of a team's systems, as a handoff message lists it. */
  public record OpenAlert(String titleVi, String titleEn, boolean acknowledged, String acknowledgedBy, Instant since) {
  }

  /** Who a handoff concerns: the team, the layer, the engineers going off and coming on, when. */
  public record Handoff(String teamVi, String teamEn, String layer, String outgoing, String incoming, Instant at) {
  }

  private PageText() {
  }

  /**
   * A page: {@code target} and {@code round} say why this person is told (the on-call primary, the lead…, again on
   * a repeat); {@code ackUrl} is the one-tap acknowledge link, valid {@code ackMinutes}.
   */
  public static Message page(Outage o, Escalation.Target target, int round, String teamVi, String teamEn,
                             String ackUrl, int ackMinutes) {
    String vi = String.join("\n",
        "Hệ thống: " + o.systemVi() + " (" + o.system() + ")",
        "Sự cố: " + o.titleVi(),
        "Từ: " + VI_TIME.format(o.since()) + " (giờ Hà Nội)",
        "Mức độ: " + severityVi(o.severity()),
        o.alerts() > 1 ? "Nhóm " + o.group() + ": " + o.alerts() + " cảnh báo liên quan, một trang cho cả nhóm." : "",
        "Bạn nhận tin này vì: " + roleVi(target) + " của đội " + teamVi
            + (round > 0 ? " (nhắc lại lần " + round + ", chưa ai xác nhận)" : "") + ".",
        "Xác nhận cả nhóm bằng một chạm (hiệu lực " + ackMinutes + " phút), hoặc mở trên bảng điều khiển SRE.");
    String en = String.join("\n",
        "System: " + o.systemEn() + " (" + o.system() + ")",
        "What happened: " + o.titleEn(),
        "Since: " + EN_TIME.format(o.since()) + " (Hanoi time)",
        "Severity: " + o.severity(),
        o.alerts() > 1 ? "Group " + o.group() + ": " + o.alerts() + " related alerts, one page for all of them." : "",
        "You are told as " + roleEn(target) + " of team " + teamEn
            + (round > 0 ? " (repeat " + round + ", nobody has acknowledged)" : "") + ".",
        "Acknowledge the whole group in one tap (valid " + ackMinutes + " min), or open it in the SRE console.");
    return Message.of(
            new Message.Content("[" + severityVi(o.severity()).toUpperCase(Locale.ROOT) + "] " + o.titleVi() + more(o, true),
                clean(vi)),
            new Message.Content("[" + o.severity().toUpperCase(Locale.ROOT) + "] " + o.titleEn() + more(o, false),
                clean(en)))
        .withLink(consoleLink(o))
        .withActions(new Message.Action("Xác nhận cả nhóm", "Acknowledge all", ackUrl))
        .withUrgency(Message.Urgency.HIGH)
        .withTag(o.group());
  }

  /** A reminder to whoever acknowledged an outage that is still not over {@code now}. */
  public static Message reminder(Outage o, Instant acknowledgedAt, Instant now) {
    String since = VI_TIME.format(acknowledgedAt);
    Duration open = Duration.between(acknowledgedAt, now);
    return Message.of(
            new Message.Content("Nhắc việc: " + o.titleVi() + " — chưa xử lý xong",
                "Bạn đã xác nhận sự cố lúc " + since + "; sau " + durationVi(open) + " sự cố vẫn chưa được xử lý xong.\n"
                    + "Hệ thống: " + o.systemVi() + " (" + o.system() + ")\nSự cố từ: " + VI_TIME.format(o.since())
                    + " (giờ Hà Nội)"),
            new Message.Content("Reminder: " + o.titleEn() + " — not resolved yet",
                "You acknowledged this outage at " + EN_TIME.format(acknowledgedAt) + "; " + durationEn(open)
                    + " later it is still not resolved.\nSystem: " + o.systemEn() + " (" + o.system() + ")\nSince: "
                    + EN_TIME.format(o.since()) + " (Hanoi time)"))
        .withLink(consoleLink(o))
        .withUrgency(Message.Urgency.NORMAL)
        .withTag(o.group());
  }

  /** The all-clear to everyone paged: the outage that began at {@code o.since()} was over at {@code over}. */
  public static Message allClear(Outage o, Instant over) {
    Duration lasted = Duration.between(o.since(), over);
    return Message.of(
            new Message.Content("Đã hết sự cố: " + o.titleVi(),
                "Hệ thống: " + o.systemVi() + " (" + o.system() + ")\nSự cố từ " + VI_TIME.format(o.since())
                    + " đã kết thúc lúc " + VI_TIME.format(over) + " (kéo dài " + durationVi(lasted)
                    + "). Không cần làm gì thêm."),
            new Message.Content("All clear: " + o.titleEn(),
                "System: " + o.systemEn() + " (" + o.system() + ")\nThe outage since " + EN_TIME.format(o.since())
                    + " was over at " + EN_TIME.format(over) + " (it lasted " + durationEn(lasted)
                    + "). Nothing more to do."))
        .withLink(consoleLink(o))
        .withUrgency(Message.Urgency.NORMAL)
        .withTag(o.group());
  }

  /** The handoff message to one of the two engineers ({@code toIncoming}: the one coming on), with the open alerts. */
  public static Message handoff(Handoff h, boolean toIncoming, List<OpenAlert> open) {
    String layerVi = "primary".equals(h.layer()) ? "trực chính" : "trực phụ";
    String layerEn = "primary".equals(h.layer()) ? "primary" : "secondary";
    StringBuilder vi = new StringBuilder(toIncoming
        ? "Từ " + VI_TIME.format(h.at()) + " bạn " + layerVi + " cho đội " + h.teamVi() + ", nhận ca từ " + h.outgoing() + "."
        : "Từ " + VI_TIME.format(h.at()) + " bạn hết ca " + layerVi + " của đội " + h.teamVi() + "; " + h.incoming()
            + " nhận ca.");
    StringBuilder en = new StringBuilder(toIncoming
        ? "From " + EN_TIME.format(h.at()) + " you are " + layerEn + " on call for team " + h.teamEn() + ", taking over from "
            + h.outgoing() + "."
        : "From " + EN_TIME.format(h.at()) + " your " + layerEn + " shift for team " + h.teamEn() + " is over; "
            + h.incoming() + " takes over.");
    if (open.isEmpty()) {
      vi.append("\n\nKhông có cảnh báo nào đang mở ở các hệ thống của đội.");
      en.append("\n\nNo alert is open on the team's systems.");
    } else {
      vi.append("\n\nCảnh báo đang mở ở các hệ thống của đội (").append(open.size()).append("):");
      en.append("\n\nOpen alerts on the team's systems (").append(open.size()).append("):");
      for (OpenAlert a : open) {
        vi.append("\n- ").append(a.titleVi()).append(" (từ ").append(VI_TIME.format(a.since())).append(", ")
            .append(a.acknowledged() ? "đã xác nhận bởi " + a.acknowledgedBy() : "chưa xác nhận").append(')');
        en.append("\n- ").append(a.titleEn()).append(" (since ").append(EN_TIME.format(a.since())).append(", ")
            .append(a.acknowledged() ? "acknowledged by " + a.acknowledgedBy() : "not acknowledged").append(')');
      }
    }
    return Message.of(
            new Message.Content("Bàn giao ca " + layerVi + ": " + h.teamVi(), vi.toString()),
            new Message.Content("On-call handoff (" + layerEn + "): " + h.teamEn(), en.toString()))
        .withLink("/sre.html")
        .withUrgency(Message.Urgency.NORMAL)
        .withTag("handoff:" + h.teamEn());
  }

  /** Where a message about the outage points: its lead alert in the SRE console. */
  public static String consoleLink(Outage o) {
    return "/sre.html#alert=" + o.leadAlertId();
  }

  static String severityVi(String severity) {
    return switch (severity) {
      case "critical" -> "nghiêm trọng";
      case "warning" -> "cảnh báo";
      default -> "thông tin";
    };
  }

  static String roleVi(Escalation.Target target) {
    return switch (target) {
      case PRIMARY -> "người trực chính";
      case SECONDARY -> "người trực phụ";
      case LEAD -> "trưởng nhóm";
      case USER -> "người được chỉ định trong chính sách leo thang";
    };
  }

  static String roleEn(Escalation.Target target) {
    return switch (target) {
      case PRIMARY -> "the primary on call";
      case SECONDARY -> "the secondary on call";
      case LEAD -> "the team lead";
      case USER -> "the person the escalation policy names";
    };
  }

  /** "38 phút", "2 giờ 5 phút", "12 giây". */
  static String durationVi(Duration d) {
    long minutes = d.toMinutes();
    if (minutes == 0) {
      return Math.max(0, d.toSeconds()) + " giây";
    }
    return minutes >= 60 ? minutes / 60 + " giờ" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " phút") : minutes + " phút";
  }

  /** "38 min", "2 h 5 min", "12 s". */
  static String durationEn(Duration d) {
    long minutes = d.toMinutes();
    if (minutes == 0) {
      return Math.max(0, d.toSeconds()) + " s";
    }
    return minutes >= 60 ? minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min") : minutes + " min";
  }

  private static String more(Outage o, boolean vi) {
    if (o.alerts() <= 1) {
      return "";
    }
    return vi ? " (+" + (o.alerts() - 1) + " cảnh báo liên quan)" : " (+" + (o.alerts() - 1) + " related)";
  }

  /** The text without the empty lines left by parts that do not apply. */
  private static String clean(String text) {
    return text.replaceAll("\n{2,}", "\n");
  }
}
