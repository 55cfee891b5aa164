package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.oncall.PolicyRepository.PolicyFields;
import vn.hanoi.cityops.oncall.WindowRepository.WindowFields;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.id;
import static vn.hanoi.cityops.web.Requests.present;

/**
 * {@code /api/v1/oncall/policies} (escalation policies, by code) and {@code /api/v1/oncall/maintenance-windows}.
 * Reading needs city data; changing {@link Action#MANAGE_ONCALL}, each change audited ({@code oncall.policy.*},
 * {@code oncall.window.*}). A policy with no steps, a window that ends before it starts, are {@code 400}; a step's
 * unknown person, a window's unknown system {@code 422}; a policy a team pages by cannot be deleted ({@code 409}).
 */
final class PolicyRoutes implements Routes {
  private static final String POLICIES = "/api/v1/oncall/policies";
  private static final String WINDOWS = "/api/v1/oncall/maintenance-windows";

  private final PolicyRepository policies;
  private final WindowRepository windows;
  private final Known known;
  private final AuditLog audit;
  private final Guard guard;
  private final SchemaCheck policySchema = SchemaCheck.of("oncall-policy.schema.json");
  private final SchemaCheck windowSchema = SchemaCheck.of("maintenance-window.schema.json");

  PolicyRoutes(PolicyRepository policies, WindowRepository windows, Known known, AuditLog audit, Guard guard) {
    this.policies = policies;
    this.windows = windows;
    this.known = known;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(POLICIES), "List the escalation policies")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.post(POLICIES), "Create an escalation policy").body(policySchema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::create);
    ApiDoc.on(router.get(POLICIES + "/:code"), "One escalation policy")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::one);
    ApiDoc.on(router.put(POLICIES + "/:code"), "Replace an escalation policy").body(policySchema).errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::replace);
    ApiDoc.on(router.delete(POLICIES + "/:code"), "Delete an escalation policy").noContent().errors(409)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::delete);
    ApiDoc.on(router.get(WINDOWS), "List the maintenance windows")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::windows);
    ApiDoc.on(router.post(WINDOWS), "Schedule a maintenance window for a system or group, with a reason").body(windowSchema).created().errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::schedule);
    ApiDoc.on(router.get(WINDOWS + "/:id"), "One maintenance window").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::window);
    ApiDoc.on(router.delete(WINDOWS + "/:id"), "Cancel a maintenance window").noContent().errors(400)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::cancel);
  }

  private void list(RoutingContext ctx) {
    policies.policies().onSuccess(all -> JsonBodies.ok(ctx, OnCallJson.items(all, OnCallJson::policy)))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    policies.policy(code).compose(found -> present(found, "no escalation policy " + code))
        .onSuccess(p -> JsonBodies.ok(ctx, OnCallJson.policy(p)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    checked(() -> {
      JsonObject body = JsonBodies.object(ctx, policySchema);
      if (body.getString("code") == null) {
        throw Failure.invalidField("the escalation policy is not valid: code is required", "code", "is required");
      }
      return OnCallJson.policyFields(body.getString("code"), body);
    })
        .compose(this::valid)
        .compose(policies::create)
        .compose(p -> audited(ctx, "oncall.policy.create", "escalation_policy:" + p.code(), OnCallJson.policy(p)).map(p))
        .onSuccess(p -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, POLICIES + "/" + p.code());
          JsonBodies.send(ctx, 201, OnCallJson.policy(p));
        })
        .onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    checked(() -> {
      JsonObject body = JsonBodies.object(ctx, policySchema);
      if (body.getString("code") != null && !body.getString("code").equals(code)) {
        throw Failure.invalidField("the policy's code is its path's: " + code, "code", "must be " + code + " or left out");
      }
      return OnCallJson.policyFields(code, body);
    })
        .compose(this::valid)
        .compose(fields -> policies.replace(code, fields))
        .compose(p -> audited(ctx, "oncall.policy.update", "escalation_policy:" + code, OnCallJson.policy(p)).map(p))
        .onSuccess(p -> JsonBodies.ok(ctx, OnCallJson.policy(p)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    policies.delete(code)
        .compose(p -> audited(ctx, "oncall.policy.delete", "escalation_policy:" + code, OnCallJson.policy(p)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Valid by {@link OnCallRules}, and the people its steps name exist. */
  private Future<PolicyFields> valid(PolicyFields f) {
    return OnCallRules.policy(f).<Future<PolicyFields>>map(Future::failedFuture)
        .orElseGet(() -> known.check(Map.of("steps.username",
            f.steps().stream().map(Escalation.Step::username).filter(Objects::nonNull).toList()), List.of()).map(f));
  }

  private void windows(RoutingContext ctx) {
    Instant now = Instant.now();
    windows.windows(now).onSuccess(all -> JsonBodies.ok(ctx, OnCallJson.items(all, w -> OnCallJson.window(w, now))))
        .onFailure(ctx::fail);
  }

  private void window(RoutingContext ctx) {
    id(ctx).compose(id -> windows.window(id).compose(found -> present(found, "no maintenance window " + id)))
        .onSuccess(w -> JsonBodies.ok(ctx, OnCallJson.window(w, Instant.now())))
        .onFailure(ctx::fail);
  }

  private void schedule(RoutingContext ctx) {
    Instant now = Instant.now();
    checked(() -> OnCallJson.windowFields(JsonBodies.object(ctx, windowSchema)))
        .compose(f -> OnCallRules.window(f, now).<Future<WindowFields>>map(Future::failedFuture)
            .orElseGet(() -> known.check(Map.of(), f.systems()).map(f)))
        .compose(f -> windows.create(f, Guard.principal(ctx).username()))
        .compose(w -> audited(ctx, "oncall.window.create", "maintenance_window:" + w.id(), OnCallJson.window(w, now)).map(w))
        .onSuccess(w -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, WINDOWS + "/" + w.id());
          JsonBodies.send(ctx, 201, OnCallJson.window(w, now));
        })
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    id(ctx).compose(windows::delete)
        .compose(w -> audited(ctx, "oncall.window.delete", "maintenance_window:" + w.id(), OnCallJson.window(w, Instant.now())))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, String action, String target, JsonObject details) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, target, "success",
        ctx.request().remoteAddress().host(), details));
  }
}
