package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alert rules in PostgreSQL ({@code alert_rule}) and their validation on save: the schema file checks the shape,
 * {@link #problems} what depends on the kind (a latency rule needs a threshold, hysteresis must point the right
 * way, a webhook secret needs a URL), {@link #unknownSubject} that the subject exists. Deleting or disabling a rule
 * resolves its open alerts and forgets its conditions.
 */
public final class AlertRules {
  private static final String COLUMNS = "subject, severity, threshold, clear_threshold, window_minutes, for_seconds, "
      + "clear_seconds, reopen_seconds, escalate_after_seconds, webhook_url, webhook_secret, enabled, description";
  private static final String CITY = "HN";

  private final Pool pool;
  private final AlertRepository alerts;

  public AlertRules(Pool pool, AlertRepository alerts) {
    this.pool = pool;
    this.alerts = alerts;
  }

  public Future<List<Rule>> all() {
    return pool.query("SELECT * FROM alert_rule ORDER BY id").execute().map(rows -> {
      List<Rule> rules = new ArrayList<>();
      rows.forEach(r -> rules.add(Rule.from(r)));
      return rules;
    });
  }

  public Future<Optional<Rule>> find(long id) {
    return pool.preparedQuery("SELECT * FROM alert_rule WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Rule.from(rows.iterator().next())));
  }

  /** Stores a validated rule; 409 when its code is taken. */
  public Future<Rule> create(JsonObject body, String actor) {
    JsonObject r = withDefaults(body);
    return pool.preparedQuery("INSERT INTO alert_rule (code, kind, " + COLUMNS + ", created_by) VALUES "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
            + "ON CONFLICT (code) DO NOTHING RETURNING *")
        .execute(values(r).addString(actor))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "a rule with code " + r.getString("code") + " exists"))
            : Future.succeededFuture(Rule.from(rows.iterator().next())));
  }

  /** Replaces the rule's fields by {@code merged} (the stored rule with the update on top). */
  public Future<Rule> update(long id, JsonObject merged, boolean disable, String actor) {
    return pool.withTransaction(c -> c.preparedQuery("UPDATE alert_rule SET (" + COLUMNS + ", updated_at) = "
                + "($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now()) "
                + "WHERE id = $16 AND code = $1 AND kind = $2 RETURNING *")
            .execute(values(merged).addLong(id))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(Failure.notFound("no alert rule " + id));
              }
              Rule rule = Rule.from(rows.iterator().next());
              return disable ? retire(c, rule, actor, "rule disabled").map(rule) : Future.succeededFuture(rule);
            }));
  }

  /** Deletes the rule: its open alerts resolve ("rule deleted"), its conditions go. */
  public Future<Void> delete(long id, String actor) {
    return pool.withTransaction(c -> c.preparedQuery("SELECT * FROM alert_rule WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Failure.notFound("no alert rule " + id));
          }
          Rule rule = Rule.from(rows.iterator().next());
          return retire(c, rule, actor, "rule deleted")
              .compose(v -> c.preparedQuery("DELETE FROM alert_rule WHERE id = $1").execute(Tuple.of(id)))
              .mapEmpty();
        }));
  }

  private Future<Void> retire(io.vertx.sqlclient.SqlClient c, Rule rule, String actor, String note) {
    return c.preparedQuery("DELETE FROM alert_condition WHERE rule_id = $1").execute(Tuple.of(rule.id()))
        .compose(v -> alerts.resolveOfRule(c, rule.id(), actor, note)).mapEmpty();
  }

  private static JsonObject withDefaults(JsonObject body) {
    JsonObject r = body.copy();
    Rule.Kind kind = Rule.Kind.of(r.getString("kind"));
    r.put("forSeconds", r.getInteger("forSeconds", kind == Rule.Kind.SYSTEM_DEGRADED ? 300 : 0));
    r.put("clearSeconds", r.getInteger("clearSeconds", 0));
    r.put("reopenSeconds", r.getInteger("reopenSeconds", 600));
    r.put("enabled", r.getBoolean("enabled", true));
    return r;
  }

  private static Tuple values(JsonObject r) {
    return Tuple.from(new Object[]{r.getString("code"), r.getString("kind"), r.getString("subject"), r.getString("severity"),
        number(r, "threshold"), number(r, "clearThreshold"), r.getInteger("windowMinutes"), r.getInteger("forSeconds"),
        r.getInteger("clearSeconds"), r.getInteger("reopenSeconds"), r.getInteger("escalateAfterSeconds"),
        r.getString("webhookUrl"), r.getString("webhookSecret"), r.getBoolean("enabled"), r.getString("description")});
  }

  private static Double number(JsonObject r, String key) {
    Number n = r.getNumber(key);
    return n == null ? null : n.doubleValue();
  }

  /** A stored rule in the shape of a request body, secret included (to merge an update onto). */
  static JsonObject body(Rule rule) {
    return new JsonObject().put("code", rule.code()).put("kind", rule.kind().code()).put("subject", rule.subject())
        .put("severity", rule.severity()).put("threshold", rule.threshold()).put("clearThreshold", rule.clearThreshold())
        .put("windowMinutes", rule.windowMinutes()).put("forSeconds", rule.forSeconds())
        .put("clearSeconds", rule.clearSeconds()).put("reopenSeconds", rule.reopenSeconds())
        .put("escalateAfterSeconds", rule.escalateAfterSeconds()).put("webhookUrl", rule.webhookUrl())
        .put("webhookSecret", rule.webhookSecret()).put("enabled", rule.enabled()).put("description", rule.description());
  }

  /** What is wrong with a rule (schema-valid, defaults applied) given its kind: field and reason, as validation details. */
  static JsonArray problems(JsonObject r) {
    JsonArray problems = new JsonArray();
    Rule.Kind kind = Rule.Kind.of(r.getString("kind"));
    Double threshold = number(r, "threshold");
    Double clear = number(r, "clearThreshold");
    boolean binary = kind == Rule.Kind.SYSTEM_DOWN || kind == Rule.Kind.SYSTEM_DEGRADED;
    if (binary && (threshold != null || clear != null)) {
      problem(problems, threshold != null ? "threshold" : "clearThreshold", "a " + kind.code() + " rule takes no threshold");
    }
    if (!binary && threshold == null) {
      problem(problems, "threshold", "is required for a " + kind.code() + " rule");
    }
    if (kind == Rule.Kind.AGENCY_ON_TIME_BELOW) {
      if (threshold != null && threshold > 100) {
        problem(problems, "threshold", "is a percentage: at most 100");
      }
      if (clear != null && clear > 100) {
        problem(problems, "clearThreshold", "is a percentage: at most 100");
      }
    }
    if (threshold != null && clear != null && (kind.above() ? clear > threshold : clear < threshold)) {
      problem(problems, "clearThreshold", kind.above()
          ? "must not be above threshold (the condition clears below it)"
          : "must not be below threshold (the condition clears above it)");
    }
    if ((kind == Rule.Kind.AGENCY_ON_TIME_BELOW || kind == Rule.Kind.KPI_DROP_RATE) && r.getInteger("windowMinutes") == null) {
      problem(problems, "windowMinutes", "is required for a " + kind.code() + " rule");
    }
    if (kind == Rule.Kind.SYSTEM_DEGRADED && r.getInteger("forSeconds", 0) == 0) {
      problem(problems, "forSeconds", "must be positive for a system_degraded rule (degraded for longer than this)");
    }
    if (r.getString("webhookSecret") != null && r.getString("webhookUrl") == null) {
      problem(problems, "webhookSecret", "needs a webhookUrl");
    }
    return problems;
  }

  /** The subject, if it names nothing this kind can watch. */
  static Optional<String> unknownSubject(JsonObject r, ReferenceData reference) {
    String subject = r.getString("subject");
    if (subject == null) {
      return Optional.empty();
    }
    Rule.Kind kind = Rule.Kind.of(r.getString("kind"));
    boolean known = switch (kind) {
      case SYSTEM_DOWN, SYSTEM_DEGRADED, LATENCY_HIGH -> reference.isSystem(subject);
      case AGENCY_ON_TIME_BELOW -> reference.isAgency(subject);
      case DISTRICT_OVERDUE_ABOVE -> reference.isDistrict(subject);
      case FEEDBACK_OVERDUE_ABOVE, KPI_DROP_RATE -> CITY.equals(subject);
    };
    return known ? Optional.empty() : Optional.of(subject);
  }

  private static void problem(JsonArray problems, String field, String reason) {
    problems.add(new JsonObject().put("field", field).put("reason", reason));
  }
}
