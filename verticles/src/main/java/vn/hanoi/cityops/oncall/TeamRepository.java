package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.store.Sql;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static vn.hanoi.cityops.oncall.Ledger.instant;
import static vn.hanoi.cityops.oncall.Ledger.utc;

/**
 * Teams, their members and systems, their rotations and covers, in PostgreSQL; the SQL is in
 * {@code sql/oncall/team-*.sql}, {@code rotation-*.sql}, {@code cover-*.sql}. Stores what the routes checked; what
 * only the database can tell is a typed failure: a code or layer taken, a system another team owns ({@code 409}),
 * an unknown policy ({@code 422}), two covers of a rotation overlapping ({@code 409}, checked under the rotation's
 * row lock so two at once cannot both pass).
 */
public final class TeamRepository {
  private static final String ALL = Sql.load("oncall/team-all.sql");
  private static final String INSERT = Sql.load("oncall/team-insert.sql");
  private static final String UPDATE = Sql.load("oncall/team-update.sql");
  private static final String MEMBERS = Sql.load("oncall/team-members.sql");
  private static final String OWNERS = Sql.load("oncall/team-owners.sql");
  private static final String SYSTEMS = Sql.load("oncall/team-systems.sql");
  private static final String DELETE = Sql.load("oncall/team-delete.sql");
  private static final String POLICY = Sql.load("oncall/policy-all.sql");
  private static final String ROTATIONS = Sql.load("oncall/rotation-all.sql");
  private static final String ROTATION_INSERT = Sql.load("oncall/rotation-insert.sql");
  private static final String ROTATION_UPDATE = Sql.load("oncall/rotation-update.sql");
  private static final String ROTATION_DELETE = Sql.load("oncall/rotation-delete.sql");
  private static final String ROTATION_LOCK = Sql.load("oncall/rotation-lock.sql");
  private static final String COVERS = Sql.load("oncall/cover-all.sql");
  private static final String COVER_OVERLAP = Sql.load("oncall/cover-overlap.sql");
  private static final String COVER_INSERT = Sql.load("oncall/cover-insert.sql");
  private static final String COVER_DELETE = Sql.load("oncall/cover-delete.sql");
  private static final String UNIQUE_VIOLATION = "23505";
  /** Covers that ended within this are still read: a handoff at the end of one is found after it. */
  private static final Duration RECENT_COVERS = Duration.ofDays(7);

  /** A team as a person writes it (members and systems: exactly these). */
  public record TeamFields(String code, String nameVi, String nameEn, String lead, List<String> members,
                           List<String> systems, String policy) {
  }

  /** A rotation as a person writes it. */
  public record RotationFields(TeamRotation.Layer layer, Rotation.Length length, LocalTime handoffTime,
                               DayOfWeek handoffDay, LocalDate startsOn, List<String> members) {
  }

  /** A cover as a person writes it. */
  public record CoverFields(String username, Instant startsAt, Instant endsAt, String reason) {
  }

  private final Pool pool;

  public TeamRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Team>> teams() {
    return pool.preparedQuery(ALL).execute(Tuple.of((Object) null)).map(TeamRepository::teams);
  }

  public Future<Optional<Team>> team(String code) {
    return pool.preparedQuery(ALL).execute(Tuple.of(code)).map(rows -> teams(rows).stream().findFirst());
  }

