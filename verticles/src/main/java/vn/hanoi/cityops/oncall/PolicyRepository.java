package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static vn.hanoi.cityops.oncall.Ledger.instant;

/**
 * Escalation policies and their ordered steps in PostgreSQL; the SQL is in {@code sql/oncall/policy-*.sql}. A code
 * taken is {@code 409}; a policy a team pages by cannot be deleted ({@code 409}, naming the teams).
 */
public final class PolicyRepository {
  private static final String ALL = Sql.load("oncall/policy-all.sql");
  private static final String STEPS = Sql.load("oncall/policy-steps.sql");
  private static final String INSERT = Sql.load("oncall/policy-insert.sql");
  private static final String UPDATE = Sql.load("oncall/policy-update.sql");
  private static final String CLEAR_STEPS = Sql.load("oncall/policy-clear-steps.sql");
  private static final String SET_STEPS = Sql.load("oncall/policy-set-steps.sql");
  private static final String USERS = Sql.load("oncall/policy-users.sql");
  private static final String DELETE = Sql.load("oncall/policy-delete.sql");

  /** A policy as a person writes it. */
  public record PolicyFields(String code, String name, List<Escalation.Step> steps, Duration repeatEvery, int repeats,
                             Duration remindEvery) {
  }

  private final Pool pool;

  public PolicyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<EscalationPolicy>> policies() {
    return read(null);
  }

  public Future<Optional<EscalationPolicy>> policy(String code) {
    return read(code).map(list -> list.stream().findFirst());
  }

  /** Stores a new policy; {@code 409} when its code is taken. */
  public Future<EscalationPolicy> create(PolicyFields f) {
    return pool.withTransaction(c -> c.preparedQuery(INSERT).execute(timings(f.code(), f))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "a policy with code " + f.code() + " exists"))
                : steps(c, rows.iterator().next().getLong("id"), f.steps())))
        .compose(v -> policy(f.code()).map(Optional::orElseThrow));
  }

  /** Replaces policy {@code code}'s name, timings and steps. */
  public Future<EscalationPolicy> replace(String code, PolicyFields f) {
    return pool.withTransaction(c -> c.preparedQuery(UPDATE).execute(timings(code, f))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(Failure.notFound("no escalation policy " + code))
                : steps(c, rows.iterator().next().getLong("id"), f.steps())))
        .compose(v -> policy(code).map(Optional::orElseThrow));
  }

  /** Deletes policy {@code code}; {@code 409} while a team pages by it. */
  public Future<EscalationPolicy> delete(String code) {
    return pool.withTransaction(c -> c.preparedQuery(ALL).execute(Tuple.of(code)).compose(found -> {
      if (found.size() == 0) {
        return Future.failedFuture(Failure.notFound("no escalation policy " + code));
      }
      long id = found.iterator().next().getLong("id");
      return c.preparedQuery(USERS).execute(Tuple.of(id)).compose(teams -> {
        if (teams.size() > 0) {
          List<String> codes = new ArrayList<>();
          teams.forEach(t -> codes.add(t.getString(0)));
          return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "policy_in_use",
              "teams " + codes + " page by policy " + code + ": give them another first"));
        }
        return policy(code).compose(p -> c.preparedQuery(DELETE).execute(Tuple.of(id)).map(p.orElseThrow()));
      });
    }));
  }

  private static Tuple timings(String code, PolicyFields f) {
    return Tuple.of(code, f.name(), seconds(f.repeatEvery()), f.repeats(), seconds(f.remindEvery()));
  }

  private Future<Void> steps(SqlClient c, long policyId, List<Escalation.Step> steps) {
    Integer[] after = steps.stream().map(s -> (int) s.after().toSeconds()).toArray(Integer[]::new);
    String[] targets = steps.stream().map(s -> s.target().name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    String[] people = steps.stream().map(Escalation.Step::username).toArray(String[]::new);
    return c.preparedQuery(CLEAR_STEPS).execute(Tuple.of(policyId))
        .compose(v -> c.preparedQuery(SET_STEPS).execute(Tuple.of(policyId, after, targets, people)))
        .mapEmpty();
  }

  private Future<List<EscalationPolicy>> read(String code) {
    return pool.preparedQuery(ALL).execute(Tuple.of(code)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(List.of());
      }
      List<Row> policies = new ArrayList<>(rows.size());
      rows.forEach(policies::add);
      Long[] ids = policies.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
      return pool.preparedQuery(STEPS).execute(Tuple.of(ids)).map(steps -> assemble(policies, steps));
    });
  }

  private static List<EscalationPolicy> assemble(List<Row> policies, RowSet<Row> steps) {
    List<EscalationPolicy> all = new ArrayList<>(policies.size());
    for (Row p : policies) {
      long id = p.getLong("id");
      List<Escalation.Step> own = new ArrayList<>();
      for (Row s : steps) {
        if (s.getLong("policy_id") == id) {
          own.add(new Escalation.Step(Duration.ofSeconds(s.getInteger("after_seconds")),
              Escalation.Target.valueOf(s.getString("target").toUpperCase(Locale.ROOT)), s.getString("username")));
        }
      }
      all.add(new EscalationPolicy(id, p.getString("code"), p.getString("name"), own, duration(p, "repeat_seconds"),
          p.getInteger("repeats"), duration(p, "remind_seconds"), instant(p, "updated_at")));
    }
    return all;
  }

  private static Duration duration(Row r, String column) {
    Integer s = r.getInteger(column);
    return s == null ? null : Duration.ofSeconds(s);
  }

  private static Integer seconds(Duration d) {
    return d == null ? null : (int) d.toSeconds();
  }
}
