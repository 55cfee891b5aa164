package vn.hanoi.cityops.ingest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.failure.Failure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a request body into its events: a JSON object, a JSON array, or NDJSON (one event a line). */
final class EventDecoder {
  static final String JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";

  private final int maxEvents;

  EventDecoder(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** The media type without parameters, if it is one this endpoint takes; otherwise a 415. */
  static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase();
    if (!type.equals(JSON) && !type.equals(NDJSON)) {
      throw new Failure(Failure.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type",
          "send events as application/json (an object or an array) or application/x-ndjson (one object a line)"
              + (type.isEmpty() ? "; no Content-Type was given" : "; got " + type));
    }
    return type;
  }

  List<Object> decode(Buffer body, String mediaType) {
    if (body == null || body.length() == 0) {
      throw Failure.invalid("empty_body", "the body is empty: send at least one event");
    }
    List<Object> events = mediaType.equals(NDJSON) ? lines(body) : json(body);
    if (events.isEmpty()) {
      throw Failure.invalid("empty_batch", "the batch holds no event");
    }
    if (events.size() > maxEvents) {
      throw new Failure(Failure.Kind.TOO_LARGE, "batch_too_large",
          "a batch holds at most " + maxEvents + " events; this one holds " + events.size());
    }
    return events;
  }

  private static List<Object> json(Buffer body) {
    Object value;
    try {
      value = body.toJsonValue();
    } catch (DecodeException e) {
      throw Failure.invalid("malformed_json", "the body is not valid JSON: " + e.getMessage());
    }
    if (value instanceof JsonObject) {
      return List.of(value);
    }
    if (value instanceof JsonArray array) {
      return array.getList() == null ? List.of() : new ArrayList<>(array.stream().toList());
    }
    throw Failure.invalid("invalid_body", "the body must be an event object or an array of events");
  }

  private static List<Object> lines(Buffer body) {
    List<Object> events = new ArrayList<>();
    String[] lines = body.toString(StandardCharsets.UTF_8).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        events.add(new JsonObject(lines[i]));
      } catch (DecodeException | ClassCastException e) {
        throw Failure.invalid("malformed_json", "line " + (i + 1) + " is not a JSON object: " + e.getMessage());
      }
    }
    return events;
  }
}
