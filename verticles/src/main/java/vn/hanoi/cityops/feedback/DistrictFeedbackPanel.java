package vn.hanoi.cityops.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.Instant;
import java.util.Set;

/**
 * Briefing panel {@code district-feedback} {district, period: today (default), week (the last seven days), month or
 * year}: a district's citizen feedback, {@code {district, nameVi, nameEn, period, total, byCategory: {category:
 * {...}}}}, counted as {@code /api/v1/feedback/summary} counts it. Moved by {@code feedback} events.
 */
final class DistrictFeedbackPanel implements Panel {
  static final String KIND = "district-feedback";
  private static final Set<String> PERIODS = Set.of("today", "week", "month", "year");

  private final FeedbackRepository feedback;
  private final ReferenceData reference;

  DistrictFeedbackPanel(FeedbackRepository feedback, ReferenceData reference) {
    this.feedback = feedback;
    this.reference = reference;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject validate(JsonObject spec) {
    String district = Panel.district(spec, reference);
    String period = spec.getString("period", "today");
    if (!PERIODS.contains(period)) {
      throw Panel.invalid("period", "must be today, week, month or year");
    }
    return new JsonObject().put("kind", KIND).put("district", district).put("period", period);
  }

  @Override
  public Future<JsonObject> compute(JsonObject spec, Instant now) {
    String district = spec.getString("district");
    return feedback.summary(bounds(spec.getString("period"), now), now, new FeedbackFilter(district, null, null, null))
        .map(s -> {
          JsonObject byCategory = new JsonObject();
          s.byCategory().forEach((category, counts) -> byCategory.put(category, FeedbackJson.brief(counts)));
          Agency d = reference.agencies().get(district);
          return new JsonObject().put("district", district).put("nameVi", d.nameVi()).put("nameEn", d.nameEn())
              .put("period", spec.getString("period")).put("total", FeedbackJson.brief(s.total()))
              .put("byCategory", byCategory);
        });
  }

  @Override
  public Set<String> movedBy(JsonObject spec) {
    return Set.of(EventTypes.FEEDBACK);
  }

  private static Period.Bounds bounds(String period, Instant now) {
    return switch (period) {
      case "week" -> new Period.Bounds(Period.startOfDay(now, 6), now);
      case "month" -> Period.MONTH.bounds(now);
      case "year" -> Period.YEAR.bounds(now);
      default -> Period.TODAY.bounds(now);
    };
  }
}
