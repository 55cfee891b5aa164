package vn.hanoi.cityops.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free loopback port, and the mail it received, by recipient. */
final class Mailbox implements AutoCloseable {
  private final GreenMail server;

  private Mailbox(GreenMail server) {
    this.server = server;
  }

  static Mailbox start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return new Mailbox(server);
  }

  int port() {
    return server.getSmtp().getPort();
  }

  GreenMail server() {
    return server;
  }

  List<MimeMessage> to(String recipient) {
    return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
  }

  /** Waits (10 s at most) until {@code count} messages to {@code recipient} arrived; answers them. */
  List<MimeMessage> await(String recipient, int count) {
    return Wait.until(Duration.ofSeconds(10), () -> to(recipient), found -> found.size() >= count,
        count + " mails to " + recipient);
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
