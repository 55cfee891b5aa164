package vn.hanoi.cityops.feedback;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.PacedTopics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topic {@code feedback}: today's citizen feedback — {@code today} (totals), {@code district.<code>},
 * {@code channel.<channel>} and {@code category.<name>} — recomputed from PostgreSQL when feedback
 * events arrive, paced by {@link PacedTopics}; a delta carries only the groups whose numbers moved.
 */
public final class FeedbackTopics extends PacedTopics {
  static final String TOPIC = "feedback";

  private final FeedbackRepository repository;

  public FeedbackTopics(Pool pool, Connections hub) {
    super("feedback", hub);
    this.repository = new FeedbackRepository(pool);
  }

  @Override
  protected Future<Map<String, Map<String, Object>>> compute(Instant now) {
    return repository.summary(Period.TODAY.bounds(now), now, FeedbackFilter.NONE).map(s -> {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("today", FeedbackJson.counts(s.total()).getMap());
      s.byDistrict().forEach((code, c) -> data.put("district." + code, FeedbackJson.counts(c).getMap()));
      s.byChannel().forEach((channel, c) -> data.put("channel." + channel, FeedbackJson.counts(c).getMap()));
      s.byCategory().forEach((category, c) -> data.put("category." + category, FeedbackJson.counts(c).getMap()));
      return Map.of(TOPIC, data);
    });
  }
}
