package vn.hanoi.cityops.failure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A failure a caller should see as it is: what kind of failure it is, a stable machine-readable code, a sentence
 * and the details (for a batch, every bad event by index, field and reason). Thrown or failed with from any
 * floor — a pure state machine, a repository, a route — and turned into an HTTP answer in one place only, the web
 * floor's failure handler, which alone knows which status each {@link Kind} is. Anything else that fails is a
 * bug (a 500 there).
 */
public final class Failure extends RuntimeException {
  /** What went wrong, from the caller's side; the failure handler maps each to its status. */
  public enum Kind {
    /** The request is malformed or breaks a rule of its shape. */
    INVALID,
    /** Nobody (valid) is signed in. */
    UNAUTHENTICATED,
    /** Signed in, but not allowed this. */
    FORBIDDEN,
    NOT_FOUND,
    /** The resource's state does not allow this now (an illegal transition, a duplicate, the last admin). */
    CONFLICT,
    /** What the request names existed but is gone for good (an expired one-time link). */
    GONE,
    /** Well-formed, but names something unknown or cannot be processed. */
    UNPROCESSABLE,
    /** The body is larger than allowed. */
    TOO_LARGE,
    /** The body is not in a format the endpoint reads. */
    UNSUPPORTED_FORMAT,
    /** Too many requests from one caller: retry later. */
    TOO_MANY,
    /** A dependency (PostgreSQL, the write queue) cannot take it now: retry later. */
    UNAVAILABLE,
    /** A failure of our own. */
    INTERNAL
  }

  private final Kind kind;
  private final String code;
  private final JsonArray details;
  private final Integer retryAfterSeconds;

  public Failure(Kind kind, String code, String message) {
    this(kind, code, message, new JsonArray(), null);
  }

  public Failure(Kind kind, String code, String message, JsonArray details) {
    this(kind, code, message, details, null);
  }

  public Failure(Kind kind, String code, String message, JsonArray details, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Failure invalid(String code, String message) {
    return new Failure(Kind.INVALID, code, message);
  }

  /** A bad field: {@code validation_failed} with one detail naming it. */
  public static Failure invalidField(String message, String field, String reason) {
    return new Failure(Kind.INVALID, "validation_failed", message, field(field, reason));
  }

  public static Failure unauthenticated(String message) {
    return new Failure(Kind.UNAUTHENTICATED, "unauthorized", message);
  }

  public static Failure forbidden(String message) {
    return new Failure(Kind.FORBIDDEN, "forbidden", message);
  }

  public static Failure notFound(String message) {
    return new Failure(Kind.NOT_FOUND, "not_found", message);
  }

  /** A change the resource's current state does not allow. */
  public static Failure illegalTransition(String message) {
    return new Failure(Kind.CONFLICT, "illegal_transition", message);
  }

  /** A field naming something that does not exist (an agency, a user, a meeting). */
  public static Failure unknownReference(String message, String field, String reason) {
    return new Failure(Kind.UNPROCESSABLE, "unknown_reference", message, field(field, reason));
  }

  public static Failure unavailable(String message, int retryAfterSeconds) {
    return new Failure(Kind.UNAVAILABLE, "unavailable", message, new JsonArray(), retryAfterSeconds);
  }

  /** {@code [{"field", "reason"}]}: the details of a failure about one field. */
  public static JsonArray field(String name, String reason) {
    return new JsonArray().add(new JsonObject().put("field", name).put("reason", reason));
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public JsonArray details() {
    return details;
  }

  /** Seconds a client should wait before trying again, or null. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public JsonObject toJson() {
    return new JsonObject().put("error", code).put("message", getMessage()).put("details", details);
  }
}
