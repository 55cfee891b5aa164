package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.live.EventFeed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the alert rules to the event log as it arrives, on every node, in feed order: each health event is an
 * observation for the system rules covering its system (down: the status is {@code down}, which includes the
 * watchdog's silence events; degraded; latency), each clock tick one for the KPI rules ({@link KpiObservations}).
 * {@link Conditions} turns observations into firings and resolutions; {@link ConditionStore} lets one node win each
 * change, which it makes through {@link AlertRepository} in the same transaction. {@link #sweep} lets time act:
 * pending conditions fire or resolve, unacknowledged alerts escalate, expired silences end.
 * <p>Runs on the context of {@link AlertEvaluationVerticle}, which hands it the feed's batches one at a time and
 * calls the sweep on its timer. After a change it wakes every node's feed ({@link AlertSignal}), so the alert's
 * event is on the {@code alerts} topic within a frame.
 */
final class AlertEvaluator implements AlertEvaluationVerticle.Evaluation {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

  private final Pool pool;
  private final AlertSignal signal;
  private final AlertRepository alerts;
  private final AlertRules rules;
  private final ConditionStore conditions;
  private final KpiObservations kpis;
  private Titles titles;
  private boolean sweeping;

  /** One observation of a rule's subject, from the event at ({@code at}, {@code seq}). */
  record Observation(Rule rule, String subject, double value, Instant at, long seq) {
  }

  AlertEvaluator(Pool pool, AlertRepository alerts, AlertRules rules, AlertSignal signal) {
    this.pool = pool;
    this.signal = signal;
    this.alerts = alerts;
    this.rules = rules;
    this.conditions = new ConditionStore(pool);
    this.kpis = new KpiObservations(pool, conditions);
  }

  /** Reads what evaluating needs before the first batch: the names that go into the titles of alerts. */
  @Override
  public Future<Void> load() {
    return Titles.load(pool).map(t -> {
      titles = t;
      return null;
    });
  }

  /** Evaluates one batch of the feed; answers when its changes are made (a failure is logged, not answered). */
  @Override
  public Future<Void> evaluate(List<EventFeed.FeedEvent> events) {
    boolean health = false;
    EventFeed.FeedEvent tick = null;
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.SYSTEM_HEALTH.equals(e.type()) && e.system() != null) {
        health = true;
      } else if (EventTypes.CLOCK.equals(e.type())) {
        tick = e;
      }
    }
    if (!health && tick == null) {
      return Future.succeededFuture();
    }
    EventFeed.FeedEvent lastTick = tick;
    // Rules are read with each batch that needs them: a rule saved before an event was sent applies to it on
    // every node, with no cache to invalidate.
    return rules.all()
        .compose(all -> {
          List<Rule> enabled = all.stream().filter(Rule::enabled).toList();
          List<Observation> observations = healthObservations(enabled, events);
          Future<List<Observation>> kpi = lastTick == null ? Future.succeededFuture(List.of())
              : kpis.observe(enabled.stream().filter(r -> !r.kind().system()).toList(), lastTick);
          return kpi.compose(k -> {
            observations.addAll(k);
            return apply(observations);
          });
        })
        .recover(e -> {
          LOG.warn("alerts=evaluation_failed reason={}", e.getMessage());
          return Future.succeededFuture();
        });
  }

  static List<Observation> healthObservations(List<Rule> rules, List<EventFeed.FeedEvent> events) {
    List<Observation> observations = new ArrayList<>();
    for (EventFeed.FeedEvent e : events) {
      if (!EventTypes.SYSTEM_HEALTH.equals(e.type()) || e.system() == null) {
        continue;
      }
      Instant at = occurredAt(e);
      for (Rule rule : rules) {
        if (!rule.kind().system() || !rule.covers(e.system())) {
          continue;
        }
        Double value = switch (rule.kind()) {
          case SYSTEM_DOWN -> "down".equals(e.status()) ? 1.0 : 0.0;
          case SYSTEM_DEGRADED -> "degraded".equals(e.status()) ? 1.0 : 0.0;
          default -> e.payload() == null || e.payload().getValue("latencyMs") == null ? null
              : e.payload().getNumber("latencyMs").doubleValue();
        };
        if (value != null) {
          observations.add(new Observation(rule, e.system(), value, at, e.seq()));
        }
      }
    }
    return observations;
  }

  private static Instant occurredAt(EventFeed.FeedEvent e) {
    String at = e.payload() == null ? null : e.payload().getString("occurredAt");
    try {
      return at == null ? Instant.now() : OffsetDateTime.parse(at).toInstant();
    } catch (RuntimeException bad) {
      return Instant.now();
    }
  }

  /** Applies the observations per rule and subject, in their order. */
  private Future<Void> apply(List<Observation> observations) {
    if (observations.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<ConditionStore.Key, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : observations) {
      byKey.computeIfAbsent(new ConditionStore.Key(o.rule().id(), o.subject()), k -> new ArrayList<>()).add(o);
    }
    return conditions.load(List.copyOf(byKey.keySet())).compose(stored -> {
      List<String> touched = new ArrayList<>();
      List<Future<Void>> writes = new ArrayList<>();
      byKey.forEach((key, list) ->
          writes.add(evaluate(key, list, stored.getOrDefault(key, ConditionStore.Stored.NONE), touched, 0)));
      return Future.all(writes).compose(v -> alerts.touch(touched));
    });
  }

  private Future<Void> evaluate(ConditionStore.Key key, List<Observation> list, ConditionStore.Stored stored,
                                List<String> touched, int attempt) {
    Rule rule = list.get(0).rule();
    Conditions.State state = stored.state();
    List<Conditions.Effect> effects = new ArrayList<>();
    Observation last = null;
    boolean changed = false;
    for (Observation o : list) {
      if (!stored.older(o.at(), o.seq())) {
        continue; // applied already, here or on another node
      }
      Conditions.Step step = Conditions.observe(rule, state, o.value(), now());
      changed |= step.changes(state);
      if (step.effect() == Conditions.Effect.TOUCH) {
        touched.add(rule.dedupKey(key.subject()));
      } else if (step.effect() != Conditions.Effect.NONE) {
        effects.add(step.effect());
      }
      state = step.next();
      last = o;
    }
    if (!changed) {
      return Future.succeededFuture();
    }
    Conditions.State next = state;
    Observation at = last;
    return pool.withTransaction(c -> conditions.write(c, key, stored, next, at.at(), at.seq())
            .compose(won -> won ? effects(c, rule, key.subject(), at.value(), effects) : Future.succeededFuture(null)))
        .compose(changes -> {
          if (changes != null) {
            signal.changed(changes);
            return Future.succeededFuture();
          }
          if (attempt >= 3) {
            return Future.succeededFuture();
          }
          // Another node moved the condition: apply what it has not applied yet.
          return conditions.load(List.of(key)).compose(fresh ->
              evaluate(key, list, fresh.getOrDefault(key, ConditionStore.Stored.NONE), touched, attempt + 1));
        });
  }

  private Future<List<AlertRepository.Change>> effects(SqlClient c, Rule rule, String subject,
                                                       double value, List<Conditions.Effect> effects) {
    Future<List<AlertRepository.Change>> chain = Future.succeededFuture(new ArrayList<>());
    for (Conditions.Effect effect : effects) {
      chain = chain.compose(all -> (effect == Conditions.Effect.RESOLVE
          ? alerts.autoResolve(c, rule, subject)
          : alerts.fire(c, rule, subject, value, titles.of(rule, subject)))
          .map(changes -> {
            all.addAll(changes);
            return all;
          }));
    }
    return chain;
  }

  /** What time alone does, on every node; each change is won by one of them. Skipped while the last one runs. */
  @Override
  public void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    elapse()
        .compose(v -> alerts.escalate()).onSuccess(signal::changed)
        .compose(v -> pool.withTransaction(c -> alerts.unsilence(c, AlertRepository.SYSTEM_ACTOR, "system")))
        .onSuccess(signal::changed)
        .onFailure(e -> LOG.warn("alerts=sweep_failed reason={}", e.getMessage()))
        .onComplete(done -> sweeping = false);
  }

  private Future<Void> elapse() {
    return conditions.pending().compose(pending -> {
      if (pending.isEmpty()) {
        return Future.succeededFuture();
      }
      return rules.all().compose(all -> {
        Map<Long, Rule> byId = new LinkedHashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        List<Future<Void>> steps = new ArrayList<>();
        pending.forEach((key, stored) -> {
          Rule rule = byId.get(key.ruleId());
          if (rule == null) {
            return;
          }
          Conditions.Step step = Conditions.elapse(rule, stored.state(), now());
          if (step.effect() == Conditions.Effect.NONE) {
            return;
          }
          Double value = stored.state().value();
          steps.add(pool.<List<AlertRepository.Change>>withTransaction(c -> conditions.write(c, key, stored, step.next(),
                  stored.at(), stored.seq())
                  .compose(won -> won
                      ? effects(c, rule, key.subject(), value == null ? 0 : value, List.of(step.effect()))
                      : Future.succeededFuture(List.<AlertRepository.Change>of())))
              .onSuccess(signal::changed).mapEmpty());
        });
        return Future.all(steps).mapEmpty();
      });
    });
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
