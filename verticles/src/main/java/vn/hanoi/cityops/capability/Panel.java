package vn.hanoi.cityops.capability;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Set;

/**
 * One kind of data panel a briefing's chair can share ({@code systems}, {@code district-dossiers}…), supplied by the
 * capability that owns the data, so a panel shows the numbers the rest of cityops shows.
 */
public interface Panel {
  /** The kind, as a panel spec names it: {@code {"kind": "district-dossiers", "district": "CG"}}. */
  String kind();

  /**
   * The spec as stored: only this kind's fields, defaults filled in; fails with a {@code Failure} naming the field
   * (invalid shape, or an unknown reference such as a district that does not exist).
   */
  JsonObject validate(JsonObject spec);

  /** The panel's figures as of {@code now} (the caller adds {@code asOf}). */
  Future<JsonObject> compute(JsonObject spec, Instant now);

  /** What moves its figures besides clock ticks: event types of the log, or a topic name. */
  Set<String> movedBy(JsonObject spec);
}
