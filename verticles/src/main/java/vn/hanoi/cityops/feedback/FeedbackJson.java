package vn.hanoi.cityops.feedback;

import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.KpiMath;

/**
 * The one JSON shape of feedback counts, {@code {received, open, overdue, answered, avgAnswerHours, satisfactionIndex,
 * averageRating, rated}}: what {@code /api/v1/feedback/summary} and the {@code feedback} topic show, every figure
 * derived by {@link FeedbackMath} and {@link KpiMath}.
 */
public final class FeedbackJson {
  private FeedbackJson() {
  }

  public static JsonObject counts(FeedbackCounts c) {
    return new JsonObject()
        .put("received", c.received())
        .put("open", c.open())
        .put("overdue", c.overdue())
        .put("answered", c.answered())
        .put("avgAnswerHours", KpiMath.averageHours(c.answerSeconds(), c.answered()))
        .put("satisfactionIndex", FeedbackMath.satisfactionIndex(c.ratingSum(), c.rated()))
        .put("averageRating", FeedbackMath.averageRating(c.ratingSum(), c.rated()))
        .put("rated", c.rated());
  }

  /** What a briefing panel shows of a district's feedback: {@code {received, open, overdue, answered, averageRating}}. */
  public static JsonObject brief(FeedbackCounts c) {
    return new JsonObject().put("received", c.received()).put("open", c.open()).put("overdue", c.overdue())
        .put("answered", c.answered())
        .put("averageRating", FeedbackMath.averageRating(c.ratingSum(), c.rated()));
  }
}
