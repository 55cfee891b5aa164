package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Optional;

/**
 * SMS through a generic gateway: {@code POST {notify.sms.url}} with {@code Authorization: Bearer {notify.sms.secret}}
 * and {@code {"to", "text"}}. The text is short — the subject, then as much of the text as fits, the link and the
 * first action (a one-tap acknowledge works from any phone) — since every 70 characters with Vietnamese diacritics
 * is one more SMS. A 2xx answer is {@code sent}; 429 and 5xx are worth a retry.
 */
final class SmsChannel implements Channel {
  static final int MAX_TEXT = 320;

  private final WebClient client;
  private final AppConfig.Remote gateway;
  private final int timeoutMs;

  SmsChannel(WebClient client, AppConfig.Remote gateway, int timeoutMs) {
    this.client = client;
    this.gateway = gateway;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.SMS;
  }

  @Override
  public Optional<String> unavailable() {
    return gateway.url().isBlank() ? Optional.of("sms is not configured on this node (notify.sms.url)") : Optional.empty();
  }

  @Override
  public Future<Delivery> send(ContactPoint to, Letter letter) {
    var request = client.postAbs(gateway.url()).timeout(timeoutMs);
    if (!gateway.secret().isBlank()) {
      request.putHeader("Authorization", "Bearer " + gateway.secret());
    }
    return request.sendJsonObject(new JsonObject().put("to", to.address()).put("text", text(letter)))
        .map(r -> r.statusCode() / 100 == 2 ? Delivery.sent(r.statusCode()) : Delivery.ofStatus(r.statusCode(), r.bodyAsString()))
        .otherwise(e -> Delivery.ofError(e, timeoutMs));
  }

  /** The subject and as much of the text as fits in {@link #MAX_TEXT} beside the link and the first action. */
  static String text(Letter letter) {
    StringBuilder tail = new StringBuilder();
    if (letter.link() != null) {
      tail.append('\n').append(letter.link());
    }
    if (!letter.buttons().isEmpty()) {
      Letter.Button first = letter.buttons().get(0);
      tail.append('\n').append(first.label()).append(": ").append(first.url());
    }
    String head = letter.subject() + ". " + letter.text().strip().replaceAll("\\s+", " ");
    int room = Math.max(letter.subject().length(), MAX_TEXT - tail.length());
    if (head.length() > room) {
      head = head.substring(0, Math.max(0, room - 1)) + "…";
    }
    return head + tail;
  }
}
