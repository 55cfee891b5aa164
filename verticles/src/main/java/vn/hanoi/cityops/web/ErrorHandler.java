package vn.hanoi.cityops.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: every failure becomes {@code {"error", "message", "details"}} with the right
 * status. Only a failure of our own (a bug) is a 500, and it is logged with its stack trace.
 */
public final class ErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    ApiException error = toApiException(ctx);
    if (error.status() >= 500 && error.retryAfterSeconds() == null) {
      LOG.error("request_failed method={} path={}", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (error.retryAfterSeconds() != null) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(error.retryAfterSeconds()));
    }
    if (error.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"cityops\"");
    }
    ctx.response()
        .setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(error.toJson().encode());
  }

  static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof DecodeException) {
      return ApiException.badRequest("malformed_json", "the body is not valid JSON: " + failure.getMessage());
    }
    int status = ctx.statusCode();
    return switch (status) {
      case 400 -> ApiException.badRequest("bad_request", "the request is malformed");
      case 404 -> ApiException.notFound("no such resource: " + ctx.normalizedPath());
      case 405 -> new ApiException(405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.normalizedPath());
      case 413 -> new ApiException(413, "body_too_large", "the body exceeds the limit of this endpoint");
      case 415 -> new ApiException(415, "unsupported_media_type", "unsupported content type");
      default -> status >= 400 && status < 500
          ? new ApiException(status, "client_error", HttpResponseStatus.valueOf(status).reasonPhrase())
          : new ApiException(500, "internal_error", "an internal error occurred; it has been logged");
    };
  }
}
