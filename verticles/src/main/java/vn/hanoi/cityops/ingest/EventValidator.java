package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.SchemaCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates every event of a batch against {@code schemas/event.schema.json} and {@link EventRules}.
 * All-or-nothing: one bad event rejects the batch, and the 400 lists every problem of every event.
 * Thread-safe: its only state is the compiled schema.
 */
final class EventValidator {
  private final SchemaCheck schema = SchemaCheck.of("event.schema.json");

  List<IncomingEvent> validate(List<Object> raw, String source) {
    return validate(raw, null, source);
  }

  /** As {@link #validate(List, String)}, each event reported by {@code indexes[i]} (null: its position). */
  List<IncomingEvent> validate(List<Object> raw, int[] indexes, String source) {
    JsonArray details = new JsonArray();
    List<IncomingEvent> events = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      int index = indexes == null ? i : indexes[i];
      if (!(raw.get(i) instanceof JsonObject event)) {
        details.add(Problems.of(index, "", "must be a JSON object"));
        continue;
      }
      int before = details.size();
      schema.check(event).forEach(p -> details.add(Problems.of(index, p.field(), p.reason())));
      if (details.size() == before) {
        EventRules.check(event.getMap(), (field, reason) -> details.add(Problems.of(index, field, reason)));
      }
      if (details.size() == before) {
        events.add(toIncoming(index, source, event));
      }
    }
    if (!details.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID, "validation_failed",
          "the batch was rejected: " + countEvents(details) + " of " + raw.size() + " events are invalid, nothing was stored", details);
    }
    return events;
  }

  private static long countEvents(JsonArray details) {
    return details.stream().map(d -> ((JsonObject) d).getInteger("index")).distinct().count();
  }

  private static IncomingEvent toIncoming(int index, String source, JsonObject e) {
    String type = e.getString("type");
    return new IncomingEvent(index, source, e.getString("id"), type,
        EventRules.parse(e.getString("occurredAt")),
        e.getString("system"),
        e.getString("agency"),
        EventTypes.FEEDBACK.equals(type) ? e.getString("district") : null,
        switch (type) {
          case EventTypes.DOSSIER -> e.getString("stage");
          default -> e.getString("status");
        },
        e.getString("channel"),
        e);
  }
}
