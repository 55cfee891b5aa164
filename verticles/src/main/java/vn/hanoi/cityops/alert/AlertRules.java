package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.store.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alert rules in PostgreSQL ({@code alert_rule}); the SQL is in {@code sql/alert/rule-*.sql}. Stores what
 * {@link RuleValidation} passed, the webhook secret sealed ({@link SecretBox}, column {@value #SECRET_COLUMN}). Deleting or disabling a rule resolves its open alerts and forgets its conditions.
 */
public final class AlertRules {
  private static final String ALL = Sql.load("alert/rule-all.sql");
  private static final String FIND = Sql.load("alert/rule-find.sql");
  private static final String LOCK = Sql.load("alert/rule-lock.sql");
  private static final String INSERT = Sql.load("alert/rule-insert.sql");
  private static final String UPDATE = Sql.load("alert/rule-update.sql");
  private static final String DELETE = Sql.load("alert/rule-delete.sql");
  private static final String FORGET_CONDITIONS = Sql.load("alert/rule-forget-conditions.sql");

  /** The column a webhook secret is sealed for (the associated data of its encryption). */
  static final String SECRET_COLUMN = "alert_rule.webhook_secret";

  private final Pool pool;
  private final AlertRepository alerts;
  private final SecretBox box;

  public AlertRules(Pool pool, AlertRepository alerts, SecretBox box) {
    this.box = box;
    this.pool = pool;
    this.alerts = alerts;
  }

  public Future<List<Rule>> all() {
    return pool.query(ALL).execute().map(rows -> {
      List<Rule> rules = new ArrayList<>(rows.size());
      rows.forEach(r -> rules.add(rule(r)));
      return rules;
    });
  }

  public Future<Optional<Rule>> find(long id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rule(rows.iterator().next())));
  }

  /** Stores a new rule (defaults applied); {@code 409 conflict} when its code is taken. */
  public Future<Rule> create(RuleFields fields, String actor) {
    return values(fields)
        .compose(values -> pool.preparedQuery(INSERT).execute(values.addString(actor)))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "a rule with code " + fields.code() + " exists"))
            : Future.succeededFuture(rule(rows.iterator().next())));
  }

  /** Replaces the rule's fields by {@code merged} (the stored rule with the update on top); {@code disable}: it was enabled and no longer is. */
  public Future<Rule> update(long id, RuleFields merged, boolean disable, String actor) {
    return values(merged)
        .compose(values -> pool.withTransaction(c -> c.preparedQuery(UPDATE).execute(values.addLong(id))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Failure.notFound("no alert rule " + id));
          }
          Rule rule = rule(rows.iterator().next());
          return disable ? retire(c, rule, actor, "rule disabled").map(rule) : Future.succeededFuture(rule);
        })));
  }

  /** Deletes the rule: its open alerts resolve ("rule deleted"), its conditions go. */
  public Future<Void> delete(long id, String actor) {
    return pool.withTransaction(c -> c.preparedQuery(LOCK).execute(Tuple.of(id))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Failure.notFound("no alert rule " + id));
          }
          Rule rule = rule(rows.iterator().next());
          return retire(c, rule, actor, "rule deleted")
              .compose(v -> c.preparedQuery(DELETE).execute(Tuple.of(id)))
              .mapEmpty();
        }));
  }

  private Future<Void> retire(SqlClient c, Rule rule, String actor, String note) {
    return c.preparedQuery(FORGET_CONDITIONS).execute(Tuple.of(rule.id()))
        .compose(v -> alerts.resolveOfRule(c, rule.id(), actor, note)).mapEmpty();
  }

  /** $1 … $16 of {@code rule-insert.sql} and {@code rule-update.sql}. */
  private Future<Tuple> values(RuleFields r) {
    String secret;
    try {
      secret = sealed(r.webhookSecret());
    } catch (SecretBox.MissingKey e) {
      return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "secrets_key_missing", e.getMessage()));
    }
    return Future.succeededFuture(Tuple.from(new Object[]{r.code(), r.kind().code(), r.subject(), r.severity(), r.threshold(),
        r.clearThreshold(), r.windowMinutes(), r.forSeconds(), r.clearSeconds(), r.reopenSeconds(),
        r.escalateAfterSeconds(), r.webhookUrl(), secret, r.enabled(), r.description(), r.webhookFormat()}));
  }

  /** A secret given now, sealed; one read back from the table (already sealed) as it is, a marked clear one sealed. */
  private String sealed(String secret) {
    if (secret == null || secret.startsWith(SecretBox.VERSION)) {
      return secret;
    }
    return box.seal(SECRET_COLUMN, secret.startsWith(SecretBox.PLAIN) ? secret.substring(SecretBox.PLAIN.length()) : secret);
  }

  static Rule rule(Row r) {
    return new Rule(r.getLong("id"), r.getString("code"), Rule.Kind.of(r.getString("kind")), r.getString("subject"),
        r.getString("severity"), r.getDouble("threshold"), r.getDouble("clear_threshold"), r.getInteger("window_minutes"),
        r.getInteger("for_seconds"), r.getInteger("clear_seconds"), r.getInteger("reopen_seconds"),
        r.getInteger("escalate_after_seconds"), r.getString("webhook_url"), r.getString("webhook_secret"), r.getString("webhook_format"),
        r.getBoolean("enabled"), r.getString("description"), r.getString("created_by"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
  }
}
