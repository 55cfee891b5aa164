package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.dossier.DossierCounts;
import vn.hanoi.cityops.dossier.DossierKpis;
import vn.hanoi.cityops.dossier.DossierRepository;
import vn.hanoi.cityops.dossier.Ranking;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.feedback.FeedbackCounts;
import vn.hanoi.cityops.feedback.FeedbackFilter;
import vn.hanoi.cityops.feedback.FeedbackRepository;
import vn.hanoi.cityops.health.SystemStatus;
import vn.hanoi.cityops.health.SystemStatusRepository;
import vn.hanoi.cityops.history.Buckets;
import vn.hanoi.cityops.history.Kpi;
import vn.hanoi.cityops.history.Scope;
import vn.hanoi.cityops.history.SeriesRepository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data panels a chair can share: each kind validated against the reference data and computed from the same
 * repositories the REST API and the live topics use, so a panel shows the numbers the rest of cityops shows.
 * Kinds: {@code systems}; {@code district-dossiers} {district}; {@code district-feedback} {district, period};
 * {@code district-ranking} {by}; {@code kpi-trend} {kpi, days ≤ 30, district?}; {@code previous-tasks} {meeting}
 * (the tasks a previous briefing assigned, with their state: what the next briefing opens with).
 */
public final class Panels {
  static final String PREVIOUS_TASKS = "previous-tasks";
  static final Set<String> KINDS = Set.of("systems", "district-dossiers", "district-feedback", "district-ranking", "kpi-trend",
      PREVIOUS_TASKS);
  /** Which event types move each data kind's numbers (clock ticks move them all); see {@link #movedBy}. */
  static final Map<String, Set<String>> MOVED_BY = Map.of(
      "systems", Set.of("system.health"),
      "district-dossiers", Set.of("dossier"),
      "district-feedback", Set.of("feedback"),
      "district-ranking", Set.of("dossier"),
      "kpi-trend", Set.of("dossier", "feedback"));

  private final ReferenceData reference;
  private final DossierRepository dossiers;
  private final FeedbackRepository feedback;
  private final SystemStatusRepository systems;
  private final SeriesRepository series;
  private final TaskRepository tasks;

  public Panels(Pool pool, ReferenceData reference) {
    this.reference = reference;
    this.dossiers = new DossierRepository(pool);
    this.feedback = new FeedbackRepository(pool);
    this.systems = new SystemStatusRepository(pool);
    this.series = new SeriesRepository(pool);
    this.tasks = new TaskRepository(pool);
  }

  /**
   * What moves a panel's numbers besides clock ticks: event types for the data kinds; for {@code previous-tasks}, the
   * events of that meeting (every change of its tasks is one, see {@link MeetingRepository#record}), named by its topic.
   */
  static Set<String> movedBy(JsonObject spec) {
    String kind = spec.getString("kind");
    return PREVIOUS_TASKS.equals(kind) ? Set.of(MeetingTopics.topic(spec.getLong("meeting"))) : MOVED_BY.getOrDefault(kind, Set.of());
  }

