package vn.hanoi.cityops.notify;

import com.interaso.webpush.WebPush;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Web Push to a browser's subscription: the payload (title, body, link, buttons, tag, urgency as JSON for the page's
 * service worker) encrypted for the browser's key (RFC 8291, {@code aes128gcm}) and signed with the node's VAPID
 * key (RFC 8292), both by the {@code com.interaso:webpush} library on a worker thread (EC key agreement and
 * signing), then POSTed to the push service's endpoint. The tag is also the {@code Topic} header, so a push
 * service replaces an undelivered message of the same tag. 2xx is {@code sent} (the push service holds it until
 * the browser is online); 404 and 410 mean the subscription is gone ({@link Delivery#gone}); 429 and 5xx are worth a
 * retry.
 */
final class WebPushChannel implements Channel {
  /** Push services keep an undelivered message this long: a day-old alert is news to nobody. */
  private static final int TTL_SECONDS = 86_400;
  /** Push services take 4,096 bytes of encrypted body: 86 bytes of header and padding, and room to spare. */
  private static final int MAX_PAYLOAD = 3_800;
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private record Sealed(byte[] body, Map<String, String> headers) {
  }

  private final Vertx vertx;
  private final WebClient client;
  private final WebPush webPush;
  private final int timeoutMs;

  WebPushChannel(Vertx vertx, WebClient client, WebPush webPush, int timeoutMs) {
    this.vertx = vertx;
    this.client = client;
    this.webPush = webPush;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.WEBPUSH;
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public Future<Delivery> send(ContactPoint to, Letter letter) {
    byte[] payload = payload(letter);
    return vertx.executeBlocking(() -> new Sealed(
            webPush.getBody(payload, ContactRules.base64url(to.p256dh()), ContactRules.base64url(to.auth())),
            webPush.getHeaders(to.address(), TTL_SECONDS, topic(letter.tag()), urgency(letter.urgency()))), false)
        .compose(sealed -> {
          HttpRequest<Buffer> request = client.postAbs(to.address()).timeout(timeoutMs);
          sealed.headers().forEach(request::putHeader);
          return request.sendBuffer(Buffer.buffer(sealed.body()));
        })
        .map(WebPushChannel::outcome)
        .otherwise(e -> Delivery.ofError(e, timeoutMs));
  }

  private static Delivery outcome(HttpResponse<Buffer> r) {
    int status = r.statusCode();
    if (status / 100 == 2) {
      return Delivery.sent(status);
    }
    if (status == 404 || status == 410) {
      return Delivery.gone(status, "the push service no longer knows this subscription (HTTP " + status + ")");
    }
    return Delivery.ofStatus(status, r.bodyAsString());
  }

  /** What the service worker shows; the body is shortened until the whole fits a push message. */
  static byte[] payload(Letter letter) {
    String body = letter.text().strip();
    byte[] whole = payload(letter, body);
    if (whole.length <= MAX_PAYLOAD) {
      return whole;
    }
    int room = MAX_PAYLOAD - payload(letter, "…").length;
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < body.length(); ) {
      int codePoint = body.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > room) {
        break;
      }
      kept.appendCodePoint(codePoint);
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return payload(letter, kept.append('…').toString());
  }

  private static byte[] payload(Letter letter, String body) {
    JsonArray actions = new JsonArray();
    letter.buttons().forEach(b -> actions.add(new JsonObject().put("title", b.label()).put("url", b.url())));
    return new JsonObject()
        .put("title", letter.subject())
        .put("body", body)
        .put("lang", letter.language())
        .put("url", letter.link())
        .put("tag", letter.tag())
        .put("urgency", letter.urgency().code())
        .put("actions", actions)
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  /** The tag as a {@code Topic} header (32 URL-safe base64 characters at most): itself when it fits, else a hash of it. */
  static String topic(String tag) {
    if (tag == null) {
      return null;
    }
    if (TOPIC.matcher(tag).matches()) {
      return tag;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebPush.Urgency urgency(Message.Urgency urgency) {
    return switch (urgency) {
      case LOW -> WebPush.Urgency.Low;
      case NORMAL -> WebPush.Urgency.Normal;
      case HIGH -> WebPush.Urgency.High;
    };
  }
}
