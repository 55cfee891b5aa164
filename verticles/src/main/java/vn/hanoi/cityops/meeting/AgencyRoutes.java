package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.Routes;

import java.util.Comparator;

/**
 * {@code GET /api/v1/agencies}: the city's agencies (the departments, the districts and their communes) with their
 * names, level and parent, for a signed-in person to pick whom a briefing invites. Reference data, the same for
 * everyone; it changes only by migration, so the answer is built once.
 */
final class AgencyRoutes implements Routes {
  static final String AGENCIES = "/api/v1/agencies";
  private final Guard guard;
  private final String body;

  AgencyRoutes(ReferenceData reference, Guard guard) {
    this.guard = guard;
    JsonArray items = new JsonArray();
    reference.agencies().values().stream().sorted(Comparator.comparing(ReferenceData.Agency::code))
        .forEach(a -> items.add(new JsonObject().put("code", a.code()).put("nameVi", a.nameVi())
            .put("nameEn", a.nameEn()).put("level", a.level()).put("parent", a.parentCode())));
    this.body = new JsonObject().put("items", items).encode();
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(AGENCIES), "The city's agencies (departments, districts, communes) with names, level and parent")
        .access(guard.signedIn()).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
  }
}
