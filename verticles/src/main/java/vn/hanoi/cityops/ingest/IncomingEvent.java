package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/**
 * A validated event, ready to store: the typed columns of the event table and the payload as sent.
 * {@code status} is the health status, dossier stage or feedback status; {@code district} is derived
 * for dossiers (the agency's district) and given for feedback.
 */
public record IncomingEvent(int index, String source, String id, String type, OffsetDateTime occurredAt,
                            String system, String agency, String district, String status, String channel,
                            JsonObject payload) {
  /** The idempotency key. */
  public String key() {
    return source + '\u0000' + id;
  }

  IncomingEvent withDistrict(String districtCode) {
    return new IncomingEvent(index, source, id, type, occurredAt, system, agency, districtCode, status, channel, payload);
  }
}
