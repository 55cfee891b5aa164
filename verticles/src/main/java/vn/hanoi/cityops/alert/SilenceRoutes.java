package vn.hanoi.cityops.alert;

import io.vertx.core.http.HttpHeaders;
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

import java.time.OffsetDateTime;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.id;

/**
 * {@code /api/v1/silences}: the active ones ({@code ?active=false}: also those ended in the last 7 days), a new one
 * (checked by {@link SilenceRequest}; {@code 201} with how many open alerts it silenced at once), and ending one now
 * ({@code 409} if it already ended). Reading needs city data; silencing {@link Action#MANAGE_ALERTS} (sre), audited.
 * HTTP only.
 */
final class SilenceRoutes implements Routes {
  private static final String SILENCES = "/api/v1/silences";

  private final Silences silences;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Guard guard;
  private final AlertSignal signal;
  private final SchemaCheck silenceSchema = SchemaCheck.of("silence-create.schema.json");

  /** A silence asked for, and when it ends. */
  private record Asked(SilenceRequest request, OffsetDateTime endsAt) {
  }

  SilenceRoutes(Silences silences, ReferenceData reference, AuditLog audit, Guard guard, AlertSignal signal) {
    this.silences = silences;
    this.reference = reference;
    this.audit = audit;
    this.guard = guard;
    this.signal = signal;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(SILENCES), "List the active silences")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.post(SILENCES), "Silence a system or group for a while, with a reason").body(silenceSchema).created().errors(422)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::create);
    ApiDoc.on(router.delete(SILENCES + "/:id"), "End a silence now").noContent().errors(400)
        .access(guard.may(Action.MANAGE_ALERTS)).handler(this::end);
  }

  private void list(RoutingContext ctx) {
    boolean active = !"false".equals(ctx.request().getParam("active"));
    silences.list(active)
        .onSuccess(items -> {
          OffsetDateTime now = OffsetDateTime.now();
          JsonBodies.ok(ctx, AlertJson.items(items, s -> AlertJson.silence(s, now)));
        })
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    checked(() -> {
      SilenceRequest request = AlertJson.silenceRequest(JsonBodies.object(ctx, silenceSchema));
      return new Asked(request, request.end(OffsetDateTime.now(), reference));
    })
        .compose(asked -> silences.create(asked.request(), asked.endsAt(), Guard.principal(ctx).username()))
        .compose(created -> audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", "silence.create",
                "silence:" + created.silence().id(), "success", ctx.request().remoteAddress().host(),
                AlertJson.silence(created.silence(), OffsetDateTime.now())))
            .map(created))
        .onSuccess(created -> {
          signal.changed(created.changes());
          ctx.response().putHeader(HttpHeaders.LOCATION, SILENCES + "/" + created.silence().id());
          JsonBodies.send(ctx, 201, AlertJson.silence(created.silence(), OffsetDateTime.now())
              .put("silencedAlerts", created.changes().size()));
        })
        .onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    id(ctx)
        .compose(id -> silences.end(id, Guard.principal(ctx).username())
            .compose(changes -> audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", "silence.end", "silence:" + id,
                "success", ctx.request().remoteAddress().host(), new JsonObject())).map(changes)))
        .onSuccess(changes -> {
          signal.changed(changes);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }
}
