package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPI rules' observations, made at each clock tick (every {@code live.clockMs}) as of the tick's instant:
 * on-time rate per agency over the rule's window, overdue dossiers per district, open overdue feedback of the
 * city, and the drop of the city's on-time rate between two windows. A subject the query no longer returns but
 * whose condition is active gets a clearing value, so its alert resolves. KPIs move slowly; a tick a minute is
 * their evaluation rate (documented in the README).
 */
final class KpiObservations {
  /** Fewer completions than this make no on-time rate. */
  static final int MIN_COMPLETIONS = 20;
  private static final String ON_TIME = Sql.load("alert/kpi-on-time.sql");
  private static final String DISTRICT_OVERDUE = Sql.load("alert/kpi-district-overdue.sql");
  private static final String FEEDBACK_OVERDUE = Sql.load("alert/kpi-feedback-overdue.sql");
  private static final String ON_TIME_DROP = Sql.load("alert/kpi-on-time-drop.sql");

  private final Pool pool;
  private final ConditionStore conditions;

  KpiObservations(Pool pool, ConditionStore conditions) {
    this.pool = pool;
    this.conditions = conditions;
  }

  Future<List<AlertEvaluator.Observation>> observe(List<Rule> rules, EventFeed.FeedEvent tick) {
    if (rules.isEmpty() || tick.payload() == null || tick.payload().getLong("epochMs") == null) {
      return Future.succeededFuture(List.of());
    }
    Instant at = Instant.ofEpochMilli(tick.payload().getLong("epochMs"));
    List<Future<List<AlertEvaluator.Observation>>> each = new ArrayList<>();
    for (Rule rule : rules) {
      each.add(values(rule, at).compose(values -> conditions.activeSubjects(rule.id()).map(active -> {
        List<AlertEvaluator.Observation> list = new ArrayList<>();
        values.forEach((subject, value) -> list.add(new AlertEvaluator.Observation(rule, subject, value, at, tick.seq())));
        double clear = rule.kind().above() ? 0 : 100;
        active.stream().filter(s -> !values.containsKey(s))
            .forEach(s -> list.add(new AlertEvaluator.Observation(rule, s, clear, at, tick.seq())));
        return list;
      })));
    }
    return Future.all(each).map(all -> {
      List<AlertEvaluator.Observation> observations = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        observations.addAll(all.<List<AlertEvaluator.Observation>>resultAt(i));
      }
      return observations;
    });
  }

  /** The rule's value per subject as of {@code at} (also the replay of a rule over the last hour, {@link RuleTrial}). */
  Future<Map<String, Double>> values(Rule rule, Instant at) {
    var t = ConditionStore.utc(at);
    int window = rule.windowMinutes() == null ? 60 : rule.windowMinutes();
    Future<io.vertx.sqlclient.RowSet<Row>> rows = switch (rule.kind()) {
      case AGENCY_ON_TIME_BELOW -> pool.preparedQuery(ON_TIME).execute(Tuple.of(t, window, rule.subject(), MIN_COMPLETIONS));
      case DISTRICT_OVERDUE_ABOVE -> pool.preparedQuery(DISTRICT_OVERDUE).execute(Tuple.of(t, rule.subject()));
      case FEEDBACK_OVERDUE_ABOVE -> pool.preparedQuery(FEEDBACK_OVERDUE).execute(Tuple.of(t));
      case KPI_DROP_RATE -> pool.preparedQuery(ON_TIME_DROP).execute(Tuple.of(t, window, MIN_COMPLETIONS));
      default -> Future.succeededFuture(null);
    };
    return rows.map(rs -> {
      Map<String, Double> values = new HashMap<>();
      if (rs != null) {
        for (Row r : rs) {
          values.put(r.getString("subject"), r.getNumeric("value").doubleValue());
        }
      }
      return values;
    });
  }
}
