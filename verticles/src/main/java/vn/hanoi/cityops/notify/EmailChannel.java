package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Email through the configured SMTP server (STARTTLS off, optional or required; a login when a username is set):
 * plain text and HTML in the person's language, with the message's attachments. A 4xx SMTP reply, no answer in time
 * or a refused connection is worth a retry; a 5xx reply (unknown mailbox…) is final. Accepted by the server is
 * {@code sent}.
 */
final class EmailChannel implements Channel {
  private final AppConfig.Smtp smtp;
  private final int timeoutMs;
  private final MailClient client;

  EmailChannel(Vertx vertx, AppConfig.Smtp smtp, int timeoutMs) {
    this.smtp = smtp;
    this.timeoutMs = timeoutMs;
    this.client = smtp.host().isBlank() ? null : MailClient.create(vertx, config(smtp, timeoutMs));
  }

  private static MailConfig config(AppConfig.Smtp smtp, int timeoutMs) {
    MailConfig config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setStarttls(switch (smtp.starttls()) {
          case OFF -> StartTLSOptions.DISABLED;
          case OPTIONAL -> StartTLSOptions.OPTIONAL;
          case REQUIRED -> StartTLSOptions.REQUIRED;
        })
        .setLogin(smtp.username().isBlank() ? LoginOption.DISABLED : LoginOption.REQUIRED)
        .setKeepAlive(true)
        .setUserAgent("cityops");
    config.setConnectTimeout(timeoutMs);
    config.setIdleTimeout(timeoutMs);
    config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    if (!smtp.username().isBlank()) {
      config.setUsername(smtp.username()).setPassword(smtp.password());
    }
    return config;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.EMAIL;
  }

  @Override
  public Optional<String> unavailable() {
    return client == null ? Optional.of("email is not configured on this node (notify.smtp.host)") : Optional.empty();
  }

  @Override
  public Future<Delivery> send(ContactPoint to, Letter letter) {
    MailMessage mail = new MailMessage()
        .setFrom(smtp.from())
        .setTo(to.address())
        .setSubject(letter.subject())
        .setText(letter.plainText())
        .setHtml(letter.emailHtml());
    mail.addHeader("Content-Language", letter.language());
    if (!letter.attachments().isEmpty()) {
      mail.setAttachment(letter.attachments().stream()
          .map(a -> MailAttachment.create().setName(a.name()).setContentType(a.contentType())
              .setData(Buffer.buffer(a.content())))
          .toList());
    }
    return client.sendMail(mail)
        .map(sent -> Delivery.sent(null))
        .otherwise(this::failure);
  }

  private Delivery failure(Throwable e) {
    if (e instanceof SMTPException smtpError) {
      String error = "SMTP " + smtpError.getReplyCode() + ": " + smtpError.getReplyMessage();
      return smtpError.isTransient() ? Delivery.retryable(null, error) : Delivery.failed(null, error);
    }
    return Delivery.ofError(e, timeoutMs);
  }
}
