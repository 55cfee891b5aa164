package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.store.Sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the rules' outbound webhooks: every alert change of a rule with a {@code webhookUrl} is a row of
 * {@code webhook_delivery} written with the change. Every node claims due rows ({@code FOR UPDATE SKIP LOCKED},
 * with a lease, so a delivery is attempted by one node at a time), POSTs the JSON body with
 * {@code X-Cityops-Signature: sha256=<HMAC>} when the rule has a secret, and records each attempt
 * ({@code webhook_attempt}) and the outcome: {@code delivered} on 2xx, else retried after
 * {@code alerts.webhookBackoffMs} doubling per attempt, {@code failed} after {@code alerts.webhookMaxAttempts}.
 */
public final class WebhookSender extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final long POLL_MS = 250;
  /** Claims due deliveries for this node, with a lease of $1 seconds. */
  private static final String CLAIM = Sql.load("alert/webhook-claim.sql");
  /** Records an attempt and its outcome. */
  private static final String OUTCOME = Sql.load("alert/webhook-outcome.sql");

  private final Pool pool;
  private final int timeoutMs;
  private final int backoffMs;
  private final int maxAttempts;
  private WebClient client;
  private boolean polling;

  /** {@code alerts.webhookTimeoutMs}, {@code alerts.webhookBackoffMs}, {@code alerts.webhookMaxAttempts}. */
  public WebhookSender(Pool pool, int timeoutMs, int backoffMs, int maxAttempts) {
    this.pool = pool;
    this.timeoutMs = timeoutMs;
    this.backoffMs = backoffMs;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout(timeoutMs)
        .setUserAgent("cityops-alerts"));
    vertx.setPeriodic(POLL_MS, id -> poll());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    client.close();
    return Future.succeededFuture();
  }

  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    long leaseSeconds = timeoutMs / 1000 + 30;
    pool.preparedQuery(CLAIM).execute(Tuple.of(leaseSeconds))
        .compose(rows -> {
          List<Future<Void>> sends = new ArrayList<>();
          rows.forEach(r -> sends.add(send(r)));
          return Future.join(sends);
        })
        .onFailure(e -> LOG.warn("webhooks=poll_failed reason={}", e.getMessage()))
        .onComplete(done -> polling = false);
  }

  private Future<Void> send(Row r) {
    long id = r.getLong("id");
    int attempt = r.getInteger("attempts");
    byte[] body = r.getString("body").getBytes(StandardCharsets.UTF_8);
    String secret = r.getString("secret");
    var request = client.postAbs(r.getString("url"))
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("X-Cityops-Delivery", String.valueOf(id))
        .putHeader("X-Cityops-Attempt", String.valueOf(attempt));
    if (secret != null) {
      request.putHeader(Signatures.HEADER, Signatures.sign(secret, body));
    }
    long started = System.nanoTime();
    return request.sendBuffer(Buffer.buffer(body))
        .transform(done -> {
          int ms = (int) ((System.nanoTime() - started) / 1_000_000);
          Integer status = done.succeeded() ? done.result().statusCode() : null;
          String error = done.failed() ? String.valueOf(done.cause().getMessage())
              : status / 100 == 2 ? null : "HTTP " + status;
          boolean delivered = error == null;
          boolean last = attempt >= maxAttempts;
          String outcome = delivered ? "delivered" : last ? "failed" : "pending";
          long wait = Signatures.backoffMs(backoffMs, attempt);
          LOG.info("webhook=attempt delivery={} attempt={} status={} outcome={} ms={}", id, attempt, status, outcome, ms);
          return pool.preparedQuery(OUTCOME).execute(Tuple.from(new Object[]{id, attempt, status, error, ms, outcome, wait}))
              .<Void>mapEmpty();
        });
  }
}
