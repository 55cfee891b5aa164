package vn.hanoi.cityops.capability;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

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

  /** A spec that breaks a rule of its kind: {@code validation_failed}, the field named in the message and details. */
  static Failure invalid(String field, String reason) {
    return Failure.invalidField("the panel is not valid: " + field + " " + reason, field, reason);
  }

  /** The spec's {@code district}: a district's code ({@link #invalid} when missing, {@code unknown_reference} when unknown). */
  static String district(JsonObject spec, ReferenceData reference) {
    Object code = spec.getValue("district");
    if (!(code instanceof String s)) {
      throw invalid("district", "is required (a district code such as CG)");
    }
    if (!reference.isDistrict(s)) {
      throw Failure.unknownReference("no district has the code '" + s + "'", "district", "is not a known district");
    }
    return s;
  }
}
