package vn.hanoi.cityops.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) on a free loopback port for tests that follow a message into the mailbox, and
 * what it received: by recipient, by subject, waited for with a deadline. A mail's plain text and HTML are read
 * with {@link #text} and {@link #html}.
 */
public final class Mailbox implements AutoCloseable {
  private final GreenMail server;

  private Mailbox(GreenMail server) {
    this.server = server;
  }

  public static Mailbox start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return new Mailbox(server);
  }

  /** The node configuration that sends its mail here. */
  public Map<String, Object> nodeConfig() {
    return Map.of("notify.smtp.host", "127.0.0.1", "notify.smtp.port", port());
  }

  /** The GreenMail server itself, for a test that sets its users (SMTP authentication). */
  public GreenMail server() {
    return server;
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /** Every mail received so far. */
  public List<MimeMessage> all() {
    return List.of(server.getReceivedMessages());
  }

  public List<MimeMessage> to(String recipient) {
    return all().stream().filter(m -> addressedTo(m, recipient)).toList();
  }

  /** The mails to {@code recipient} whose subject passes {@code subject}. */
  public List<MimeMessage> to(String recipient, Predicate<String> subject) {
    return to(recipient).stream().filter(m -> subject.test(subject(m))).toList();
  }

  /** Waits (up to {@code timeout}) until {@code count} mails to {@code recipient} pass {@code subject}; answers them. */
  public List<MimeMessage> await(String recipient, Predicate<String> subject, int count, Duration timeout) {
    return Wait.until(timeout, () -> to(recipient, subject), found -> found.size() >= count,
        count + " mails to " + recipient);
  }

  public List<MimeMessage> await(String recipient, int count) {
    return await(recipient, s -> true, count, Duration.ofSeconds(10));
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail's plain text. */
  public static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  /** The mail's HTML. */
  public static String html(MimeMessage m) {
    return part(m, "text/html");
  }

  private static String part(Part part, String type) {
    try {
      return read(find(part, type));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Part find(Part part, String type) throws MessagingException, IOException {
    if (part.getContentType().toLowerCase().startsWith(type)) {
      return part;
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        try {
          return find(child, type);
        } catch (AssertionError notHere) {
          // look further
        }
      }
    }
    throw new AssertionError("no " + type + " part in " + part.getContentType());
  }

  private static String read(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static boolean addressedTo(MimeMessage m, String recipient) {
    try {
      Address[] all = m.getAllRecipients();
      return all != null && Arrays.stream(all).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
