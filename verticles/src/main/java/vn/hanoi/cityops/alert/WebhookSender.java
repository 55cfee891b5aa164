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
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.store.Sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the rules' outbound webhooks: every alert change of a rule with a {@code webhookUrl} is a row of
 * {@code webhook_delivery} written with the change. Every node claims due rows ({@code FOR UPDATE SKIP LOCKED},
 * with a lease, so a delivery is attempted by one node at a time), POSTs the JSON body signed as Standard Webhooks
 * sign ({@link Signatures}: {@code webhook-id}, {@code webhook-timestamp} of the attempt, {@code webhook-signature})
 * when the rule has a secret (opened from its sealed form, {@link SecretBox}), and records each attempt
 * ({@code webhook_attempt}) and the outcome: {@code delivered} on 2xx, else retried after
 * {@code alerts.webhookBackoffMs} doubling per attempt, {@code failed} after {@code alerts.webhookMaxAttempts}.
 * On start it seals the secrets still marked clear ({@code V0026__secrets_at_rest.sql}); a node without a key
 * (production without {@code secrets.key}) refuses to start while sealed or marked secrets are stored.
 */
public final class WebhookSender extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final long POLL_MS = 250;
  /** Claims due deliveries for this node, with a lease of $1 seconds. */
  private static final String CLAIM = Sql.load("alert/webhook-claim.sql");
  /** Records an attempt and its outcome. */
  private static final String OUTCOME = Sql.load("alert/webhook-outcome.sql");
  /** The secrets still marked clear, and the update that seals one of them (if still the same). */
  private static final String MARKED = "SELECT id, webhook_secret FROM alert_rule WHERE webhook_secret LIKE 'plain:%'";
  private static final String SEAL = "UPDATE alert_rule SET webhook_secret = $2 WHERE id = $1 AND webhook_secret = $3";
  private static final String STORED = "SELECT count(*) FROM alert_rule WHERE webhook_secret IS NOT NULL";

  private final Pool pool;
  private final SecretBox box;
  private final int timeoutMs;
  private final int backoffMs;
  private final int maxAttempts;
  private WebClient client;
  private boolean polling;

  /** {@code alerts.webhookTimeoutMs}, {@code alerts.webhookBackoffMs}, {@code alerts.webhookMaxAttempts}. */
  public WebhookSender(Pool pool, SecretBox box, int timeoutMs, int backoffMs, int maxAttempts) {
    this.pool = pool;
    this.box = box;
    this.timeoutMs = timeoutMs;
    this.backoffMs = backoffMs;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Future<?> start() {
    return sealMarkedSecrets(pool, box).onSuccess(sealed -> {
      if (box.developmentKey()) {
        LOG.warn("secrets=development_key: webhook secrets are sealed with the well-known development key; "
            + "set CITYOPS_SECRETS_KEY (base64 of 32 random bytes) outside development");
      }
      client = WebClient.create(vertx, new WebClientOptions()
          .setConnectTimeout(timeoutMs)
          .setUserAgent("cityops-alerts"));
      vertx.setPeriodic(POLL_MS, id -> poll());
    });
  }

  /**
   * Seals every webhook secret still marked clear; answers how many. Without a key: fails when any secret is stored
   * (the node cannot sign with them), else does nothing.
   */
  public static Future<Integer> sealMarkedSecrets(Pool pool, SecretBox box) {
    if (!box.hasKey()) {
      return pool.query(STORED).execute().compose(rows -> rows.iterator().next().getLong(0) == 0
          ? Future.succeededFuture(0) : Future.failedFuture(new SecretBox.MissingKey()));
    }
    return pool.query(MARKED).execute().compose(rows -> {
      List<Future<?>> updates = new ArrayList<>();
      for (Row r : rows) {
        String marked = r.getString(1);
        String sealed = box.seal(AlertRules.SECRET_COLUMN, box.open(AlertRules.SECRET_COLUMN, marked));
        updates.add(pool.preparedQuery(SEAL).execute(Tuple.of(r.getLong(0), sealed, marked)));
      }
      if (!updates.isEmpty()) {
        LOG.info("secrets=sealed webhook_secrets={}", updates.size());
      }
      return Future.all(updates).map(updates.size());
    });
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
    String secret = box.open(AlertRules.SECRET_COLUMN, r.getString("secret"));
    String messageId = Signatures.messageId(id);
    long timestamp = System.currentTimeMillis() / 1000;
    var request = client.postAbs(r.getString("url"))
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader(Signatures.ID, messageId)
        .putHeader(Signatures.TIMESTAMP, String.valueOf(timestamp))
        .putHeader("X-Cityops-Attempt", String.valueOf(attempt));
    if (secret != null) {
      request.putHeader(Signatures.SIGNATURE, Signatures.sign(secret, messageId, timestamp, body));
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
