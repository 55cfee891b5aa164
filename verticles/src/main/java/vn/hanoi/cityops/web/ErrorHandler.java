package vn.hanoi.cityops.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.failure.Failure;

/**
 * The one failure handler, and the one place that knows which HTTP status each {@link Failure.Kind} is: every
 * failure becomes {@code {"error", "message", "details"}} with its status. Only a failure of our own (a bug) is a
 * 500, and it is logged with its stack trace.
 */
public final class ErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Answer answer = answer(ctx);
    if (answer.status() >= 500 && answer.retryAfterSeconds() == null) {
      LOG.error("request_failed method={} path={}", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (answer.retryAfterSeconds() != null) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds()));
    }
    if (answer.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"cityops\"");
    }
    ctx.response()
        .setStatusCode(answer.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(answer.body().encode());
  }

  /** What the client is told: a status, the error body and, for a retryable failure, when to retry. */
  record Answer(int status, JsonObject body, Integer retryAfterSeconds) {
    static Answer of(Failure f) {
      return new Answer(ErrorHandler.status(f.kind()), f.toJson(), f.retryAfterSeconds());
    }
  }

  /** The HTTP status of a kind of failure (also what the ingest metrics count answers by). */
  public static int status(Failure.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case GONE -> 410;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_FORMAT -> 415;
      case UNPROCESSABLE -> 422;
      case TOO_MANY -> 429;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  static Answer answer(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Failure f) {
      return Answer.of(f);
    }
    if (failure instanceof DecodeException) {
      return Answer.of(Failure.invalid("malformed_json", "the body is not valid JSON: " + failure.getMessage()));
    }
    int status = ctx.statusCode();
    return switch (status) {
      case 400 -> Answer.of(Failure.invalid("bad_request", "the request is malformed"));
      case 404 -> Answer.of(Failure.notFound("no such resource: " + ctx.normalizedPath()));
      case 405 -> clientError(405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.normalizedPath());
      case 413 -> Answer.of(new Failure(Failure.Kind.TOO_LARGE, "body_too_large", "the body exceeds the limit of this endpoint"));
      case 415 -> Answer.of(new Failure(Failure.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type", "unsupported content type"));
      default -> status >= 400 && status < 500
          ? clientError(status, "client_error", HttpResponseStatus.valueOf(status).reasonPhrase())
          : Answer.of(new Failure(Failure.Kind.INTERNAL, "internal_error", "an internal error occurred; it has been logged"));
    };
  }

  /** A status Vert.x Web set itself, with no kind of ours (405 and the rare others). */
  private static Answer clientError(int status, String code, String message) {
    return new Answer(status, new Failure(Failure.Kind.INVALID, code, message).toJson(), null);
  }
}
