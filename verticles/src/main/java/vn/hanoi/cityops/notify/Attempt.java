package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One line of a notification's timeline: an attempt on one channel (its number counts that channel's retries), a
 * channel skipped for its quiet hours, or — with no channel — why the message went nowhere (rate limited, nobody
 * to send to). {@code address} is masked.
 */
public record Attempt(long id, long notificationId, ChannelKind channel, Long contactPointId, String address,
                      int attempt, Status status, Integer httpStatus, String error, Integer durationMs,
                      OffsetDateTime at) {

  public enum Status {
    SENT, DELIVERED, FAILED, SKIPPED_QUIET, RATE_LIMITED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("channel", channel == null ? null : channel.code())
        .put("contactPointId", contactPointId)
        .put("address", address)
        .put("attempt", attempt)
        .put("status", status.code())
        .put("httpStatus", httpStatus)
        .put("error", error)
        .put("durationMs", durationMs)
        .put("at", at.toString());
  }
}
