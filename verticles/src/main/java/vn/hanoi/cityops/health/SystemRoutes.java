package vn.hanoi.cityops.health;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /api/v1/systems}: every city system's health {@code {"items": [...], "asOf"}};
 * {@code GET /api/v1/systems/:code}: one system (404 for an unknown code). Both need city data.
 */
public final class SystemRoutes implements Routes {
  private final Guard guard;
  private final SystemStatusRepository repository;
  private final ReferenceData reference;

  SystemRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new SystemStatusRepository(pool);
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/systems"), "The connected systems and their health")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.get("/api/v1/systems/:code"), "One connected system and its health")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::one);
  }

  private void list(RoutingContext ctx) {
    OffsetDateTime asOf = now();
    repository.all(asOf)
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.forEach(s -> items.add(s.toJson()));
          JsonBodies.ok(ctx, new JsonObject().put("items", items).put("asOf", SystemStatus.iso(asOf)));
        })
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    if (!reference.isSystem(code)) {
      ctx.fail(Failure.notFound("no city system has the code '" + code + "'"));
      return;
    }
    OffsetDateTime asOf = now();
    repository.one(code, asOf)
        .onSuccess(found -> found.ifPresentOrElse(
            s -> JsonBodies.ok(ctx, s.toJson().put("asOf", SystemStatus.iso(asOf))),
            () -> ctx.fail(Failure.notFound("no city system has the code '" + code + "'"))))
        .onFailure(ctx::fail);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(Hanoi.ZONE).truncatedTo(ChronoUnit.MILLIS);
  }
}
