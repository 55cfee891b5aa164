package vn.hanoi.cityops.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One message to one person and how it went: {@code sent} when at least one channel carried it, {@code failed}
 * when none did (or there was nobody to send to), {@code rate_limited} when the person had been sent too many
 * messages in the last minute; {@code pending} while it is being sent. {@code subject} is in the person's language.
 */
public record Notification(long id, String username, String ref, String subject, Status status,
                           OffsetDateTime createdAt, OffsetDateTime finishedAt, List<Attempt> attempts) {

  public enum Status {
    PENDING, SENT, FAILED, RATE_LIMITED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public Notification {
    attempts = List.copyOf(attempts);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("ref", ref)
        .put("subject", subject)
        .put("status", status.code())
        .put("createdAt", createdAt.toString())
        .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
        .put("attempts", new JsonArray(attempts.stream().map(Attempt::toJson).toList()));
  }
}
