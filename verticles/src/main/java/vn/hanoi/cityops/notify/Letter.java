package vn.hanoi.cityops.notify;

import java.util.List;

/**
 * A {@link Message} as one person reads it, what each channel turns into its own format: the words in the person's
 * language, the link and the buttons as absolute URLs. Pure.
 */
public record Letter(String language, String subject, String text, String html, String link, List<Button> buttons,
                     Message.Urgency urgency, String tag, List<Message.Attachment> attachments) {

  public record Button(String label, String url) {
  }

  /** "Mở" / "Open": the label of the link when it is shown as a button. */
  public String openLabel() {
    return "en".equals(language) ? "Open" : "Mở";
  }

  /** The email's HTML: the message's own HTML (else its text, escaped, paragraph by paragraph), then the link and buttons. */
  public String emailHtml() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language)
        .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject)).append("</title></head><body>");
    if (this.html != null) {
      html.append(this.html);
    } else {
      for (String paragraph : text.split("\\n\\s*\\n")) {
        html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
      }
    }
    if (link != null || !buttons.isEmpty()) {
      html.append("<p>");
      if (link != null) {
        html.append(anchor(openLabel(), link)).append(' ');
      }
      buttons.forEach(b -> html.append(anchor(b.label(), b.url())).append(' '));
      html.append("</p>");
    }
    return html.append("</body></html>").toString();
  }

  /** The plain text of an email or a chat message: the text, then the link, then each button as "label: URL". */
  public String plainText() {
    StringBuilder plain = new StringBuilder(text.strip());
    if (link != null) {
      plain.append("\n\n").append(link);
    }
    buttons.forEach(b -> plain.append("\n").append(b.label()).append(": ").append(b.url()));
    return plain.toString();
  }

  private static String anchor(String label, String url) {
    return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
  }

  /** Text safe inside HTML (also inside an attribute in double quotes). */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
