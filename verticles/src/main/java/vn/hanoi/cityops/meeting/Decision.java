package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/** A decision (kết luận) recorded in a briefing, on agenda item {@code item}, as every screen shows it. */
public record Decision(long id, Long item, String text, String recordedBy, OffsetDateTime recordedAt) {

  /** A decision as recorded: with the panel on screen when it was taken, its numbers as they were then (or null). */
  public record Recorded(Decision decision, JsonObject panel) {
  }
}
