package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonObject;

/** One entry of an ingest error's {@code details}: which event (by index in the batch), which field, why. */
final class Problems {
  private Problems() {
  }

  static JsonObject of(int index, String field, String reason) {
    return new JsonObject().put("index", index).put("field", field).put("reason", reason);
  }
}
