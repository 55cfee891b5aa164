package vn.hanoi.cityops.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a capability wants a person told, in Vietnamese and in English (each person reads it in their
 * {@code app_user.language}): a subject, a text and optionally HTML for email; a link to open (e.g. the alert in
 * the console) and actions, one button each (e.g. one-tap acknowledge), absolute or relative to
 * {@code notify.publicUrl}; an urgency; a tag (push notifications with the same tag replace each other); and
 * attachments (email only: an iCalendar invitation). Immutable; build with {@link #of} and the {@code with…}
 * methods.
 */
public record Message(Content vi, Content en, String link, List<Action> actions, Urgency urgency, String tag,
                      List<Attachment> attachments) {

  /** One language's words. {@code html} may be null: email then shows the text. */
  public record Content(String subject, String text, String html) {
    public Content {
      if (subject == null || subject.isBlank() || text == null || text.isBlank()) {
        throw new IllegalArgumentException("a message needs a subject and a text in each language");
      }
    }

    public Content(String subject, String text) {
      this(subject, text, null);
    }
  }

  /** A button: its label in each language and the URL it opens. */
  public record Action(String labelVi, String labelEn, String url) {
    public Action {
      Objects.requireNonNull(labelVi, "labelVi");
      Objects.requireNonNull(labelEn, "labelEn");
      Objects.requireNonNull(url, "url");
    }
  }

  /** A file sent with an email, e.g. {@code invitation.ics} as {@code text/calendar; method=REQUEST}. */
  public record Attachment(String name, String contentType, byte[] content) {
    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  public enum Urgency {
    LOW, NORMAL, HIGH;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Message {
    Objects.requireNonNull(vi, "vi");
    Objects.requireNonNull(en, "en");
    actions = actions == null ? List.of() : List.copyOf(actions);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    urgency = urgency == null ? Urgency.NORMAL : urgency;
  }

  public static Message of(Content vi, Content en) {
    return new Message(vi, en, null, List.of(), Urgency.NORMAL, null, List.of());
  }

  public Message withLink(String url) {
    return new Message(vi, en, url, actions, urgency, tag, attachments);
  }

  public Message withActions(Action... more) {
    return new Message(vi, en, link, Arrays.asList(more), urgency, tag, attachments);
  }

  public Message withUrgency(Urgency level) {
    return new Message(vi, en, link, actions, level, tag, attachments);
  }

  public Message withTag(String replaces) {
    return new Message(vi, en, link, actions, urgency, replaces, attachments);
  }

  public Message withAttachments(Attachment... files) {
    return new Message(vi, en, link, actions, urgency, tag, Arrays.asList(files));
  }

  /** The message as one person reads it: in {@code language} (Vietnamese unless {@code en}), links made absolute. */
  public Letter in(String language, String publicUrl) {
    boolean english = "en".equals(language);
    Content words = english ? en : vi;
    return new Letter(english ? "en" : "vi", words.subject(), words.text(), words.html(), absolute(link, publicUrl),
        actions.stream().map(a -> new Letter.Button(english ? a.labelEn() : a.labelVi(), absolute(a.url(), publicUrl)))
            .toList(),
        urgency, tag, attachments);
  }

  private static String absolute(String url, String publicUrl) {
    if (url == null || url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    return publicUrl + (url.startsWith("/") ? "" : "/") + url;
  }
}
