package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.id;
import static vn.hanoi.cityops.web.Requests.present;

/**
 * {@code /api/v1/alert-rules}: list, one, create, update (any subset of the fields but code and kind), delete, and
 * test one against the last hour ({@code POST /:id/test}, the unsaved changes as an update's body: {@link RuleTrial}).
 * Reading needs city data; changing {@link Action#MANAGE_ALERTS} (sre), each change audited. A body is checked
 * against its schema file, then by {@link RuleValidation}; a taken code is {@code 409 conflict}. HTTP only.
 */
final class RuleRoutes implements Routes {
  private static final String RULES = "/api/v1/alert-rules";

  private final AlertRules rules;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Guard guard;
  private final RuleTrial trial;
  private final SchemaCheck ruleSchema = SchemaCheck.of("alert-rule.schema.json");
  private final SchemaCheck ruleUpdateSchema = SchemaCheck.of("alert-rule-update.schema.json");

  /** A rule update: which rule, the fields sent. */
  private record Update(long id, JsonObject fields) {
  }

  RuleRoutes(AlertRules rules, ReferenceData reference, AuditLog audit, Guard guard, RuleTrial trial) {
    this.rules = rules;
    this.trial = trial;
    this.reference = reference;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(RULES), "List the alert rules")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.get(RULES + "/:id"), "One alert rule").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::one);
    ApiDoc.on(router.post(RULES), "Create an alert rule (thresholds and timings validated)").body(ruleSchema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::create);
    ApiDoc.on(router.patch(RULES + "/:id"), "Change an alert rule: any of its fields but code and kind").body(ruleUpdateSchema).errors(422)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::update);
    ApiDoc.on(router.post(RULES + "/:id/test"),
            "Test an alert rule against the last hour, as stored or with unsaved changes (the body, validated like an update): "
                + "which subjects would have fired, when, with which values. Nothing is stored, no alert raised")
        .optionalBody(ruleUpdateSchema).errors(422)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::test);
    ApiDoc.on(router.delete(RULES + "/:id"), "Delete an alert rule").noContent().errors(400)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    rules.all()
        .onSuccess(all -> JsonBodies.ok(ctx, AlertJson.items(all, AlertJson::rule)))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    id(ctx)
        .compose(id -> rules.find(id).compose(found -> present(found, "no alert rule " + id)))
        .onSuccess(rule -> JsonBodies.ok(ctx, AlertJson.rule(rule)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    checked(() -> AlertJson.ruleFields(JsonBodies.object(ctx, ruleSchema)).withDefaults())
        .compose(this::valid)
        .compose(fields -> rules.create(fields, Guard.principal(ctx).username()))
        .compose(rule -> audited(ctx, "alert_rule.create", rule).map(rule))
        .onSuccess(rule -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, RULES + "/" + rule.id());
          JsonBodies.send(ctx, 201, AlertJson.rule(rule));
        })
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    checked(() -> new Update(JsonBodies.longParam(ctx, "id"), JsonBodies.object(ctx, ruleUpdateSchema)))
        .compose(update -> rules.find(update.id())
            .compose(found -> present(found, "no alert rule " + update.id()))
            .compose(stored -> valid(AlertJson.ruleFields(stored, update.fields()))
                .compose(merged -> rules.update(update.id(), merged, merged.disables(stored), Guard.principal(ctx).username()))))
        .compose(rule -> audited(ctx, "alert_rule.update", rule).map(rule))
        .onSuccess(rule -> JsonBodies.ok(ctx, AlertJson.rule(rule)))
        .onFailure(ctx::fail);
  }

  /** The rule as stored with the body's changes on top (none: no body), validated as an update is; then replayed. */
  private void test(RoutingContext ctx) {
    checked(() -> new Update(JsonBodies.longParam(ctx, "id"),
        noOverrides(ctx) ? new JsonObject() : JsonBodies.object(ctx, ruleUpdateSchema)))
        .compose(update -> rules.find(update.id())
            .compose(found -> present(found, "no alert rule " + update.id()))
            .compose(stored -> valid(AlertJson.ruleFields(stored, update.fields())).map(fields -> fields.asRule(stored))))
        .compose(rule -> trial.lastHour(rule, Instant.now()))
        .onSuccess(result -> JsonBodies.ok(ctx, AlertJson.trial(result)))
        .onFailure(ctx::fail);
  }

  /** No body, or an empty object: the rule is tested as stored. */
  private static boolean noOverrides(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.toString().isBlank()) {
      return true;
    }
    try {
      return body.toJsonValue() instanceof JsonObject o && o.isEmpty();
    } catch (DecodeException e) {
      return false;
    }
  }

  private void delete(RoutingContext ctx) {
    id(ctx)
        .compose(id -> rules.find(id)
            .compose(found -> present(found, "no alert rule " + id))
            .compose(rule -> rules.delete(id, Guard.principal(ctx).username()).compose(v -> audited(ctx, "alert_rule.delete", rule))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** {@code rule} if it is valid, else the failure that says what is wrong. */
  private Future<RuleFields> valid(RuleFields rule) {
    return RuleValidation.check(rule, reference).<Future<RuleFields>>map(Future::failedFuture)
        .orElseGet(() -> Future.succeededFuture(rule));
  }

  private Future<Void> audited(RoutingContext ctx, String action, Rule rule) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, "alert_rule:" + rule.code(), "success",
        ctx.request().remoteAddress().host(), AlertJson.rule(rule)));
  }
}
