package vn.hanoi.cityops.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers a security review expects on every answer: no MIME sniffing, no framing (clickjacking), no
 * referrer leaks, pages limited to this origin's scripts and connections (inline styles allowed: the chart library sets them), and API answers never cached.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse r = ctx.response();
    r.putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy",
            "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    if (ctx.normalizedPath().startsWith("/api/")) {
      r.putHeader("Cache-Control", "no-store");
    }
    ctx.next();
  }
}