  /** The spec as stored: only the fields of its kind; 400 for a bad shape, 422 for an unknown reference. */
  JsonObject validate(JsonObject body) {
    String kind = body.getString("kind");
    if (kind == null || !KINDS.contains(kind)) {
      throw invalid("kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    JsonObject spec = new JsonObject().put("kind", kind);
    switch (kind) {
      case "district-dossiers" -> spec.put("district", district(body));
      case "district-feedback" -> {
        spec.put("district", district(body));
        String period = body.getString("period", "today");
        if (!Set.of("today", "week", "month", "year").contains(period)) {
          throw invalid("period", "must be today, week, month or year");
        }
        spec.put("period", period);
      }
      case "district-ranking" -> {
        String by = body.getString("by", "overdueNow");
        if (Ranking.By.of(by).isEmpty()) {
          throw invalid("by", "must be overdueNow or onTimeRate");
        }
        spec.put("by", by);
      }
      case "kpi-trend" -> {
        String kpi = body.getString("kpi");
        if (kpi == null || Kpi.of(kpi).isEmpty()) {
          throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "unknown KPI " + kpi, field("kpi", "is not a known KPI"));
        }
        Object days = body.getValue("days", 30);
        if (!(days instanceof Integer d) || d < 1 || d > 30) {
          throw invalid("days", "must be a whole number from 1 to 30");
        }
        spec.put("kpi", kpi).put("days", days);
        if (body.getValue("district") != null) {
          spec.put("district", district(body));
        }
      }
      case PREVIOUS_TASKS -> {
        Object meeting = body.getValue("meeting");
        if (!(meeting instanceof Integer || meeting instanceof Long) || ((Number) meeting).longValue() < 1) {
          throw invalid("meeting", "must be a meeting id (a whole number)");
        }
        spec.put("meeting", ((Number) meeting).longValue());
      }
      default -> {
      }
    }
    return spec;
  }

  /** The panel's data now: {@code {"asOf", ...kind's figures}}. */
  Future<JsonObject> compute(JsonObject spec, Instant now) {
    Future<JsonObject> data = switch (spec.getString("kind")) {
      case "systems" -> systems.all(now.atOffset(ZoneOffset.UTC)).map(list -> {
        JsonObject bySystem = new JsonObject();
        for (SystemStatus s : list) {
          bySystem.put(s.code(), s.toJson());
        }
        return new JsonObject().put("systems", bySystem);
      });
      case "district-dossiers" -> {
        List<String> members = members(spec.getString("district"));
        yield dossiers.countsByAgency(Period.TODAY.bounds(now), now, members).map(byAgency -> {
          JsonObject communes = new JsonObject();
          DossierCounts total = DossierCounts.NONE;
          for (String code : members) {
            DossierCounts c = byAgency.getOrDefault(code, DossierCounts.NONE);
            total = total.plus(c);
            communes.put(code, kpis(DossierKpis.of(c)).put("nameVi", reference.agencies().get(code).nameVi()));
          }
          return names(new JsonObject(), spec.getString("district")).put("kpis", kpis(DossierKpis.of(total)))
              .put("agencies", communes);
        });
      }
      case "district-feedback" -> {
        Period.Bounds bounds = bounds(spec.getString("period"), now);
        yield feedback.summary(bounds, now, new FeedbackFilter(spec.getString("district"), null, null, null))
            .map(s -> {
              JsonObject byCategory = new JsonObject();
              s.byCategory().forEach((k, v) -> byCategory.put(k, feedback(v)));
              return names(new JsonObject(), spec.getString("district")).put("period", spec.getString("period"))
                  .put("total", feedback(s.total())).put("byCategory", byCategory);
            });
      }
      case "district-ranking" -> {
        Ranking.By by = Ranking.By.of(spec.getString("by")).orElseThrow();
        yield dossiers.countsByAgency(Period.TODAY.bounds(now), now, null).map(byAgency -> {
          List<Ranking.Entry> entries = new ArrayList<>();
          reference.agencies().values().stream().filter(a -> "district".equals(a.level())).forEach(d -> {
            DossierCounts sum = DossierCounts.NONE;
            for (String m : members(d.code())) {
              sum = sum.plus(byAgency.getOrDefault(m, DossierCounts.NONE));
            }
            entries.add(new Ranking.Entry(d.code(), d.nameVi(), d.nameEn(), d.level(), DossierKpis.of(sum)));
          });
          JsonArray items = new JsonArray();
          int rank = 0;
          for (Ranking.Entry e : Ranking.sort(entries, by)) {
            items.add(kpis(e.kpis()).put("rank", ++rank).put("code", e.code()).put("nameVi", e.nameVi()).put("nameEn", e.nameEn()));
          }
          return new JsonObject().put("by", by.code()).put("items", items);
        });
      }
      case "kpi-trend" -> {
        Kpi kpi = Kpi.of(spec.getString("kpi")).orElseThrow();
        Scope scope = spec.getString("district") == null ? Scope.CITY : Scope.district(spec.getString("district"));
        Buckets.Step step = Buckets.Step.of("hour").orElseThrow();
        Instant end = step.ceil(now);
        Instant first = step.floor(now.minus(Duration.ofDays(spec.getInteger("days"))));
        yield series.series(kpi, scope, new Buckets.Window(step, first, end)).map(points -> {
          JsonArray out = new JsonArray();
          points.forEach(p -> out.add(new JsonArray().add(p.t().toString()).add(p.v())));
          return new JsonObject().put("kpi", kpi.code()).put("nameVi", kpi.nameVi()).put("nameEn", kpi.nameEn())
              .put("step", "hour").put("points", out);
        });
      }
      case PREVIOUS_TASKS -> tasks.ofMeeting(spec.getLong("meeting"), now);
      default -> Future.failedFuture(new IllegalArgumentException("unknown panel kind"));
    };
    return data.map(d -> d.put("asOf", now.toString()));
  }

  private List<String> members(String district) {
    return reference.agencies().values().stream()
        .filter(a -> district.equals(reference.districtOf(a.code())))
        .map(ReferenceData.Agency::code).sorted().toList();
  }

  private JsonObject names(JsonObject json, String district) {
    ReferenceData.Agency d = reference.agencies().get(district);
    return json.put("district", district).put("nameVi", d.nameVi()).put("nameEn", d.nameEn());
  }

  private String district(JsonObject body) {
    Object code = body.getValue("district");
    if (!(code instanceof String s)) {
      throw invalid("district", "is required (a district code such as CG)");
    }
    if (!reference.isDistrict(s)) {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference", "no district has the code '" + s + "'",
          field("district", "is not a known district"));
    }
    return s;
  }

  private static Period.Bounds bounds(String period, Instant now) {
    return switch (period) {
      case "week" -> new Period.Bounds(Period.startOfDay(now, 6), now);
      case "month" -> Period.MONTH.bounds(now);
      case "year" -> Period.YEAR.bounds(now);
      default -> Period.TODAY.bounds(now);
    };
  }

  private static JsonObject kpis(DossierKpis k) {
    return new JsonObject().put("received", k.received()).put("inProgress", k.inProgress())
        .put("completedOnTime", k.completedOnTime()).put("completedLate", k.completedLate())
        .put("returned", k.returned()).put("backlog", k.backlog()).put("overdueNow", k.overdueNow())
        .put("onTimeRate", k.onTimeRate()).put("onlineShare", k.onlineShare())
        .put("avgProcessingHours", k.avgProcessingHours());
  }

  private static JsonObject feedback(FeedbackCounts c) {
    return new JsonObject().put("received", c.received()).put("open", c.open()).put("overdue", c.overdue())
        .put("answered", c.answered())
        .put("averageRating", c.rated() == 0 ? null : Math.round(10.0 * c.ratingSum() / c.rated()) / 10.0);
  }

  private static Failure invalid(String name, String reason) {
    return new Failure(Failure.Kind.INVALID, "validation_failed", "the panel is not valid: " + name + " " + reason, field(name, reason));
  }

  private static JsonArray field(String name, String reason) {
    return new JsonArray().add(new JsonObject().put("field", name).put("reason", reason));
  }
}
