package vn.hanoi.cityops.web;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import vn.hanoi.cityops.failure.Failure;

/**
 * Requests the HTTP decoder gave up on before any route saw them: a request line (a query string) over the limit
 * is {@code 414}, headers over the limit {@code 431}, anything else undecodable {@code 400} — each with the JSON
 * error body every other refusal has, then the connection is closed (the rest of its bytes cannot be trusted).
 * Vert.x's default answers the first two with an empty body.
 */
final class UndecodableRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    String reason = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    Failure failure;
    int status;
    if (cause instanceof TooLongFrameException && reason.startsWith("An HTTP line is larger than")) {
      status = 414;
      failure = Failure.invalid("uri_too_long", "the request line is too long: " + reason
          + "; send long filters in fewer or shorter query parameters");
    } else if (cause instanceof TooLongFrameException && reason.startsWith("HTTP header is larger than")) {
      status = 431;
      failure = Failure.invalid("headers_too_large", "the request headers are too large: " + reason);
    } else {
      status = 400;
      failure = Failure.invalid("bad_request", "the request could not be read as HTTP" + (reason.isEmpty() ? "" : ": " + reason));
    }
    request.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(failure.toJson().encode())
        .onComplete(done -> request.connection().close());
  }
}
