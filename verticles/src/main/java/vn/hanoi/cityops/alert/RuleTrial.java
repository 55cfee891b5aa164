package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests a rule (as stored, or as edited and not saved) against the last hour the node keeps: a system rule against
 * the health events of the hour (and, per system, the newest one before it: the state at the start), a KPI rule
 * against its KPI as of each minute of the hour (the evaluation's own tick rate, {@link KpiObservations}). The
 * observations go through {@link RuleReplay}; nothing is written, no alert raised, no webhook sent. The SQL is in
 * {@code sql/alert/trial-health.sql} and the KPI statements.
 */
final class RuleTrial {
  /** How far back a test looks. */
  static final Duration SPAN = Duration.ofHours(1);
  /** A KPI rule is observed this often over the span, as the clock ticks of the live evaluation do. */
  static final Duration KPI_STEP = Duration.ofMinutes(1);
  private static final String HEALTH = Sql.load("alert/trial-health.sql");

  private final Pool pool;
  private final KpiObservations kpis;

  /** The answer: the span, how many observations and subjects were seen, the firings. */
  record Result(Rule rule, Instant from, Instant to, int observations, int subjects, List<RuleReplay.Firing> firings) {
  }

  RuleTrial(Pool pool, KpiObservations kpis) {
    this.pool = pool;
    this.kpis = kpis;
  }

  Future<Result> lastHour(Rule rule, Instant now) {
    Instant from = now.minus(SPAN);
    Future<List<RuleReplay.Sample>> samples = rule.kind().system() ? health(rule, from, now) : kpi(rule, from, now);
    return samples.map(list -> new Result(rule, from, now,
        (int) list.stream().filter(s -> s.at().isAfter(from)).count(),
        (int) list.stream().map(RuleReplay.Sample::subject).distinct().count(),
        RuleReplay.replay(rule, list, from, now)));
  }

  private Future<List<RuleReplay.Sample>> health(Rule rule, Instant from, Instant to) {
    return pool.preparedQuery(HEALTH)
        .execute(Tuple.of(ConditionStore.utc(from), ConditionStore.utc(to), rule.subject()))
        .map(rows -> {
          List<RuleReplay.Sample> samples = new ArrayList<>(rows.size());
          for (Row r : rows) {
            Double value = value(rule.kind(), r.getString("status"), r.getDouble("latency_ms"));
            if (value != null) {
              samples.add(new RuleReplay.Sample(r.getString("system_code"), value,
                  r.getOffsetDateTime("occurred_at").toInstant()));
            }
          }
          return samples;
        });
  }

  /** A health event's value for a system rule, as {@link AlertEvaluator#healthObservations} reads it. */
  static Double value(Rule.Kind kind, String status, Double latencyMs) {
    return switch (kind) {
      case SYSTEM_DOWN -> "down".equals(status) ? 1.0 : 0.0;
      case SYSTEM_DEGRADED -> "degraded".equals(status) ? 1.0 : 0.0;
      default -> latencyMs;
    };
  }

  /** One minute after another (not all at once: the hour's sixty queries must not crowd the pool out). */
  private Future<List<RuleReplay.Sample>> kpi(Rule rule, Instant from, Instant to) {
    List<RuleReplay.Tick> ticks = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Instant at = from; !at.isAfter(to); at = at.plus(KPI_STEP)) {
      Instant tick = at;
      chain = chain.compose(v -> kpis.values(rule, tick).map(values -> {
        ticks.add(new RuleReplay.Tick(tick, values));
        return null;
      }));
    }
    return chain.map(v -> RuleReplay.samples(rule, ticks));
  }
}
