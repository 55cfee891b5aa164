package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/**
 * A way to reach one person, as stored: the channel and its address (for {@code webpush} the push endpoint, with
 * the browser's {@code p256dh} key and {@code auth} secret), its position in the person's order, whether it is
 * only a fallback, and its quiet hours (null: none). {@link #toJson()} never includes the push keys.
 */
public record ContactPoint(long id, long userId, ChannelKind channel, String address, String p256dh, String auth,
                           int position, boolean fallbackOnly, QuietHours quietHours, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("channel", channel.code())
        .put("address", address)
        .put("position", position)
        .put("fallbackOnly", fallbackOnly)
        .put("quietHours", quietHours == null ? null
            : new JsonObject().put("from", quietHours.fromText()).put("to", quietHours.toText()))
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }

  /** The address as a record of attempts keeps it: enough to tell two apart, not enough to contact the person. */
  public String maskedAddress() {
    return Masking.mask(channel, address);
  }
}