  /** Stores a new team; {@code 409} when its code is taken or one of its systems is another team's. */
  public Future<Team> create(TeamFields f) {
    return pool.withTransaction(c -> policyId(c, f.policy())
        .compose(policy -> c.preparedQuery(INSERT).execute(Tuple.of(f.code(), f.nameVi(), f.nameEn(), f.lead(), policy)))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "a team with code " + f.code() + " exists"))
            : membersAndSystems(c, rows.iterator().next().getLong("id"), f)))
        .compose(v -> team(f.code()).map(Optional::orElseThrow));
  }

  /** Replaces team {@code code}'s names, lead, policy, members and systems. */
  public Future<Team> replace(String code, TeamFields f) {
    return pool.withTransaction(c -> policyId(c, f.policy())
        .compose(policy -> c.preparedQuery(UPDATE).execute(Tuple.of(code, f.nameVi(), f.nameEn(), f.lead(), policy)))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(Failure.notFound("no on-call team " + code))
            : membersAndSystems(c, rows.iterator().next().getLong("id"), f)))
        .compose(v -> team(code).map(Optional::orElseThrow));
  }

  public Future<Void> delete(String code) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(code)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Failure.notFound("no on-call team " + code)) : Future.succeededFuture());
  }

  private Future<Long> policyId(SqlClient c, String code) {
    if (code == null) {
      return Future.succeededFuture(null);
    }
    return c.preparedQuery(POLICY).execute(Tuple.of(code)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Failure.unknownReference("no escalation policy " + code, "policy", "is not a known policy"))
        : Future.succeededFuture(rows.iterator().next().getLong("id")));
  }

  private Future<Void> membersAndSystems(SqlClient c, long teamId, TeamFields f) {
    String[] systems = f.systems().toArray(new String[0]);
    return c.preparedQuery(MEMBERS).execute(pair(teamId, f.members().toArray(new String[0])))
        .compose(v -> c.preparedQuery(OWNERS).execute(pair(teamId, systems)))
        .compose(owned -> {
          if (owned.size() > 0) {
            return Future.failedFuture(ownedElsewhere(owned));
          }
          return c.preparedQuery(SYSTEMS).execute(pair(teamId, systems))
              .recover(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                  ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "system_owned",
                  "a system of the team was taken by another team meanwhile")) : Future.failedFuture(e));
        })
        .mapEmpty();
  }

  private static Failure ownedElsewhere(RowSet<Row> owned) {
    List<String> taken = new ArrayList<>();
    owned.forEach(r -> taken.add(r.getString("system_code") + " (team " + r.getString("team") + ")"));
    return new Failure(Failure.Kind.CONFLICT, "system_owned", "a system is owned by one team at most: "
        + String.join(", ", taken) + " already has an owner", Failure.field("systems", "already owned: " + taken));
  }

  /** The rotations of team {@code teamCode} (every team's when null), each with its recent and coming covers. */
  public Future<List<TeamRotation>> rotations(String teamCode) {
    return pool.preparedQuery(ROTATIONS).execute(Tuple.of(teamCode, (Object) null)).compose(this::withCovers);
  }

  public Future<Optional<TeamRotation>> rotation(long id) {
    return pool.preparedQuery(ROTATIONS).execute(Tuple.of(null, id)).compose(this::withCovers)
        .map(list -> list.stream().findFirst());
  }

  /** A new rotation of {@code team}; {@code 409} when the team has one in that layer. */
  public Future<TeamRotation> addRotation(Team team, RotationFields f) {
    return pool.preparedQuery(ROTATION_INSERT).execute(Tuple.from(new Object[]{team.id(), f.layer().code(),
            lengthCode(f.length()), f.handoffTime(), day(f.handoffDay()), f.startsOn(), f.members().toArray(new String[0])}))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "conflict", "team " + team.code() + " already has a "
                + f.layer().code() + " rotation: change or delete it"))
            : rotation(rows.iterator().next().getLong("id")).map(Optional::orElseThrow));
  }

  /** Replaces rotation {@code id}'s shape and members (its team and layer stay). */
  public Future<TeamRotation> replaceRotation(long id, RotationFields f) {
    return pool.preparedQuery(ROTATION_UPDATE).execute(Tuple.from(new Object[]{id, lengthCode(f.length()),
            f.handoffTime(), day(f.handoffDay()), f.startsOn(), f.members().toArray(new String[0])}))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(Failure.notFound("no rotation " + id))
            : rotation(id).map(Optional::orElseThrow));
  }

  public Future<Void> deleteRotation(long id) {
    return pool.preparedQuery(ROTATION_DELETE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Failure.notFound("no rotation " + id)) : Future.succeededFuture());
  }

  /** A new cover of rotation {@code rotationId}, by {@code actor}; {@code 409} when it overlaps another of it. */
  public Future<RotationCover> addCover(long rotationId, CoverFields f, String actor) {
    return pool.withTransaction(c -> c.preparedQuery(ROTATION_LOCK).execute(Tuple.of(rotationId))
        .compose(locked -> locked.size() == 0
            ? Future.failedFuture(Failure.notFound("no rotation " + rotationId))
            : c.preparedQuery(COVER_OVERLAP).execute(Tuple.of(rotationId, utc(f.startsAt()), utc(f.endsAt()))))
        .compose(overlap -> {
          if (overlap.size() > 0) {
            RotationCover other = cover(overlap.iterator().next());
            return Future.failedFuture(new Failure(Failure.Kind.CONFLICT, "overlapping_cover", "the cover overlaps cover "
                + other.id() + " (" + other.username() + ", " + other.startsAt() + " to " + other.endsAt() + ")",
                Failure.field("startsAt", "overlaps cover " + other.id())));
          }
          return c.preparedQuery(COVER_INSERT).execute(Tuple.of(rotationId, f.username(), utc(f.startsAt()),
              utc(f.endsAt()), f.reason(), actor)).map(rows -> cover(rows.iterator().next()));
        }));
  }

  public Future<RotationCover> deleteCover(long id) {
    return pool.preparedQuery(COVER_DELETE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(Failure.notFound("no cover " + id)) : Future.succeededFuture(cover(rows.iterator().next())));
  }

  private Future<List<TeamRotation>> withCovers(RowSet<Row> rows) {
    List<TeamRotation> rotations = new ArrayList<>(rows.size());
    rows.forEach(r -> rotations.add(rotation(r)));
    if (rotations.isEmpty()) {
      return Future.succeededFuture(rotations);
    }
    Long[] ids = rotations.stream().map(TeamRotation::id).toArray(Long[]::new);
    return pool.preparedQuery(COVERS).execute(Tuple.of(ids, utc(Instant.now().minus(RECENT_COVERS)))).map(covers -> {
      List<RotationCover> all = new ArrayList<>(covers.size());
      covers.forEach(c -> all.add(cover(c)));
      return rotations.stream().map(r -> r.withCovers(all)).toList();
    });
  }

  private static List<Team> teams(RowSet<Row> rows) {
    List<Team> teams = new ArrayList<>(rows.size());
    for (Row r : rows) {
      teams.add(new Team(r.getLong("id"), r.getString("code"), r.getString("name_vi"), r.getString("name_en"),
          r.getString("lead_username"), r.getString("policy"), Arrays.asList(r.getArrayOfStrings("members")),
          Arrays.asList(r.getArrayOfStrings("systems")), instant(r, "created_at"), instant(r, "updated_at")));
    }
    return teams;
  }

  private static TeamRotation rotation(Row r) {
    Short day = r.getShort("handoff_day");
    return new TeamRotation(r.getLong("id"), r.getLong("team_id"), r.getString("team"),
        TeamRotation.Layer.of(r.getString("layer")), Rotation.Length.valueOf(r.getString("length").toUpperCase()),
        r.getLocalTime("handoff_time"), day == null ? null : DayOfWeek.of(day), r.getLocalDate("starts_on"),
        Arrays.asList(r.getArrayOfStrings("members")), List.of(), instant(r, "updated_at"));
  }

  static RotationCover cover(Row r) {
    return new RotationCover(r.getLong("id"), r.getLong("rotation_id"), r.getString("username"),
        instant(r, "starts_at"), instant(r, "ends_at"), r.getString("reason"), r.getString("created_by"),
        instant(r, "created_at"));
  }

  /** A tuple of a value and an array (Tuple.of(x, array) would spread the array into parameters). */
  private static Tuple pair(Object first, Object[] array) {
    return Tuple.tuple().addValue(first).addValue(array);
  }

  private static String lengthCode(Rotation.Length length) {
    return length.name().toLowerCase();
  }

  private static Short day(DayOfWeek day) {
    return day == null ? null : (short) day.getValue();
  }
}
