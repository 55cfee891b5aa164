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
import vn.hanoi.cityops.oncall.TeamRepository.CoverFields;
import vn.hanoi.cityops.oncall.TeamRepository.RotationFields;
import vn.hanoi.cityops.oncall.TeamRepository.TeamFields;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.Routes;
import vn.hanoi.cityops.web.SchemaCheck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.hanoi.cityops.web.Requests.checked;
import static vn.hanoi.cityops.web.Requests.id;
import static vn.hanoi.cityops.web.Requests.present;

/**
 * {@code /api/v1/oncall/teams}, their rotations ({@code /teams/{code}/rotations}, {@code /rotations/{id}}) and
 * covers ({@code /rotations/{id}/covers}, {@code /covers/{id}}). Reading needs city data; changing
 * {@link Action#MANAGE_ONCALL} (sre, admin), each change audited ({@code oncall.team.*}, {@code oncall.rotation.*},
 * {@code oncall.cover.*}). A body is checked against its schema file, then {@link OnCallRules}, then whether the
 * people and systems it names exist ({@link Known}: {@code 422}); a code or layer taken, a system another team owns,
 * covers overlapping are {@code 409}. HTTP only.
 */
final class TeamRoutes implements Routes {
  private static final String TEAMS = "/api/v1/oncall/teams";
  private static final String ROTATIONS = "/api/v1/oncall/rotations";
  private static final String COVERS = "/api/v1/oncall/covers";

  private final TeamRepository teams;
  private final Known known;
  private final AuditLog audit;
  private final Guard guard;
  private final SchemaCheck teamSchema = SchemaCheck.of("oncall-team.schema.json");
  private final SchemaCheck rotationSchema = SchemaCheck.of("oncall-rotation.schema.json");
  private final SchemaCheck coverSchema = SchemaCheck.of("oncall-cover.schema.json");

