package vn.hanoi.cityops.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A failure the client should see as it is: a status, a stable machine-readable code, a sentence and
 * the details (for a batch, every bad event by index, field and reason). {@link ErrorHandler} writes it.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final JsonArray details;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String code, String message) {
    this(status, code, message, new JsonArray(), null);
  }

  public ApiException(int status, String code, String message, JsonArray details) {
    this(status, code, message, details, null);
  }

  public ApiException(int status, String code, String message, JsonArray details, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException unavailable(String message, int retryAfterSeconds) {
    return new ApiException(503, "unavailable", message, new JsonArray(), retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonArray details() {
    return details;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public JsonObject toJson() {
    return new JsonObject().put("error", code).put("message", getMessage()).put("details", details);
  }
}
