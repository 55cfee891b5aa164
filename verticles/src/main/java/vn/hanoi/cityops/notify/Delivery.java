package vn.hanoi.cityops.notify;

import io.vertx.core.http.HttpClosedException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * What one attempt on one channel came to: carried ({@code sent}: handed to a relay that delivers later, an SMTP
 * server, an SMS gateway, a push service; {@code delivered}: the service says it is in the person's chat), or failed
 * — transiently (timeout, refused connection, 5xx, 429: worth a retry) or for good; {@code gone} when a push
 * service says the subscription no longer exists. Pure.
 */
record Delivery(Attempt.Status status, Integer httpStatus, String error, boolean retryable, boolean gone) {
  private static final int EXCERPT = 300;

  static Delivery sent(Integer httpStatus) {
    return new Delivery(Attempt.Status.SENT, httpStatus, null, false, false);
  }

  static Delivery delivered(Integer httpStatus) {
    return new Delivery(Attempt.Status.DELIVERED, httpStatus, null, false, false);
  }

  static Delivery failed(Integer httpStatus, String error) {
    return new Delivery(Attempt.Status.FAILED, httpStatus, excerpt(error), false, false);
  }

  static Delivery retryable(Integer httpStatus, String error) {
    return new Delivery(Attempt.Status.FAILED, httpStatus, excerpt(error), true, false);
  }

  static Delivery gone(int httpStatus, String error) {
    return new Delivery(Attempt.Status.FAILED, httpStatus, excerpt(error), false, true);
  }

  /** A failed HTTP answer: 429 and 5xx are worth a retry, any other status is final. */
  static Delivery ofStatus(int httpStatus, String what) {
    String error = "HTTP " + httpStatus + (what == null || what.isBlank() ? "" : ": " + what);
    return httpStatus == 429 || httpStatus >= 500 ? retryable(httpStatus, error) : failed(httpStatus, error);
  }

  /** A call that got no answer: no answer in time and a refused or lost connection are worth a retry. */
  static Delivery ofError(Throwable e, int timeoutMs) {
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return retryable(null, "no answer within " + timeoutMs + " ms");
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof ClosedChannelException
        || e instanceof HttpClosedException) {
      return retryable(null, "connection failed: " + e.getMessage());
    }
    return failed(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  boolean carried() {
    return status == Attempt.Status.SENT || status == Attempt.Status.DELIVERED;
  }

  private static String excerpt(String text) {
    return text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
  }
}
