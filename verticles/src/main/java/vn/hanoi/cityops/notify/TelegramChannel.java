package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Optional;

/**
 * Telegram through the Bot API ({@code notify.telegram.url}, the bot's token): {@code sendMessage} to the chat in
 * HTML parse mode — the subject in bold, the text, the link — with an inline keyboard button per action. The Bot API
 * answers {@code {"ok":true}} once the message is in the chat ({@code delivered}); 429 and 5xx are worth a retry,
 * other errors (chat not found, bot blocked) are final. {@link #check} asks {@code getChat} whether the bot can
 * see a chat, before a person adds it.
 */
final class TelegramChannel implements Channel {
  /** The Bot API's limit for a message's text is 4,096 characters; the rest of the message needs room too. */
  static final int MAX_TEXT = 3_500;

  /** What {@code getChat} said of a chat id. */
  enum Chat { KNOWN, UNKNOWN, UNREACHABLE }

  private final Vertx vertx;
  private final WebClient client;
  private final AppConfig.Remote api;
  private final int timeoutMs;

  TelegramChannel(Vertx vertx, WebClient client, AppConfig.Remote api, int timeoutMs) {
    this.vertx = vertx;
    this.client = client;
    this.api = api;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.TELEGRAM;
  }

  @Override
  public Optional<String> unavailable() {
    return api.secret().isBlank()
        ? Optional.of("telegram is not configured on this node (notify.telegram.botToken)") : Optional.empty();
  }

  @Override
  public Future<Delivery> send(ContactPoint to, Letter letter) {
    JsonObject body = new JsonObject()
        .put("chat_id", chatId(to.address()))
        .put("text", text(letter))
        .put("parse_mode", "HTML")
        .put("disable_web_page_preview", true);
    if (!letter.buttons().isEmpty()) {
      JsonArray rows = new JsonArray();
      letter.buttons().forEach(b -> rows.add(new JsonArray().add(new JsonObject().put("text", b.label()).put("url", b.url()))));
      body.put("reply_markup", new JsonObject().put("inline_keyboard", rows));
    }
    return client.postAbs(method("sendMessage")).timeout(timeoutMs).sendJsonObject(body)
        .map(TelegramChannel::outcome)
        .otherwise(e -> Delivery.ofError(e, timeoutMs));
  }

  /** Whether the bot can see {@code chatId}: {@code getChat} answers 400 or 403 for a chat it cannot. */
  Future<Chat> check(String chatId) {
    Future<Chat> asked = client.getAbs(method("getChat")).timeout(timeoutMs).addQueryParam("chat_id", chatId).send()
        .map(r -> r.statusCode() == 200 ? Chat.KNOWN
            : r.statusCode() == 400 || r.statusCode() == 403 ? Chat.UNKNOWN : Chat.UNREACHABLE);
    return Deadline.within(vertx, asked, timeoutMs, failure -> Chat.UNREACHABLE);
  }

  private String method(String name) {
    return api.url() + "/bot" + api.secret() + "/" + name;
  }

  private static Delivery outcome(HttpResponse<Buffer> r) {
    JsonObject answer = json(r);
    if (r.statusCode() == 200 && answer != null && answer.getBoolean("ok", false)) {
      return Delivery.delivered(200);
    }
    return Delivery.ofStatus(r.statusCode(), answer == null ? r.bodyAsString() : answer.getString("description"));
  }

  private static JsonObject json(HttpResponse<Buffer> r) {
    try {
      return r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A numeric chat id goes as a number, a public {@code @channel} (or an id too long for a number) as text. */
  private static Object chatId(String address) {
    try {
      return Long.parseLong(address);
    } catch (NumberFormatException e) {
      return address;
    }
  }

  static String text(Letter letter) {
    String words = letter.text().strip();
    String escaped = Letter.escape(words);
    while (escaped.length() > MAX_TEXT) {
      // cut the text, not its escaped form, so no entity is cut in half (Telegram refuses broken HTML)
      words = words.substring(0, Math.max(0, words.length() - Math.max(1, (escaped.length() - MAX_TEXT) / 6)));
      escaped = Letter.escape(words) + "…";
    }
    StringBuilder text = new StringBuilder("<b>").append(Letter.escape(letter.subject())).append("</b>\n\n")
        .append(escaped);
    if (letter.link() != null) {
      text.append("\n\n<a href=\"").append(Letter.escape(letter.link())).append("\">")
          .append(Letter.escape(letter.openLabel())).append("</a>");
    }
    return text.toString();
  }
}
