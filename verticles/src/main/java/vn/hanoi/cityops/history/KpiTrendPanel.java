package vn.hanoi.cityops.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Briefing panel {@code kpi-trend} {kpi, days: 1-30 (default 30), district?}: one KPI's hourly history for the city or
 * a district, {@code {kpi, nameVi, nameEn, step: "hour", points: [[t, v]...]}}, read as {@code /api/v1/series} reads
 * it. Moved by {@code dossier} and {@code feedback} events.
 */
final class KpiTrendPanel implements Panel {
  static final String KIND = "kpi-trend";
  private static final int MAX_DAYS = 30;

  private final SeriesRepository series;
  private final ReferenceData reference;

  KpiTrendPanel(SeriesRepository series, ReferenceData reference) {
    this.series = series;
    this.reference = reference;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    String kpi = spec.getString("kpi");
    if (kpi == null || Kpi.of(kpi).isEmpty()) {
      throw Failure.unknownReference("unknown KPI " + kpi, "kpi", "is not a known KPI");
    }
    Object days = spec.getValue("days", MAX_DAYS);
    if (!(days instanceof Integer d) || d < 1 || d > MAX_DAYS) {
      throw Panel.invalid("days", "must be a whole number from 1 to 30");
    }
    JsonObject valid = new JsonObject().put("kind", KIND).put("kpi", kpi).put("days", days);
    if (spec.getValue("district") != null) {
      valid.put("district", Panel.district(spec, reference));
    }
    return valid;
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    Kpi kpi = Kpi.of(spec.getString("kpi")).orElseThrow();
    Scope scope = spec.getString("district") == null ? Scope.CITY : Scope.district(spec.getString("district"));
    Buckets.Step step = Buckets.Step.HOUR;
    Instant end = step.ceil(now);
    Instant first = step.floor(now.minus(Duration.ofDays(spec.getInteger("days"))));
    return series.series(kpi, scope, new Buckets.Window(step, first, end)).map(points -> {
      JsonArray out = new JsonArray();
      points.forEach(p -> out.add(new JsonArray().add(p.t().toString()).add(p.v())));
      return new JsonObject().put("kpi", kpi.code()).put("nameVi", kpi.nameVi()).put("nameEn", kpi.nameEn())
          .put("step", step.code()).put("points", out);
    });
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(EventTypes.DOSSIER, EventTypes.FEEDBACK);
  }
}
