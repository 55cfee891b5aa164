package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import vn.hanoi.cityops.config.AppConfig;

import java.util.Optional;

/**
 * Zalo through the Official Account message API: {@code POST {notify.zalo.url}/v3.0/oa/message/cs} with the OA's
 * {@code access_token} header and {@code {"recipient":{"user_id"},"message":{"text"}}}. Zalo answers HTTP 200 with
 * {@code "error": 0} when the message is in the person's chat ({@code delivered}) and a non-zero error (the person
 * does not follow the OA, the token expired…) otherwise, which is final; HTTP 429 and 5xx are worth a retry.
 */
final class ZaloChannel implements Channel {
  /** A consultation message's text holds at most 2,000 characters. */
  private static final int MAX_TEXT = 2_000;

  private final WebClient client;
  private final AppConfig.Remote api;
  private final int timeoutMs;

  ZaloChannel(WebClient client, AppConfig.Remote api, int timeoutMs) {
    this.client = client;
    this.api = api;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.ZALO;
  }

  @Override
  public Optional<String> unavailable() {
    return api.secret().isBlank()
        ? Optional.of("zalo is not configured on this node (notify.zalo.accessToken)") : Optional.empty();
  }

  @Override
  public Future<Delivery> send(ContactPoint to, Letter letter) {
    String text = letter.subject() + "\n\n" + letter.plainText();
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 1) + "…";
    }
    JsonObject body = new JsonObject()
        .put("recipient", new JsonObject().put("user_id", to.address()))
        .put("message", new JsonObject().put("text", text));
    return client.postAbs(api.url() + "/v3.0/oa/message/cs").timeout(timeoutMs)
        .putHeader("access_token", api.secret())
        .sendJsonObject(body)
        .map(ZaloChannel::outcome)
        .otherwise(e -> Delivery.ofError(e, timeoutMs));
  }

  private static Delivery outcome(HttpResponse<Buffer> r) {
    if (r.statusCode() != 200) {
      return Delivery.ofStatus(r.statusCode(), r.bodyAsString());
    }
    JsonObject answer;
    try {
      answer = r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      answer = null;
    }
    if (answer == null) {
      return Delivery.failed(200, "Zalo answered something other than JSON");
    }
    int error = answer.getInteger("error", -1);
    return error == 0 ? Delivery.delivered(200)
        : Delivery.failed(200, "Zalo error " + error + ": " + answer.getString("message", ""));
  }
}
