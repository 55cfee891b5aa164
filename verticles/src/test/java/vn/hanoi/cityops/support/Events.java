package vn.hanoi.cityops.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Valid events of each type, to be altered by the test that needs a bad one. */
public final class Events {
  public static final String AT = "2026-11-23T08:00:00+07:00";

  private Events() {
  }

  public static JsonObject health(String id, String system, String status) {
    return new JsonObject().put("id", id).put("type", "system.health").put("occurredAt", AT)
        .put("system", system).put("status", status).put("latencyMs", 120);
  }

  public static JsonObject dossier(String id, String agency, String dossierId, String stage) {
    JsonObject e = new JsonObject().put("id", id).put("type", "dossier").put("occurredAt", AT)
        .put("dossierId", dossierId).put("agency", agency).put("procedure", "1.000001")
        .put("channel", "online_full").put("stage", stage)
        .put("receivedAt", "2026-11-20T08:00:00+07:00").put("dueAt", "2026-11-27T17:00:00+07:00");
    if ("completed".equals(stage)) {
      e.put("completedAt", AT);
    }
    return e;
  }

  public static JsonObject feedback(String id, String district, String status) {
    JsonObject e = new JsonObject().put("id", id).put("type", "feedback").put("occurredAt", AT)
        .put("feedbackId", "PAKN-" + id).put("channel", "zalo").put("category", "Môi trường")
        .put("district", district).put("status", status).put("dueAt", "2026-12-03T17:00:00+07:00");
    if ("answered".equals(status)) {
      e.put("rating", 4);
    }
    return e;
  }

  public static String array(JsonObject... events) {
    return new JsonArray(java.util.List.of((Object[]) events)).encode();
  }
}
