package vn.hanoi.cityops.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;

import java.util.List;

/** Reading JSON request bodies and writing JSON responses, the same way on every route. */
public final class JsonBodies {
  private JsonBodies() {
  }

  /** The body as an object valid against {@code schema}, or a 400/415 naming what is wrong. */
  public static JsonObject object(RoutingContext ctx, SchemaCheck schema) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new Failure(Failure.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type", "send the body as application/json");
    }
    Object parsed;
    try {
      parsed = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonValue();
    } catch (DecodeException e) {
      throw Failure.invalid("malformed_json", "the body is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof JsonObject json)) {
      throw Failure.invalid("invalid_body", "the body must be a JSON object");
    }
    List<SchemaCheck.Problem> problems = schema.check(json);
    if (!problems.isEmpty()) {
      JsonArray details = new JsonArray();
      problems.forEach(p -> details.add(new JsonObject().put("field", p.field()).put("reason", p.reason())));
      throw new Failure(Failure.Kind.INVALID, "validation_failed", "the body does not match its schema", details);
    }
    return json;
  }

  public static long longParam(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw Failure.invalid("invalid_parameter", name + " must be a whole number");
    }
  }

  public static void ok(RoutingContext ctx, JsonObject body) {
    send(ctx, 200, body);
  }

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(body.encode());
  }
}