  TeamRoutes(TeamRepository teams, Known known, AuditLog audit, Guard guard) {
    this.teams = teams;
    this.known = known;
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get(TEAMS), "List the on-call teams")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::list);
    ApiDoc.on(router.post(TEAMS), "Create an on-call team").body(teamSchema).created().errors(409, 422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::create);
    ApiDoc.on(router.get(TEAMS + "/:code"), "One on-call team")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::one);
    ApiDoc.on(router.put(TEAMS + "/:code"), "Replace an on-call team").body(teamSchema).errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::replace);
    ApiDoc.on(router.delete(TEAMS + "/:code"), "Delete an on-call team").noContent().errors(409)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::delete);
    ApiDoc.on(router.get(TEAMS + "/:code/rotations"), "A team's rotations")
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::rotations);
    ApiDoc.on(router.post(TEAMS + "/:code/rotations"), "Add a rotation to a team").body(rotationSchema).created().errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::addRotation);
    ApiDoc.on(router.get(ROTATIONS + "/:id"), "One rotation").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::rotation);
    ApiDoc.on(router.put(ROTATIONS + "/:id"), "Replace a rotation").body(rotationSchema).errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::replaceRotation);
    ApiDoc.on(router.delete(ROTATIONS + "/:id"), "Delete a rotation").noContent().errors(400)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::deleteRotation);
    ApiDoc.on(router.get(ROTATIONS + "/:id/covers"), "A rotation's covers (someone standing in)").errors(400)
        .access(guard.may(Action.READ_CITY_DATA)).handler(this::covers);
    ApiDoc.on(router.post(ROTATIONS + "/:id/covers"), "Add a cover to a rotation").body(coverSchema).created().errors(422)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::addCover);
    ApiDoc.on(router.delete(COVERS + "/:id"), "Delete a cover").noContent().errors(400)
        .access(guard.may(Action.MANAGE_ONCALL)).handler(this::deleteCover);
  }

  private void list(RoutingContext ctx) {
    teams.teams().onSuccess(all -> JsonBodies.ok(ctx, OnCallJson.items(all, OnCallJson::team))).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    teams.team(code).compose(found -> present(found, "no on-call team " + code))
        .onSuccess(team -> JsonBodies.ok(ctx, OnCallJson.team(team)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    checked(() -> {
      JsonObject body = JsonBodies.object(ctx, teamSchema);
      if (body.getString("code") == null) {
        throw Failure.invalidField("the team is not valid: code is required", "code", "is required");
      }
      return OnCallJson.teamFields(body.getString("code"), body);
    })
        .compose(this::knownTeam)
        .compose(teams::create)
        .compose(team -> audited(ctx, "oncall.team.create", "oncall_team:" + team.code(), OnCallJson.team(team)).map(team))
        .onSuccess(team -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, TEAMS + "/" + team.code());
          JsonBodies.send(ctx, 201, OnCallJson.team(team));
        })
        .onFailure(ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    checked(() -> {
      JsonObject body = JsonBodies.object(ctx, teamSchema);
      if (body.getString("code") != null && !body.getString("code").equals(code)) {
        throw Failure.invalidField("the team's code is its path's: " + code, "code", "must be " + code + " or left out");
      }
      return OnCallJson.teamFields(code, body);
    })
        .compose(this::knownTeam)
        .compose(fields -> teams.replace(code, fields))
        .compose(team -> audited(ctx, "oncall.team.update", "oncall_team:" + code, OnCallJson.team(team)).map(team))
        .onSuccess(team -> JsonBodies.ok(ctx, OnCallJson.team(team)))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    teams.delete(code)
        .compose(v -> audited(ctx, "oncall.team.delete", "oncall_team:" + code, new JsonObject()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<TeamFields> knownTeam(TeamFields f) {
    return known.check(Map.of("lead", List.of(f.lead()), "members", f.members()), f.systems()).map(f);
  }

  private void rotations(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    teams.team(code).compose(found -> present(found, "no on-call team " + code))
        .compose(team -> teams.rotations(code))
        .onSuccess(all -> JsonBodies.ok(ctx, OnCallJson.items(all, r -> OnCallJson.rotation(r, Instant.now()))))
        .onFailure(ctx::fail);
  }

  private void rotation(RoutingContext ctx) {
    id(ctx).compose(id -> teams.rotation(id).compose(found -> present(found, "no rotation " + id)))
        .onSuccess(r -> JsonBodies.ok(ctx, OnCallJson.rotation(r, Instant.now())))
        .onFailure(ctx::fail);
  }

  private void addRotation(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    checked(() -> {
      JsonObject body = JsonBodies.object(ctx, rotationSchema);
      if (body.getString("layer") == null) {
        throw Failure.invalidField("the rotation is not valid: layer is required", "layer", "is required");
      }
      return OnCallJson.rotationFields(body, null);
    })
        .compose(this::valid)
        .compose(fields -> teams.team(code).compose(found -> present(found, "no on-call team " + code))
            .compose(team -> members(team, fields).compose(v -> teams.addRotation(team, fields))))
        .compose(r -> audited(ctx, "oncall.rotation.create", "oncall_rotation:" + r.id(), OnCallJson.rotation(r, Instant.now()))
            .map(r))
        .onSuccess(r -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, ROTATIONS + "/" + r.id());
          JsonBodies.send(ctx, 201, OnCallJson.rotation(r, Instant.now()));
        })
        .onFailure(ctx::fail);
  }

  private void replaceRotation(RoutingContext ctx) {
    id(ctx).compose(id -> teams.rotation(id).compose(found -> present(found, "no rotation " + id))
            .compose(stored -> checked(() -> {
              JsonObject body = JsonBodies.object(ctx, rotationSchema);
              String layer = body.getString("layer");
              if (layer != null && !layer.equals(stored.layer().code())) {
                throw Failure.invalidField("a rotation keeps its layer: make another for the " + layer + " layer",
                    "layer", "must be " + stored.layer().code() + " or left out");
              }
              return OnCallJson.rotationFields(body, stored.layer());
            })
                .compose(this::valid)
                .compose(fields -> teams.team(stored.team()).map(Optional::orElseThrow)
                    .compose(team -> members(team, fields))
                    .compose(v -> teams.replaceRotation(id, fields)))))
        .compose(r -> audited(ctx, "oncall.rotation.update", "oncall_rotation:" + r.id(), OnCallJson.rotation(r, Instant.now()))
            .map(r))
        .onSuccess(r -> JsonBodies.ok(ctx, OnCallJson.rotation(r, Instant.now())))
        .onFailure(ctx::fail);
  }

  private void deleteRotation(RoutingContext ctx) {
    id(ctx).compose(id -> teams.deleteRotation(id)
            .compose(v -> audited(ctx, "oncall.rotation.delete", "oncall_rotation:" + id, new JsonObject())))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<RotationFields> valid(RotationFields f) {
    return OnCallRules.rotation(f).<Future<RotationFields>>map(Future::failedFuture)
        .orElseGet(() -> Future.succeededFuture(f));
  }

  /** A rotation's members are known people and members of its team ({@code 422} otherwise). */
  private Future<Void> members(Team team, RotationFields f) {
    return known.check(Map.of("members", f.members()), List.of()).compose(v -> {
      List<String> outsiders = f.members().stream().filter(m -> !team.members().contains(m)).distinct().toList();
      return outsiders.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(Failure.unknownReference("not members of team " + team.code() + ": " + outsiders
              + " (add them to the team first)", "members", "are not members of team " + team.code() + ": " + outsiders));
    });
  }

  private void covers(RoutingContext ctx) {
    id(ctx).compose(id -> teams.rotation(id).compose(found -> present(found, "no rotation " + id)))
        .onSuccess(r -> JsonBodies.ok(ctx, OnCallJson.items(r.covers(), OnCallJson::cover)))
        .onFailure(ctx::fail);
  }

  private void addCover(RoutingContext ctx) {
    Instant now = Instant.now();
    id(ctx).compose(id -> checked(() -> OnCallJson.coverFields(JsonBodies.object(ctx, coverSchema)))
            .compose(f -> OnCallRules.cover(f, now).<Future<CoverFields>>map(Future::failedFuture)
                .orElseGet(() -> Future.succeededFuture(f)))
            .compose(f -> known.check(Map.of("username", List.of(f.username())), List.of()).map(f))
            .compose(f -> teams.addCover(id, f, Guard.principal(ctx).username())))
        .compose(c -> audited(ctx, "oncall.cover.create", "oncall_rotation:" + c.rotationId(), OnCallJson.cover(c)).map(c))
        .onSuccess(c -> {
          ctx.response().putHeader(HttpHeaders.LOCATION, COVERS + "/" + c.id());
          JsonBodies.send(ctx, 201, OnCallJson.cover(c));
        })
        .onFailure(ctx::fail);
  }

  private void deleteCover(RoutingContext ctx) {
    id(ctx).compose(teams::deleteCover)
        .compose(c -> audited(ctx, "oncall.cover.delete", "oncall_rotation:" + c.rotationId(), OnCallJson.cover(c)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<Void> audited(RoutingContext ctx, String action, String target, JsonObject details) {
    return audit.record(new AuditLog.Entry(Guard.principal(ctx).username(), "user", action, target, "success",
        ctx.request().remoteAddress().host(), details));
  }
}
