package vn.hanoi.cityops.notify;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {
  @Test
  void tooManyRequestsAndServerErrorsAreWorthARetryOtherStatusesAreFinal() {
    assertTrue(Delivery.ofStatus(429, "slow down").retryable());
    assertTrue(Delivery.ofStatus(500, null).retryable());
    assertTrue(Delivery.ofStatus(503, "").retryable());
    assertFalse(Delivery.ofStatus(400, "chat not found").retryable());
    assertFalse(Delivery.ofStatus(403, "bot was blocked").retryable());
    assertEquals("HTTP 400: chat not found", Delivery.ofStatus(400, "chat not found").error());
    assertEquals(Integer.valueOf(400), Delivery.ofStatus(400, "x").httpStatus());
  }

  @Test
  void noAnswerInTimeAndARefusedOrLostConnectionAreWorthARetry() {
    Delivery timeout = Delivery.ofError(new TimeoutException(), 1500);
    assertTrue(timeout.retryable());
    assertEquals("no answer within 1500 ms", timeout.error());
    assertTrue(Delivery.ofError(new ConnectException("Connection refused: /127.0.0.1:1"), 1).retryable());
    assertTrue(Delivery.ofError(new HttpClosedException("Connection was closed"), 1).retryable());
    assertFalse(Delivery.ofError(new IllegalArgumentException("bad key"), 1).retryable());
  }

  @Test
  void onlySentAndDeliveredCarryTheMessage() {
    assertTrue(Delivery.sent(201).carried());
    assertTrue(Delivery.delivered(200).carried());
    assertFalse(Delivery.failed(400, "x").carried());
    assertFalse(Delivery.gone(410, "x").carried());
    assertTrue(Delivery.gone(410, "x").gone());
  }

  @Test
  void longErrorsAreCut() {
    assertEquals(301, Delivery.failed(null, "x".repeat(1000)).error().length());
  }
}
